/**
 * The environment of a bench's own archive: embedded servers on a fresh data folder, whatever
 * endpoints or token the caller's shell has set.
 */

/**
 * @example
 * ```ts
 * const local = await startLocalArchive(freshArchiveEnv(await mkdtemp(join(tmpdir(), 'bench-'))), { persistent: true });
 * ```
 */
export function freshArchiveEnv(dataDir: string): Record<string, string | undefined> {
  return {
    ...process.env,
    VERBATIM_DATA_DIR: dataDir,
    VERBATIM_S3_ENDPOINT: undefined,
    VERBATIM_DYNAMODB_ENDPOINT: undefined,
    VERBATIM_API_TOKEN: undefined,
  };
}
