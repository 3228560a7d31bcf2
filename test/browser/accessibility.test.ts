/**
 * Accessibility of every page, in Chromium: axe-core (through @axe-core/playwright) at desktop and
 * phone width, on an archive with real content (a document with quotes, a search with results and
 * facets, a checked quote, the upload form, an error page). No serious or critical violation is
 * allowed, and no page may log a console error (a 404 for a favicon counts).
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../functions/app/ingest-document.ts';
import { harbourArticle, protestArticle } from '../fixtures/articles.ts';
import { startBrowserServer, type BrowserServer } from './start-browser-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

describe.runIf(runnable)('accessibility (axe-core) and a clean console, on every page', () => {
  let server: BrowserServer;
  let browser: Browser;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    server = await startBrowserServer('accessibility-suite-token-0123');
    const encoder = new TextEncoder();
    const ids: string[] = [];
    for (const { text, ...metadata } of [harbourArticle, protestArticle]) {
      const file = { bytes: encoder.encode(text), contentType: 'text/plain; charset=utf-8' };
      ids.push((await ingestDocument(server.local.archive, { file, metadata })).id);
    }
    Object.assign(pages, {
      'search (empty query)': '/',
      'search results': '/?q=harbour',
      'search with no hits': '/?q=zzzzqqq',
      document: `/documents/${ids[0]}?at=0-20`,
      'check a quote': `/quotes?q=${encodeURIComponent('we rebuilt the deck faster than expected')}`,
      upload: '/upload',
      'not found': '/documents/0000000000000000',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    it(`has no serious or critical violations and no console errors at ${width} width`, async () => {
      const context = await browser.newContext({ viewport, baseURL: server.baseUrl, isMobile: width === 'phone' });
      const findings: string[] = [];
      for (const [name, path] of Object.entries(pages)) {
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (message) => {
          // The not-found page is a 404 on purpose; Chromium logs the status of the page itself.
          if (message.type() === 'error' && !(name === 'not found' && /status of 404/.test(message.text())))
            consoleErrors.push(message.text());
        });
        page.on('pageerror', (error) => consoleErrors.push(error.message));
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          findings.push(
            `${name}: ${violation.id} (${violation.impact}) ${violation.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
        }
        for (const error of consoleErrors) findings.push(`${name}: console error: ${error}`);
        await page.close();
      }
      await context.close();
      expect(findings).toEqual([]);
    }, 90_000);
  }
});
