/**
 * Starts the embedded S3- and DynamoDB-compatible servers (s3rver and dynalite) in this process on
 * 127.0.0.1. `npm start`, the import command, the tests and the benchmark all use them, so the
 * local code path is the AWS one, down to the wire protocol.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';

/**
 * How long the servers keep an idle keep-alive connection open. Node's default is 5 s, and the
 * SDK's agent keeps idle sockets with no timeout of its own: on a loaded machine a batch's
 * linking phase left its sockets idle about that long, the server closed one as the client sent
 * on it, and a 25,000-article import lost a batch's copy links to "socket hang up" (ECONNRESET).
 */
export const EMBEDDED_KEEP_ALIVE_MS = 120_000;

/** Running servers and their endpoints. */
export interface EmbeddedServers {
  s3Endpoint: string;
  dynamoEndpoint: string;
  close(): Promise<void>;
}

/** Where to keep data (survives restarts), or nothing for a throwaway store. */
export interface EmbeddedServerOptions {
  dataDir?: string;
  bucket: string;
  /** Start only one of the two (its endpoint is the only one set): each in a process of its own. */
  only?: 's3' | 'dynamodb';
}

/**
 * @example
 * ```ts
 * const servers = await startEmbeddedServers({ dataDir: '.verbatim-data', bucket: 'verbatim-local' });
 * // … use servers.s3Endpoint / servers.dynamoEndpoint …
 * await servers.close();
 * ```
 */
export async function startEmbeddedServers(options: EmbeddedServerOptions): Promise<EmbeddedServers> {
  const persistent = options.dataDir !== undefined;
  const root = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'verbatim-')));
  await mkdir(join(root, 's3'), { recursive: true });

  const s3 =
    options.only === 'dynamodb'
      ? null
      : new S3rver({
          address: '127.0.0.1',
          port: 0,
          silent: true,
          directory: join(root, 's3'),
          configureBuckets: [{ name: options.bucket }],
        });
  const s3Address = s3 ? await s3.run() : null;

  // On disk (LevelDB) when persistent; in memory otherwise, which is much faster for tests.
  const dynamo =
    options.only === 's3'
      ? null
      : dynalite({
          path: persistent ? join(root, 'dynamodb') : undefined,
          createTableMs: 0,
          deleteTableMs: 0,
          updateTableMs: 0,
        });
  if (dynamo)
    await new Promise<void>((resolve, reject) => {
      dynamo.once('error', reject);
      dynamo.listen(0, '127.0.0.1', () => resolve());
    });
  const dynamoPort = dynamo ? (dynamo.address() as AddressInfo).port : null;
  for (const server of [s3?.httpServer, dynamo]) {
    if (!server) continue;
    server.keepAliveTimeout = EMBEDDED_KEEP_ALIVE_MS;
    // Node requires the headers timeout above the keep-alive one, or it cuts the next request's headers.
    server.headersTimeout = EMBEDDED_KEEP_ALIVE_MS + 1_000;
  }

  return {
    s3Endpoint: s3Address ? `http://127.0.0.1:${s3Address.port}` : '',
    dynamoEndpoint: dynamoPort ? `http://127.0.0.1:${dynamoPort}` : '',
    async close() {
      await s3?.close();
      if (dynamo) await new Promise<void>((resolve) => dynamo.close(() => resolve()));
      if (!persistent) await rm(root, { recursive: true, force: true });
    },
  };
}
