/**
 * One process per data folder. The embedded DynamoDB (LevelDB) locks its folder, and a second
 * process on it used to die with dynalite's raw "Database is closed". A lock file names the holder
 * instead — its pid, and the port once `npm start` listens — so a second `npm start` says who has
 * the folder, and `npm run import` finds the running server and imports through it over HTTP.
 */
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VerbatimError } from '../core/errors.ts';

/** The lock file, inside the data folder. */
export const LOCK_FILE = 'verbatim.lock.json';

/** Who holds a data folder: a process, and its URL when it is a server. */
export interface FolderHolder {
  pid: number;
  url: string | null;
  startedAt: string;
}

/** A held lock: `announce` adds the server's URL, `release` gives the folder up. */
export interface FolderLock {
  announce(url: string): Promise<void>;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The live process holding `dataDir`, or null (no lock, or its holder died without releasing it).
 *
 * @example
 * ```ts
 * const holder = await findFolderHolder('.verbatim-data'); // { pid: 4242, url: 'http://localhost:3000', … }
 * ```
 */
export async function findFolderHolder(dataDir: string): Promise<FolderHolder | null> {
  let holder: FolderHolder;
  try {
    holder = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')) as FolderHolder;
  } catch {
    return null;
  }
  return holder.pid !== process.pid && isAlive(holder.pid) ? holder : null;
}

/** The one-line message for a folder another process holds. */
export function describeHolder(holder: FolderHolder, dataDir: string): string {
  const where = holder.url ? `serving ${holder.url}` : 'no server port (an import or a verify)';
  return `Verbatim is already running on the data folder ${dataDir} (pid ${holder.pid}, ${where}); stop it first or set VERBATIM_DATA_DIR to another folder.`;
}

/**
 * Takes the folder for this process, or throws a `conflict` error naming the live holder.
 *
 * @example
 * ```ts
 * const lock = await lockDataFolder('.verbatim-data');
 * await lock.announce('http://localhost:3000');
 * ```
 */
export async function lockDataFolder(dataDir: string): Promise<FolderLock> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const mine: FolderHolder = { pid: process.pid, url: null, startedAt: new Date().toISOString() };
  // Written whole to a file of its own, then put in place in one step, so that a reader never
  // sees a half-written lock: link() fails if the lock exists, rename() replaces it.
  const staged = async () => {
    const temp = `${file}.${process.pid}`;
    await writeFile(temp, JSON.stringify(mine));
    return temp;
  };
  for (let attempt = 0; ; attempt++) {
    const temp = await staged();
    try {
      await link(temp, file);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await findFolderHolder(dataDir);
      if (holder) throw new VerbatimError('conflict', describeHolder(holder, dataDir));
      if (attempt > 0)
        throw new VerbatimError(
          'conflict',
          `Another process is taking the data folder ${dataDir} right now; try again.`,
        );
      await unlink(file).catch(() => undefined); // its holder died: the lock is stale
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
  return {
    async announce(url) {
      mine.url = url;
      await rename(await staged(), file);
    },
    async release() {
      const holder = await readFile(file, 'utf8').then(
        (text) => JSON.parse(text) as FolderHolder,
        () => null,
      );
      if (holder?.pid === process.pid) await unlink(file).catch(() => undefined);
    },
  };
}
