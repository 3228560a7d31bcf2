/**
 * The web UI in a real browser: Debian's Chromium, headless, driven by playwright-core. Uploads
 * through the page, searches, reads, checks a quote, and throws script at every field a document
 * has. Screenshots of every page, at desktop and phone size, go to test-artifacts/screenshots/.
 *
 * Skips itself only when /usr/bin/chromium is missing outside CI; in CI a missing browser fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { copiesInFiveFormats } from '../fixtures/copies-article.ts';
import { makeDocx } from '../fixtures/formats/make-docx.ts';
import { makePdf } from '../fixtures/formats/make-pdf.ts';
import { hostileArticle } from '../web/xss-fixture.ts';
import { startBrowserServer, type BrowserServer } from './start-browser-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-artifacts/screenshots';
const TOKEN = 'browser-suite-token-0123456789';
const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!runnable)
  console.warn(
    `[browser tests] SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium). In CI this suite fails instead.`,
  );

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

const HARBOUR_HTML = `<!doctype html><html><head><title>Harbour bridge reopens after storm repairs</title>
<meta property="og:site_name" content="The Test Gazette"><meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-02"><link rel="canonical" href="https://example.org/harbour-bridge"></head>
<body><article><h1>Harbour bridge reopens after storm repairs</h1>
<p>The harbour bridge in Port Alder reopened on Friday after six weeks of repairs to its storm-damaged deck.</p>
<p>"We rebuilt the deck faster than anyone expected," said Mayor Ana Ruiz, who cut the ribbon at dawn.</p>
<p>Engineers replaced forty steel plates and resurfaced the eastern approach. Traffic returned within the hour.</p>
<p>Ruiz said: "The harbour is open for business again."</p></article></body></html>`;

const FERRY_MD = `---
title: Ferry timetable returns to normal
publisher: Northern Wire
date: 2024-03-05
---

# Ferry timetable returns to normal

Ferries between Port Alder and Gull Island returned to their full timetable on Tuesday, three days after the harbour bridge reopened.

"Passengers can finally plan their week again," said Tomas Berg, the operator's spokesman.
`;

describe.runIf(runnable)('the web UI in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];

  /** Saves the current page at desktop size, and the same URL at phone size. */
  async function screenshots(name: string, phoneSetup?: (p: Page) => Promise<void>) {
    await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
    const small = await phone.newPage();
    watch(small);
    await small.goto(page.url());
    await phoneSetup?.(small);
    await small.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
    // Nothing may be wider than the phone: a horizontal scrollbar is a layout break.
    const overflow = await small.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} overflows the phone viewport`).toBeLessThanOrEqual(0);
    await small.close();
  }

  function watch(p: Page) {
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    p.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    p.on('pageerror', (error) => cspViolations.push(`page error: ${error.message}`));
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startBrowserServer(TOKEN);
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
    desktop = await browser.newContext({ viewport: VIEWPORTS.desktop, baseURL: server.baseUrl });
    phone = await browser.newContext({
      viewport: VIEWPORTS.phone,
      baseURL: server.baseUrl,
      isMobile: true,
      hasTouch: true,
    });
    page = await desktop.newPage();
    watch(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains an empty archive, and is keyboard-usable from the first Tab', async () => {
    await page.goto('/');
    expect(await page.textContent('main')).toContain('The archive is empty');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await screenshots('search-empty');
  });

  it(
    'signs in, uploads several formats with details read from the files, and reports each outcome',
    { timeout: 90_000 },
    async () => {
      await page.goto('/upload');
      await page.fill('#token', 'wrong-token-wrong-token');
      await page.click('#signin-form button[type=submit]');
      await page.waitForSelector('#signin-state.is-error');
      expect(await page.textContent('#signin-state')).toContain('not accepted');
      await page.fill('#token', TOKEN);
      await page.click('#signin-form button[type=submit]');
      await page.waitForFunction(() => document.querySelector('#signin-state')?.textContent?.includes('Signed in'));
      expect(await page.inputValue('#token')).toBe('');
      expect(await page.content()).not.toContain(TOKEN);

      const pdf = makePdf({
        pages: [
          [
            'Lighthouse keeper retires after forty years',
            '',
            '"I will miss the storms most of all," said keeper Ola Nystrom on Sunday.',
          ],
        ],
        info: { title: 'Lighthouse keeper retires', author: 'Kim Lee' },
      });
      const docx = await makeDocx({
        paragraphs: [
          'Gull Point council approved a new seawall on Monday.',
          '"The sea will not wait for us," said councillor Ines Duarte.',
        ],
        title: 'Council approves seawall',
        creator: 'Sam Quill',
      });
      await page.setInputFiles('#files', [
        { name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(HARBOUR_HTML) },
        { name: 'ferry.md', mimeType: 'text/markdown', buffer: Buffer.from(FERRY_MD) },
        { name: 'lighthouse.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
        {
          name: 'seawall.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          buffer: Buffer.from(docx),
        },
        { name: 'harbour-copy.html', mimeType: 'text/html', buffer: Buffer.from(HARBOUR_HTML) },
        {
          name: 'locked.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from(makePdf({ pages: [['Secret text.']], encrypted: true })),
        },
        { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf({ pages: [[]] })) },
      ]);
      const items = page.locator('#queue > li');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#queue > li')].every((li) =>
          ['ready', 'refused'].includes((li as HTMLElement).dataset.state!),
        ),
      );
      expect(await items.count()).toBe(7);
      // Details come from the files themselves, and stay editable.
      expect(await items.nth(0).locator('[data-field=title]').inputValue()).toBe(
        'Harbour bridge reopens after storm repairs',
      );
      expect(await items.nth(0).locator('[data-field=publisher]').inputValue()).toBe('The Test Gazette');
      expect(await items.nth(1).locator('[data-field=publisher]').inputValue()).toBe('Northern Wire');
      expect(await items.nth(2).locator('[data-field=title]').inputValue()).toBe('Lighthouse keeper retires');
      expect(await items.nth(3).locator('[data-field=author]').inputValue()).toBe('Sam Quill');
      await items.nth(1).locator('[data-field=author]').fill('Rae Editor');
      // Refused before uploading, with a reason a person can act on.
      expect(await items.nth(5).getAttribute('data-state')).toBe('refused');
      expect(await items.nth(5).textContent()).toMatch(/password|encrypt/i);
      expect(await items.nth(6).getAttribute('data-state')).toBe('refused');
      expect(await items.nth(6).textContent()).toMatch(/no text|scanned|image/i);

      await page.click('#upload-all');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#queue > li')].every((li) =>
          ['added', 'duplicate', 'refused'].includes((li as HTMLElement).dataset.state!),
        ),
      );
      const states = await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.state));
      expect(states).toEqual(['added', 'added', 'added', 'added', 'duplicate', 'refused', 'refused']);
      expect(
        await items
          .nth(0)
          .locator('progress')
          .evaluate((p) => (p as HTMLProgressElement).value),
      ).toBe(100);
      expect(await items.nth(0).locator('[data-slot=status] a').textContent()).toBe(
        'Harbour bridge reopens after storm repairs',
      );
      expect(await items.nth(4).textContent()).toContain('Already in the archive');
      const ferryHref = await items.nth(1).locator('[data-slot=status] a').getAttribute('href');
      expect(ferryHref).toMatch(/^\/documents\/[0-9a-f]{16}$/);
      await screenshots('upload', async (small) => {
        await small.fill('#token', TOKEN);
        await small.click('#signin-form button[type=submit]');
        await small.waitForFunction(() => document.querySelector('#signin-state')?.textContent?.includes('Signed in'));
        await small.setInputFiles('#files', [
          { name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(HARBOUR_HTML) },
        ]);
        await small.waitForSelector('#queue > li[data-state=ready]');
      });
      // The uploader-typed author won over the file's.
      const ferry = await (await page.request.get(`/api/documents/${ferryHref!.split('/').pop()}`)).json();
      expect(ferry.author).toBe('Rae Editor');
    },
  );

  it('finds the upload by searching, and opens the hit on the highlighted passage', async () => {
    await page.goto('/');
    await page.fill('#q', 'harbour bridge');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=harbour/);
    expect(await page.textContent('.results__summary')).toMatch(/of 2 documents/);
    expect(await page.locator('.result mark.hit').count()).toBeGreaterThan(0);
    expect(await page.textContent('.facets')).toContain('The Test Gazette');
    await screenshots('search-results');

    await page.click('.result:has-text("Harbour bridge reopens") .passage >> nth=0');
    await page.waitForURL(/\/documents\/[0-9a-f]{16}\?at=/);
    const target = page.locator('#at');
    expect(await target.textContent()).toContain('harbour bridge in Port Alder');
    expect(await target.isVisible()).toBe(true);
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(VIEWPORTS.desktop.height);
    expect(await page.locator('mark.quote').count()).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#citation')).toMatch(/SHA-256 of the original: [0-9a-f]{64}/);
    await screenshots('document');
  });

  it('opens a quote permalink with the quote highlighted and in view', async () => {
    await page.click('.quote-list a.permalink >> nth=-1');
    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/^#q-\d+-\d+$/);
    const quote = page.locator(hash);
    expect(await quote.textContent()).toBe('The harbour is open for business again.');
    const box = await quote.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(VIEWPORTS.desktop.height);
    expect(await page.locator('#at').textContent()).toBe('The harbour is open for business again.');
  });

  it('says which word a typo was searched as, with the query escaped', async () => {
    await page.goto(`/?q=${encodeURIComponent('harbor bridge -<script>x</script>')}`);
    const note = page.locator('[data-did-you-mean]');
    expect(await note.textContent()).toMatch(/^Showing results for harbour bridge -<script>x<\/script>/);
    expect(await note.locator('em').allTextContents()).toEqual(['harbour']);
    expect(await note.locator('script').count()).toBe(0);
    expect(await page.locator('.result mark.hit', { hasText: /^harbour$/i }).count()).toBeGreaterThan(0);
    await page.goto('/?q=harbour');
    expect(await page.locator('[data-did-you-mean]').count()).toBe(0);
  });

  it('checks a misremembered quote and shows the word differences', async () => {
    await page.goto('/quotes');
    await page.fill('#claim', 'We rebuilt the bridge faster than anyone expected');
    await page.fill('#speaker', 'Ana Ruiz');
    await page.click('.quote-form button[type=submit]');
    await page.waitForSelector('.quote-result');
    const first = page.locator('.quote-result').first();
    expect(await first.locator('.badge').textContent()).toBe('Words differ');
    expect(await first.textContent()).toContain('Ana Ruiz');
    expect(await first.locator('.diff del.diff-added').count()).toBeGreaterThan(0);
    expect(await first.locator('.diff ins.diff-missing').count()).toBeGreaterThan(0);
    expect(await first.locator('.context').textContent()).toContain('We rebuilt the deck faster than anyone expected');
    // At desktop width the source and permalink fill the column beside the passage, not a gap.
    const [main, aside, card] = await Promise.all(
      ['.quote-result__main', '.quote-result__aside', ''].map((part) =>
        first
          .locator(part ? part : ':scope')
          .first()
          .boundingBox(),
      ),
    );
    expect(aside!.x).toBeGreaterThan(main!.x + main!.width);
    expect(aside!.y).toBeLessThan(main!.y + 50);
    expect(aside!.x + aside!.width).toBeGreaterThan(card!.x + card!.width - 40);
    expect(await first.locator('.quote-result__aside a', { hasText: 'Permalink to the passage' }).isVisible()).toBe(
      true,
    );
    await screenshots('quotes', async (small) => {
      // On a phone the same parts stack: the source comes after the diff.
      const [m, a] = await Promise.all(
        ['.quote-result__main', '.quote-result__aside'].map((part) =>
          small.locator(`.quote-result >> nth=0 >> ${part}`).boundingBox(),
        ),
      );
      expect(a!.y).toBeGreaterThanOrEqual(m!.y + m!.height);
    });
  });

  it('says plainly when the claimed speaker is not the one the source names', async () => {
    await page.goto('/quotes');
    await page.fill('#claim', 'We rebuilt the bridge faster than anyone expected');
    await page.fill('#speaker', 'Zelenskyy <b>x</b>');
    await page.click('.quote-form button[type=submit]');
    await page.waitForSelector('.quote-result');
    const first = page.locator('.quote-result').first();
    const notice = first.locator('.notice--speaker');
    expect(await notice.textContent()).toBe(
      'The source attributes these words to Ana Ruiz, not to Zelenskyy <b>x</b>.',
    );
    expect(await notice.locator('b').count()).toBe(0);
    await page.fill('#speaker', 'Mayor Ruiz');
    await page.click('.quote-form button[type=submit]');
    await page.waitForSelector('.quote-result');
    expect(await page.locator('.quote-result').first().locator('.notice--speaker').count()).toBe(0);
  });

  it('shows a hostile document as text: no script runs, no javascript: link', async () => {
    await page.goto('/upload');
    await page.click('.paste summary');
    await page.fill('#paste-text', hostileArticle.text);
    await page.click('#paste-add');
    const item = page.locator('#queue > li').last();
    await item.locator('[data-field=title]').fill(hostileArticle.title);
    await item.locator('[data-field=url]').fill(hostileArticle.url);
    await item.locator('[data-field=publisher]').fill(hostileArticle.publisher);
    await item.locator('[data-field=author]').fill(hostileArticle.author);
    await page.waitForFunction(
      () => document.querySelector('#queue > li:last-child')?.getAttribute('data-state') === 'ready',
    );
    await page.click('#upload-all');
    await page.waitForSelector('#queue > li:last-child[data-state=added]');
    // The title comes back as a link text, not as markup.
    expect(await item.locator('[data-slot=status] a').textContent()).toBe(hostileArticle.title);

    const hostileFile = `<html><head><title>Payload page <script>alert(10)</script></title></head><body><article>
      <p>Payload page body <script>alert(11)</script> with an <img src=x onerror="alert(12)"> image and a <a href="javascript:alert(13)">link</a>.</p>
      <p>"Stay calm," said Mallory Payload, "and carry on with the test of the payload."</p></article></body></html>`;
    await page.setInputFiles('#files', [
      { name: '<img src=x onerror=alert(14)>.html', mimeType: 'text/html', buffer: Buffer.from(hostileFile) },
    ]);
    await page.waitForFunction(
      () => document.querySelector('#queue > li:last-child')?.getAttribute('data-state') === 'ready',
    );
    expect(await page.locator('#queue > li:last-child [data-slot=name]').textContent()).toBe(
      '<img src=x onerror=alert(14)>.html',
    );
    await page.click('#upload-all');
    await page.waitForSelector('#queue > li:last-child[data-state=added]');

    await page.goto(`/?q=${encodeURIComponent('payload')}`);
    expect(await page.locator('.result').count()).toBe(2);
    await page.click(`.result__title a:has-text("Hostile")`);
    await page.waitForURL(/\/documents\//);
    expect(await page.textContent('h1')).toBe(hostileArticle.title);
    expect(await page.textContent('.document__text')).toContain('<script>alert(6)</script>');
    expect(await page.textContent('.document__text')).toContain('<img src=x onerror=alert(7)>');
    expect(await page.locator('.document__text img, .document__text script, main svg').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.textContent('.details')).toContain('javascript:alert(5)');
    await screenshots('document-hostile');
    await page.goto('/?q=payload');
    await page.click(`.result__title a:has-text("Payload page")`);
    await page.waitForURL(/\/documents\//);
    expect(await page.locator('.document__text img, .document__text script').count()).toBe(0);
    // Give any stray handler a moment to fire before asserting silence.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it("lists a document's copies with format, publisher and date source, and shows what changed", async () => {
    const files = await copiesInFiveFormats();
    const post = async (file: { bytes: Uint8Array; type: string; name: string }) => {
      const response = await page.request.post('/api/documents', {
        headers: { authorization: `Bearer ${TOKEN}` },
        multipart: { file: { name: file.name, mimeType: file.type, buffer: Buffer.from(file.bytes) } },
      });
      return ((await response.json()) as { id: string }).id;
    };
    const html = await post(files.html);
    const edited = new TextEncoder().encode(
      new TextDecoder().decode(files.text.bytes).replace('at a cost of 4.2 million pounds', 'for 4.5 million pounds'),
    );
    const text = await post({ ...files.text, bytes: edited });
    await page.goto(`/documents/${text}`);
    const copies = page.locator('#copies li');
    expect(await copies.count()).toBe(1);
    expect(await copies.first().textContent()).toMatch(
      /HTML · Tarn Courier · 14 November 2025 \(date from the page's metadata\)/,
    );
    await copies.first().locator('a', { hasText: 'What changed' }).click();
    await page.waitForSelector('#changes');
    expect(page.url()).toContain(`compare=${html}`);
    expect(await page.locator('#changes del').allTextContents()).toContain('at a cost of');
    expect(await page.locator('#changes ins').allTextContents()).toContain('for');
    expect(await page.locator('#changes').isVisible()).toBe(true);
    await screenshots('document-copies');
  });

  it('raised no Content-Security-Policy violations and no script errors on any page', () => {
    expect(cspViolations).toEqual([]);
  });
});
