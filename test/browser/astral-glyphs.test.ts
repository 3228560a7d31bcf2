/**
 * Characters outside the Basic Multilingual Plane (𓃠 in a social post's display name) render with
 * a real glyph in Chromium, not the empty box of a missing font. Chromium reports, through the
 * DevTools protocol, which installed fonts drew a node's text; fontconfig says which fonts have a
 * glyph for U+130E0. One of the fonts used must be one of those. `.ci/run` installs Debian's
 * fonts-noto-core when no installed font covers it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { startBrowserServer, type BrowserServer } from './start-browser-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);
const HIEROGLYPH = '𓃠';

/** Family names of the installed fonts with a glyph for the code point (fontconfig lists aliases comma-separated). */
function fontsCovering(codePoint: number): Set<string> {
  const out = execFileSync('fc-list', [`:charset=${codePoint.toString(16)}`, 'family'], { encoding: 'utf8' });
  return new Set(
    out
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

describe.runIf(runnable)('astral characters in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let id: string;

  beforeAll(async () => {
    server = await startBrowserServer('astral-suite-token-0123456789');
    const text = `Embassy damaged in overnight strike\n\nThe building was severely damaged, a witness wrote.\n\n— Könül Şahin ${HIEROGLYPH} (@KonulikShahin) November 14, 2025`;
    const file = { bytes: new TextEncoder().encode(text), contentType: 'text/plain; charset=utf-8' };
    ({ id } = await ingestDocument(server.local.archive, {
      file,
      metadata: { title: 'Embassy damaged in overnight strike' },
    }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`draws ${HIEROGLYPH} with a font that has the glyph, at desktop and phone width`, async () => {
    const covering = fontsCovering(HIEROGLYPH.codePointAt(0)!);
    expect([...covering], 'no installed font covers U+130E0 (apt-get install fonts-noto-core)').not.toEqual([]);
    mkdirSync('test-artifacts/screenshots', { recursive: true });
    for (const [width, viewport] of Object.entries({
      desktop: { width: 1280, height: 800 },
      phone: { width: 390, height: 844 },
    })) {
      const page = await browser.newPage({ viewport, baseURL: server.baseUrl });
      await page.goto(`/documents/${id}`);
      // The text's first line is the title: shown once, as the heading.
      expect(await page.textContent('h1')).toBe('Embassy damaged in overnight strike');
      expect(await page.textContent('.document__text')).not.toContain('overnight strike');
      await page.screenshot({ path: `test-artifacts/screenshots/document-astral-${width}.png`, fullPage: true });
      const paragraph = page.locator('.document__text p', { hasText: HIEROGLYPH });
      await paragraph.screenshot({ path: `test-artifacts/screenshots/astral-glyph-${width}.png` });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', {
        nodeId: root.nodeId,
        selector: '.document__text p:last-child',
      });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(await paragraph.getAttribute('id')).toBe(
        await page.locator('.document__text p:last-child').getAttribute('id'),
      );
      expect(
        fonts.some((font) => covering.has(font.familyName)),
        JSON.stringify(fonts),
      ).toBe(true);
      await page.close();
    }
  });
});
