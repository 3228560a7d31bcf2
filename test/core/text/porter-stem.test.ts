import { describe, expect, it } from 'vitest';
import { stemmer } from 'stemmer';
import { porterStem } from '../../../functions/core/text/porter-stem.ts';
import { stemCode, stemOf, NO_STEM } from '../../../functions/core/search/word-stems.ts';
import { wordKey } from '../../../functions/core/text/word-keys.ts';

/** Whether all the words share one key. */
const joined = (...words: string[]) => new Set(words.map(wordKey)).size === 1;

describe('porterStem', () => {
  it('joins the forms Porter splits in English spelling', () => {
    // Porter: surplus → surplu, surpluses → surplus; sky → sky, skies → ski; staffed → staf.
    expect(stemmer('surplus')).not.toBe(stemmer('surpluses'));
    expect(joined('surplus', 'surpluses')).toBe(true);
    expect(joined('virus', 'viruses')).toBe(true);
    expect(joined('focus', 'focuses', 'focused', 'focusing')).toBe(true);
    expect(joined('sky', 'skies')).toBe(true);
    expect(joined('try', 'tries', 'tried', 'trying')).toBe(true);
    expect(joined('spy', 'spies', 'spied')).toBe(true);
    expect(joined('experience', 'experiences', 'experienced', 'experiencing')).toBe(true);
    expect(joined('sacrifice', 'sacrifices', 'sacrificed')).toBe(true);
    expect(joined('staff', 'staffs', 'staffed', 'staffing')).toBe(true);
    expect(joined('stuff', 'stuffed')).toBe(true);
  });

  it('keeps what Porter already joins and apart what it keeps apart', () => {
    expect(joined('menu', 'menus')).toBe(true);
    expect(joined('danger', 'dangerous')).toBe(true);
    expect(joined('place', 'placed', 'placing')).toBe(true);
    expect(joined('hop', 'hopped', 'hopping')).toBe(true);
    expect(joined('ski', 'skis', 'skiing')).toBe(true);
    expect(joined('ski', 'sky')).toBe(false);
    expect(joined('seed', 'see')).toBe(false);
    expect(porterStem('famous')).toBe(stemmer('famous'));
  });

  it('gives stems the index can encode as a prefix of the word plus one letter', () => {
    for (const word of ['surpluses', 'surplus', 'skies', 'tried', 'experienced', 'conferencing', 'staffed']) {
      const code = stemCode(word);
      expect(code).not.toBe(NO_STEM);
      expect(stemOf(word, code)).toBe(wordKey(word));
    }
  });
});
