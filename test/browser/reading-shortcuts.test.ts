/**
 * The search and document pages as a reader keeps them open, in Chromium: a quote inside a matched
 * passage is marked there and not listed again, `/` and `j`/`k` work (and not while typing), and
 * the print stylesheet leaves only the text, with link targets written out.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { harbourArticle, protestArticle } from '../fixtures/articles.ts';
import { startBrowserServer, type BrowserServer } from './start-browser-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);

describe.runIf(runnable)('reading pages: folded quotes, keyboard shortcuts, print', () => {
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startBrowserServer('reading-suite-token-0123456');
    const encoder = new TextEncoder();
    for (const { text, ...metadata } of [harbourArticle, protestArticle]) {
      const file = { bytes: encoder.encode(text), contentType: 'text/plain; charset=utf-8' };
      ids.push((await ingestDocument(server.local.archive, { file, metadata })).id);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.baseUrl })
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks a matching quote inside its passage and does not show it a second time', async () => {
    await page.goto('/?q=rebuilt');
    const card = page.locator('.result').first();
    const folded = card.locator('.passage mark.quote');
    expect(await folded.count()).toBeGreaterThan(0);
    expect(await folded.first().innerText()).toContain('rebuilt the deck');
    expect(await card.locator('.passages .speaker').innerText()).toContain('Ana Ruiz');
    // Not again as a quote block below the passage.
    expect(await card.locator('.result__quotes:has-text("rebuilt the deck")').count()).toBe(0);
  });

  it('focuses the search box on "/" and moves through results with j and k, but not while typing', async () => {
    await page.goto('/?q=said');
    expect(await page.locator('.result').count()).toBe(2);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    const current = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.result')].findIndex((r) => r.classList.contains('is-current')),
      );
    expect(await current()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('.result') !== null)).toBe(true);
    await page.keyboard.press('j');
    expect(await current()).toBe(1);
    await page.keyboard.press('j');
    expect(await current()).toBe(1);
    await page.keyboard.press('k');
    expect(await current()).toBe(0);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    // In the box, j, k and / are letters of the query.
    await page.keyboard.type('jk/');
    expect(await page.inputValue('#q')).toBe('jk/');
    expect(await current()).toBe(0);
    expect(await page.locator('.search-help kbd').count()).toBeGreaterThanOrEqual(3);
  });

  it('prints the document as text only: no header, navigation or quote list; link URLs shown', async () => {
    await page.goto(`/documents/${ids[0]}`);
    const visible = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await visible('.site-header')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await visible('.site-header')).toBe(false);
    expect(await visible('section[aria-labelledby="quotes-title"]')).toBe(false);
    expect(await visible('.document__text')).toBe(true);
    const after = await page
      .locator('a[href^="https://example.org"]')
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).toContain('https://example.org/harbour-bridge');
    await page.emulateMedia({ media: 'screen' });
  });
});
