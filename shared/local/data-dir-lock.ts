import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Another process holds the data dir's store: LevelDB admits one process, and dynalite would crash on the second. */
export class StoreBusyError extends Error {
  constructor(dataDir: string, pid: string) {
    super(`the store in ${dataDir} is busy: another check or demo (pid ${pid}) is using it; try again when it has finished`);
    this.name = 'StoreBusyError';
  }
}

/**
 * Takes `<dataDir>/store.lock` (holding this pid) for as long as the store is open. A lock whose process is gone
 * (a crash) is taken over; a live one is refused with StoreBusyError.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'store.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = (await readFile(path, 'utf8').catch(() => '')).trim();
      if (pid && alive(Number(pid))) throw new StoreBusyError(dataDir, pid);
      await rm(path, { force: true });
    }
  }
  throw new StoreBusyError(dataDir, 'unknown');
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
