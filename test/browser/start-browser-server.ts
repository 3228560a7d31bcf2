/**
 * The browser suite's server: the real app over a throwaway local archive, on 127.0.0.1 and a
 * free port, exactly as `npm start` serves it.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../functions/http/create-app.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';

/** A running server and how to stop it. */
export interface BrowserServer {
  baseUrl: string;
  local: LocalArchive;
  close(): Promise<void>;
}

/**
 * @example
 * ```ts
 * const server = await startBrowserServer('a-token-of-16-chars-or-more');
 * await page.goto(`${server.baseUrl}/`);
 * ```
 */
export async function startBrowserServer(apiToken: string): Promise<BrowserServer> {
  const local = await startLocalArchive({ VERBATIM_API_TOKEN: apiToken }, { persistent: false });
  const app = createApp({ archive: local.archive, apiToken });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    local,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await local.close();
    },
  };
}
