import { describe, expect, it } from 'vitest';
import { foldNameWord, sameSpeaker } from '../../../functions/core/speakers/fold-name.ts';

describe('one person under several spellings', () => {
  it('folds transliterations, accents and titles', () => {
    const forms = ['Zelenskyy', 'Zelensky', 'Zelenskiy', 'President Volodymyr Zelenskyy', 'Mr Zelensky'];
    for (const a of forms) for (const b of forms) expect(sameSpeaker(a, b), `${a} / ${b}`).toBe(true);
    expect(sameSpeaker('Aliyev', 'Ilham Aliyev')).toBe(true);
    expect(foldNameWord('Şahin')).toBe(foldNameWord('Sahin'));
  });

  it('tells different people and organisations apart', () => {
    expect(sameSpeaker('Zelenskyy', 'the ministry')).toBe(false);
    expect(sameSpeaker('Ilham Aliyev', 'Volodymyr Zelenskyy')).toBe(false);
    expect(sameSpeaker('Mr', 'Mr Zelensky')).toBe(false);
  });
});
