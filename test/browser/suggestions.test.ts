/**
 * Name suggestions in real Chromium: typing in the search box and in the quote page's "Who said
 * it?" field fills a <datalist> from /api/suggest, one entry per person, under the strict CSP.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from './start-browser-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'suggest-suite-token-0123456789';
const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** Invented for this test: one person under two forms of the name. */
const articles = [
  {
    title: 'Port <b>reopens</b>',
    publisher: 'Harbour Post',
    publishedAt: '2024-05-01',
    text: '"The port is open again," President Volodymyr Zelenskyy said on Monday.',
  },
  {
    title: 'Grid repaired',
    publisher: 'Harbour Post',
    publishedAt: '2024-05-02',
    text: '"Every home has power tonight," Mr Zelensky said after the repairs.',
  },
];

describe.runIf(runnable)('name suggestions in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startBrowserServer(TOKEN);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    for (const data of articles) {
      const response = await page.request.post('/api/documents', {
        headers: { authorization: `Bearer ${TOKEN}` },
        data,
      });
      expect(response.status()).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The options once the list has been filled for what was typed last (`want` is in one of them). */
  const optionsOf = async (selector: string, want: string) => {
    await page.waitForFunction(
      ([s, w]) =>
        [...((document.querySelector(s) as HTMLInputElement | null)?.list?.options ?? [])].some((o) =>
          o.value.includes(w),
        ),
      [selector, want],
    );
    return page.$$eval(`${selector} + datalist option`, (options) =>
      options.map((o) => (o as HTMLOptionElement).value),
    );
  };

  it('suggests the person once, by their most frequent name, in the "Who said it?" field', async () => {
    await page.goto('/quotes');
    await page.locator('#speaker').pressSequentially('zelen');
    const options = await optionsOf('#speaker', 'Zelensk');
    expect(options).toHaveLength(1);
    expect(options[0]).toMatch(/Zelensk/);
  });

  it('turns the last word of the search box into speaker and publisher filters, keeping the words before it', async () => {
    await page.goto('/');
    await page.locator('#q').pressSequentially('port harb');
    expect(await optionsOf('#q', 'Harbour')).toEqual(['port publisher:"Harbour Post"']);
    await page.fill('#q', '');
    await page.locator('#q').pressSequentially('power zelen');
    const options = await optionsOf('#q', 'power speaker');
    expect(options).toHaveLength(1);
    expect(options[0]).toMatch(/^power speaker:"[^"]*Zelensk/);
    expect(problems).toEqual([]);
  });
});
