import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.ts';

const base = { VERBATIM_BUCKET: 'verbatim-test', VERBATIM_TABLE: 'verbatim-test' };

describe('write tokens in the configuration', () => {
  it('reads VERBATIM_API_TOKEN as one token named default, and VERBATIM_API_TOKENS as name:token pairs', () => {
    expect(loadConfig(base).apiTokens).toEqual([]);
    expect(loadConfig({ ...base, VERBATIM_API_TOKEN: 'a'.repeat(16) }).apiTokens).toEqual([
      { name: 'default', token: 'a'.repeat(16) },
    ]);
    const config = loadConfig({
      ...base,
      VERBATIM_API_TOKEN: 'a'.repeat(20),
      VERBATIM_API_TOKENS: ` desk:${'b'.repeat(16)} , bot.1:${'c'.repeat(40)}`,
    });
    expect(config.apiTokens).toEqual([
      { name: 'default', token: 'a'.repeat(20) },
      { name: 'desk', token: 'b'.repeat(16) },
      { name: 'bot.1', token: 'c'.repeat(40) },
    ]);
  });

  it('fails fast on short, malformed, duplicate or shared tokens, naming the problem', () => {
    const fails = (tokens: string, single?: string) => () =>
      loadConfig({ ...base, VERBATIM_API_TOKENS: tokens, VERBATIM_API_TOKEN: single });
    expect(fails('desk:short')).toThrow(/desk: every token must be at least 16/);
    expect(fails(`${'b'.repeat(16)}`)).toThrow(/name:token/);
    expect(fails(`desk:${'b'.repeat(16)},desk:${'c'.repeat(16)}`)).toThrow(/"desk" is given twice/);
    expect(fails(`default:${'b'.repeat(16)}`, 'a'.repeat(16))).toThrow(/"default" is given twice/);
    expect(fails(`desk:${'b'.repeat(16)},bot:${'b'.repeat(16)}`)).toThrow(/share one token/);
    expect(fails(`desk:${'b'.repeat(15)} x`)).toThrow(/may contain only/);
    expect(fails('', 'short')).toThrow(/at least 16/);
  });
});
