import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { lockDataDir, StoreBusyError } from '../../shared/local/data-dir-lock';
import { cli, ROOT } from '../support/cli';
import { CSV_EXCERPT } from '../support/fixtures';

/**
 * One owner per data dir (issue 18, items 5 and 7): the lock file a kill -9 leaves behind is taken over, and by one
 * process only, however many find it at the same moment.
 */
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jsm-lock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited: what a lock file holds after its process was killed. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** Processes that try to take a lock at the same moment, trial after trial (test/support/lock-contender.ts). */
class Contenders {
  private readonly children: ChildProcessWithoutNullStreams[];
  private readonly lines: string[][];
  private readonly waiting: Array<(() => void) | null>;

  constructor(count: number) {
    this.children = Array.from({ length: count }, () =>
      spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'lock-contender.ts')], { cwd: ROOT }),
    );
    this.lines = this.children.map(() => []);
    this.waiting = this.children.map(() => null);
    this.children.forEach((child, i) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        this.lines[i]!.push(line);
        this.waiting[i]?.();
      });
    });
  }

  /** The next line each contender says. */
  private async next(): Promise<string[]> {
    return Promise.all(
      this.lines.map(async (lines, i) => {
        while (lines.length === 0) await new Promise<void>((resolve) => (this.waiting[i] = resolve));
        return lines.shift()!;
      }),
    );
  }

  ready(): Promise<string[]> {
    return this.next();
  }

  /** Every contender tries `dataDir` at once; then the winner lets go. What each said. */
  async trial(dataDir: string): Promise<string[]> {
    for (const child of this.children) child.stdin.write(`go ${dataDir}\n`);
    const results = await this.next();
    for (const child of this.children) child.stdin.write('release\n');
    await this.next();
    return results;
  }

  stop(): void {
    for (const child of this.children) child.stdin.end();
  }
}

describe('the data dir lock', () => {
  it('takes over a lock whose process is gone, and refuses one whose process lives', async () => {
    writeFileSync(join(dir, 'store.lock'), String(deadPid()));
    const lock = await lockDataDir(dir);
    expect(readFileSync(join(dir, 'store.lock'), 'utf8')).toBe(String(process.pid));
    await lock.release();
    expect(existsSync(join(dir, 'store.lock'))).toBe(false);

    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'store.lock'), String(live.pid));
      await expect(lockDataDir(dir)).rejects.toThrow(new StoreBusyError(dir, String(live.pid)).message);
      expect(readFileSync(join(dir, 'store.lock'), 'utf8')).toBe(String(live.pid));
    } finally {
      live.kill();
    }
  });

  it('releases only its own lock: a lock taken over by another process stays', async () => {
    const lock = await lockDataDir(dir);
    writeFileSync(join(dir, 'store.lock'), '424242');
    await lock.release();
    expect(readFileSync(join(dir, 'store.lock'), 'utf8')).toBe('424242');
  });

  it('lets exactly one of four processes that find the same stale lock at once take it over (twenty trials)', async () => {
    const contenders = new Contenders(4);
    const stale = deadPid();
    try {
      expect(await contenders.ready()).toEqual(['ready', 'ready', 'ready', 'ready']);
      for (let trial = 0; trial < 20; trial++) {
        const dataDir = join(dir, `trial-${trial}`);
        mkdirSync(dataDir);
        writeFileSync(join(dataDir, 'store.lock'), String(stale));
        const results = await contenders.trial(dataDir);
        const won = results.filter((r) => r.startsWith('won '));
        expect({ trial, won: won.length }).toEqual({ trial, won: 1 });
        const winner = won[0]!.slice('won '.length);
        for (const loser of results.filter((r) => !r.startsWith('won '))) {
          expect(loser).toBe(`busy the store in ${dataDir} is busy: another check, demo or serve (pid ${winner}) is using it; try again when it has finished`);
        }
        expect(existsSync(join(dataDir, 'store.lock'))).toBe(false);
        expect(existsSync(join(dataDir, 'store.lock.takeover'))).toBe(false);
      }
    } finally {
      contenders.stop();
    }
  }, 120_000);

  it('two checks that find a stale lock at once: each checks or says the store is busy, in one error: line (three trials)', async () => {
    const stale = deadPid();
    for (let trial = 0; trial < 3; trial++) {
      const dataDir = join(dir, `checks-${trial}`);
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, 'store.lock'), String(stale));
      const runs = await Promise.all([0, 1].map(() => cli('check', '--source', CSV_EXCERPT, '--data-dir', dataDir)));
      for (const run of runs) {
        if (run.code === 0) expect(run.stdout).toMatch(/^check (baseline|unchanged) \(version 1\)/m);
        else expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/^error: the store in .* is busy: another check, demo or serve \(pid \d+\) is using it; try again when it has finished\n$/) });
      }
      expect(runs.some((run) => run.code === 0)).toBe(true);
    }
    // The store the winners wrote is whole: the last data dir checks unchanged.
    expect((await cli('check', '--source', CSV_EXCERPT, '--data-dir', join(dir, 'checks-2'))).stdout).toMatch(/^check unchanged \(version 1\)/m);
  }, 120_000);
});
