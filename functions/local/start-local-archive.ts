/**
 * The local archive: configuration from the environment with local defaults, the embedded
 * servers (unless endpoints are configured), the table created — then the same archive as on AWS.
 */
import { createClients, type AwsClients } from '../adapters/create-clients.ts';
import type { Archive } from '../app/archive.ts';
import { ENV, loadConfig, type Config } from '../config.ts';
import { archiveFromConfig } from '../compose/archive-from-config.ts';
import { lockDataFolder } from './data-folder-lock.ts';
import { ensureTable } from './ensure-table.ts';
import { startEmbeddedServers } from './start-embedded-servers.ts';
import { startEmbeddedServersProcess } from './start-embedded-servers-process.ts';

/** A running local archive. */
export interface LocalArchive {
  config: Config;
  archive: Archive;
  /** The SDK clients the archive uses (tests build a second store over the same servers). */
  clients: AwsClients;
  /** Whether the embedded servers are running in this process. */
  embedded: boolean;
  /** The data folder this process holds (null: throwaway or external storage). */
  dataDir: string | null;
  /** Records in the data folder's lock that this process serves `url` (see data-folder-lock.ts). */
  announce(url: string): Promise<void>;
  close(): Promise<void>;
}

/** Data lives here unless `VERBATIM_DATA_DIR` says otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = '.verbatim-data';

/**
 * @example
 * ```ts
 * const local = await startLocalArchive(process.env);                      // data in .verbatim-data
 * const scratch = await startLocalArchive({}, { persistent: false });      // throwaway, for tests
 * ```
 */
export async function startLocalArchive(
  env: Record<string, string | undefined>,
  /** `serversInChild`: run the embedded servers in a child process (the bulk import does). */
  options: { persistent?: boolean; serversInChild?: boolean } = {},
): Promise<LocalArchive> {
  // Locally Node 20 is supported on purpose (Lambda runs 22); the SDK's upgrade nag is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const bucket = env[ENV.bucket] || 'verbatim-local';
  const external = Boolean(env[ENV.s3Endpoint] && env[ENV.dynamoEndpoint]);
  const dataDir = external || options.persistent === false ? undefined : env[ENV.dataDir] || DEFAULT_DATA_DIR;
  // Before the embedded servers touch the folder: a second process gets a message, not a stack.
  const lock = dataDir === undefined ? null : await lockDataFolder(dataDir);
  let servers: Awaited<ReturnType<typeof startEmbeddedServers>> | null = null;
  try {
    const start = options.serversInChild ? startEmbeddedServersProcess : startEmbeddedServers;
    servers = external ? null : await start({ bucket, dataDir });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const config = loadConfig({
    ...env,
    [ENV.bucket]: bucket,
    [ENV.table]: env[ENV.table] || 'verbatim-local',
    ...(servers ? { [ENV.s3Endpoint]: servers.s3Endpoint, [ENV.dynamoEndpoint]: servers.dynamoEndpoint } : {}),
  });
  const clients = createClients(config);
  // Search's own clients (see archiveFromConfig): closed with the write clients.
  const readClients = createClients(config);
  try {
    await ensureTable(clients.dynamo, config.table);
  } catch (error) {
    await servers?.close();
    await lock?.release();
    throw error;
  }
  return {
    config,
    archive: archiveFromConfig(config, clients, readClients),
    clients,
    embedded: servers !== null,
    dataDir: dataDir ?? null,
    announce: async (url) => lock?.announce(url),
    async close() {
      clients.s3.destroy();
      clients.dynamo.destroy();
      readClients.s3.destroy();
      readClients.dynamo.destroy();
      await servers?.close();
      await lock?.release();
    },
  };
}
