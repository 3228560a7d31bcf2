/**
 * Open writes (no token configured) and the form posts a page on another site can send without
 * asking the browser first: hono/csrf's part of the guard (`http/refuse-other-sites.ts`).
 */
import { describe, expect, it } from 'vitest';
import { useScratchArchive } from '../helpers/scratch-archive.ts';

const scratch = useScratchArchive();

function formPost(path: string, text: string, headers: Record<string, string>) {
  const form = new FormData();
  form.set('file', new Blob([text], { type: 'text/plain' }), 'note.txt');
  return scratch.app.request(path, { method: 'POST', body: form, headers });
}

describe('open writes refuse other sites’ form posts', () => {
  it('refuses a cross-site or opaque-origin form with 401 in the JSON error shape, and stores nothing', async () => {
    const text = 'A page on another site posts this form to the archive on the user’s own machine.';
    const browserHeaders: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of browserHeaders) {
      for (const path of ['/api/documents', '/api/extract']) {
        const response = await formPost(path, text, headers);
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
    expect((await scratch.archive.index.current()).documentCount).toBe(0);
  });

  it('accepts a form from this site, and from a client that is no browser (curl, scripts)', async () => {
    const ownSite = await formPost(
      '/api/documents',
      'The upload page on this site archives this note from its own form.',
      { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    );
    expect(ownSite.status).toBe(201);
    const curl = await formPost(
      '/api/documents',
      'A script with no browser headers archives this second note by form.',
      {},
    );
    expect(curl.status).toBe(201);
    const preview = await formPost('/api/extract', 'The upload page previews this third note before archiving it.', {
      'sec-fetch-site': 'same-origin',
    });
    expect(preview.status).toBe(200);
  });
});
