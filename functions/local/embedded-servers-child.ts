/**
 * Entry of the child process that runs the embedded s3rver and dynalite for a bulk import, so the
 * servers' request handling (JSON and XML parsing, LevelDB, file writes) runs on another core than
 * the import's own event loop. It sends its endpoints to the parent over IPC, closes the servers
 * when asked, and when the parent goes away (killed or not) closes them and exits: never an orphan.
 */
import { startEmbeddedServers, type EmbeddedServerOptions } from './start-embedded-servers.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedServerOptions;
const servers = await startEmbeddedServers(options);
let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await servers.close().catch(() => undefined);
  process.exit(0);
};
process.on('message', (message) => {
  if (message === 'close') void close();
});
process.on('disconnect', () => void close());
process.send?.({ s3Endpoint: servers.s3Endpoint, dynamoEndpoint: servers.dynamoEndpoint });
