/**
 * `npm start`: the same Hono app as the Lambda, under @hono/node-server, on the embedded local
 * storage. The index is compacted on a timer, as the scheduled indexer Lambda does on AWS.
 *
 * The embedded servers run in child processes of their own: in this process, every storage
 * request a search makes was also parsed and answered on the event loop that serves searches
 * (1.5x the searches per second at 20 connections: the README's reliability figures).
 */
import { compactIndex } from '../app/compact-index.ts';
import { VerbatimError } from '../core/errors.ts';
import { createApp } from '../http/create-app.ts';
import { serveApp } from '../local/serve-app.ts';
import { startLocalArchive } from '../local/start-local-archive.ts';

const COMPACT_EVERY_MS = 30_000;
/** On SIGTERM/SIGINT, requests already in flight get this long to finish before storage closes. */
const SHUTDOWN_GRACE_MS = 5_000;

const local = await startLocalArchive(process.env, { serversInChild: true }).catch((error: unknown) => {
  // Another process holds the data folder: say who, in one line, rather than dynalite's stack.
  if (error instanceof VerbatimError && error.code === 'conflict') {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
const { config, archive } = local;
const port = Number(process.env.PORT || 3000);
// Without a token anyone who can reach the server could write: then only this machine can.
const open = config.apiTokens.length === 0;
const hostname = open ? '127.0.0.1' : '0.0.0.0';

const server = serveApp(createApp({ archive, apiTokens: config.apiTokens }).fetch, { port, hostname }, (info) => {
  console.log(`Verbatim is running at http://localhost:${info.port}`);
  // `npm run import` reads this to import through this server instead of opening the folder.
  void local.announce(`http://127.0.0.1:${info.port}`);
  console.log(
    local.embedded
      ? `Storage: embedded S3 + DynamoDB, data in ${process.env.VERBATIM_DATA_DIR || '.verbatim-data'}`
      : 'Storage: configured endpoints',
  );
  console.log(
    open
      ? 'No VERBATIM_API_TOKEN(S) set: writes are open, so the server listens on 127.0.0.1 only.'
      : `Writes need "Authorization: Bearer <token>" (tokens: ${config.apiTokens.map((t) => t.name).join(', ')}); listening on ${hostname}.`,
  );
});

let compacting = Promise.resolve();
const timer = setInterval(() => {
  compacting = compacting
    .then(() => compactIndex(archive).then(() => undefined))
    .catch((error) => console.error('Index compaction failed', error));
}, COMPACT_EVERY_MS);

async function shutdown(): Promise<void> {
  clearInterval(timer);
  // Stop accepting, close idle keep-alive sockets, and let the requests in flight answer: closing
  // storage under them would turn an upload that is being stored into a 500.
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([drained, grace]);
  server.closeAllConnections();
  await compacting;
  await local.close();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
