import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Another process holds the data dir's store: LevelDB admits one process, and dynalite would crash on the second. */
export class StoreBusyError extends Error {
  constructor(dataDir: string, pid: string) {
    super(`the store in ${dataDir} is busy: another check, demo or serve (pid ${pid}) is using it; try again when it has finished`);
    this.name = 'StoreBusyError';
  }
}

/** The data dir's owner: this process, until `release`. */
export interface DataDirLock {
  readonly dataDir: string;
  /** Removes the lock file, if it is still this process's (idempotent). */
  release(): Promise<void>;
}

/**
 * A takeover of a stale lock lasts milliseconds; a takeover mutex older than this was left by a process killed in
 * the middle of one, and is itself taken over.
 */
const STALE_TAKEOVER_MS = 10_000;
const TAKEOVER_WAIT_MS = 20;

/**
 * Takes `<dataDir>/store.lock` (holding this pid) for as long as the store is open. A live holder is refused with
 * StoreBusyError. A lock whose process is gone (a crash, kill -9) is taken over, and only under a second lock,
 * `store.lock.takeover`, by whoever created that one: two processes that find the same stale lock cannot both
 * remove it (the second would remove the first one's fresh lock, and both would open the store). The loser of
 * that race sees the winner's live lock and is told the store is busy.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, 'store.lock');
  for (;;) {
    if (await createWithPid(path)) return ownLock(dataDir, path);
    const holder = await readPid(path);
    if (holder === null) continue; // released in the meantime: try again
    if (alive(holder)) throw new StoreBusyError(dataDir, String(holder));
    await takeOver(path, holder);
  }
}

/** Under the takeover mutex: removes the lock if it is still the stale one seen, so that the loop can create it. */
async function takeOver(path: string, stalePid: number): Promise<void> {
  const mutex = `${path}.takeover`;
  while (!(await createWithPid(mutex))) {
    const since = await stat(mutex).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (since > STALE_TAKEOVER_MS) await rm(mutex, { force: true });
    else await sleep(TAKEOVER_WAIT_MS);
  }
  try {
    if ((await readPid(path)) === stalePid) await rm(path, { force: true });
  } finally {
    await rm(mutex, { force: true });
  }
}

function ownLock(dataDir: string, path: string): DataDirLock {
  let released = false;
  return {
    dataDir,
    release: async () => {
      if (released) return;
      released = true;
      if ((await readPid(path)) === process.pid) await rm(path, { force: true });
    },
  };
}

/** Creates `path` holding this pid, unless it exists (then false). */
async function createWithPid(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(String(process.pid));
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * The pid in a lock file; null if there is none. A file just created and not yet written reads as empty: it is
 * read again, not taken for stale.
 */
async function readPid(path: string): Promise<number | null> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = (await readFile(path, 'utf8')).trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (text !== '' || attempt >= 50) return Number(text);
    await sleep(TAKEOVER_WAIT_MS / 4);
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
