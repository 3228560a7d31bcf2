/**
 * {@link startEmbeddedServers} in two child processes, one per server: the same servers and
 * endpoints, but their work runs on event loops (and cores) of their own instead of the caller's. The bulk import uses this — with
 * the servers in-process, every S3 PUT and DynamoDB write it sends is also parsed and stored on its
 * own thread (see the README's import figures for what this buys).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EmbeddedServerOptions, EmbeddedServers } from './start-embedded-servers.ts';

/** How long the child may take to start both servers before the import gives up. */
export const CHILD_START_TIMEOUT_MS = 30_000;

const CHILD = fileURLToPath(new URL('./embedded-servers-child.ts', import.meta.url));

/**
 * @example
 * ```ts
 * const servers = await startEmbeddedServersProcess({ dataDir: '.verbatim-data', bucket: 'verbatim-local' });
 * await servers.close();
 * ```
 */
export async function startEmbeddedServersProcess(options: EmbeddedServerOptions): Promise<EmbeddedServers> {
  // One process each: s3rver's file writes and dynalite's LevelDB no longer take turns on one
  // event loop (see the README's import figures for what this buys).
  const started = await Promise.allSettled([
    startChild({ ...options, only: 's3' }),
    startChild({ ...options, only: 'dynamodb' }),
  ]);
  const children = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(children.map((child) => child.close()));
    throw failed.reason;
  }
  const [s3, dynamo] = children;
  return {
    s3Endpoint: s3.s3Endpoint,
    dynamoEndpoint: dynamo.dynamoEndpoint,
    async close() {
      await Promise.all(children.map((child) => child.close()));
    },
  };
}

/** One child process running the servers `options` names. */
async function startChild(options: EmbeddedServerOptions): Promise<EmbeddedServers> {
  // From source, as everything local runs: tsx loads the child; s3rver's paging needs legacy DES.
  const child = fork(CHILD, [JSON.stringify(options)], {
    // `node --cpu-prof` on the import profiles the servers' processes too (NODE_OPTIONS refuses the flag).
    execArgv: [
      '--openssl-legacy-provider',
      '--import',
      'tsx',
      ...process.execArgv.filter((a) => a.startsWith('--cpu-prof')),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const endpoints = await new Promise<{ s3Endpoint: string; dynamoEndpoint: string }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The embedded servers did not start within ${CHILD_START_TIMEOUT_MS} ms.`)),
        CHILD_START_TIMEOUT_MS,
      );
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve(message as { s3Endpoint: string; dynamoEndpoint: string });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The embedded servers' process exited (code ${code}) before starting.`));
      });
    });
    return {
      ...endpoints,
      async close() {
        if (child.exitCode === null && child.connected) child.send('close');
        await exited;
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
