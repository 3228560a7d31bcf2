/**
 * A throwaway archive for a test suite: real embedded s3rver + dynalite on 127.0.0.1 random
 * ports, a temp data folder, the real app on top. No mocks anywhere.
 */
import { afterAll, beforeAll } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { dynamoStores, type ArchiveStores } from '../../functions/adapters/dynamo-stores.ts';
import { createArchive, type Archive } from '../../functions/app/archive.ts';
import type { BlobStore } from '../../functions/core/ports.ts';
import type { Config } from '../../functions/config.ts';
import { createApp } from '../../functions/http/create-app.ts';
import { startLocalArchive, type LocalArchive } from '../../functions/local/start-local-archive.ts';

export interface Scratch {
  archive: Archive;
  config: Config;
  app: OpenAPIHono;
  local: LocalArchive;
}

/** Starts a scratch archive before the suite's tests and stops it after. */
export function useScratchArchive(options: { apiToken?: string; apiTokens?: string } = {}): Scratch {
  const scratch = {} as Scratch;
  beforeAll(async () => {
    scratch.local = await startLocalArchive(
      { VERBATIM_API_TOKEN: options.apiToken, VERBATIM_API_TOKENS: options.apiTokens },
      { persistent: false },
    );
    scratch.archive = scratch.local.archive;
    scratch.config = scratch.local.config;
    // The tokens as configuration validated them, as the entry points pass them.
    scratch.app = createApp({ archive: scratch.archive, apiTokens: scratch.config.apiTokens });
  });
  afterAll(async () => {
    await scratch.local?.close();
  });
  return scratch;
}

/**
 * Another process over the scratch archive's storage: what a second Lambda container is. It has
 * stores of its own (its own log append queue, and no link store), so it hears of its own writes
 * only; `blobs` and `stores` replace its storage where a test injects a fault or a delay.
 */
export function processOn(
  scratch: Scratch,
  options: { blobs?: BlobStore; stores?: Partial<ArchiveStores>; indexFreshnessMs?: number } = {},
): Archive {
  return createArchive({
    blobs: options.blobs ?? scratch.archive.blobs,
    ...dynamoStores(scratch.local.clients.dynamo, scratch.config.table),
    ...options.stores,
    audit: scratch.archive.audit,
    maxUploadBytes: 1 << 20,
    indexFreshnessMs: options.indexFreshnessMs,
  });
}

/** Posts JSON to the app and returns status and parsed body. */
export async function postJson(app: OpenAPIHono, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** GETs a path and returns status and parsed JSON body. */
export async function getJson(app: OpenAPIHono, path: string) {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}
