import { createInterface } from 'node:readline';
import { lockDataDir, type DataDirLock } from '../../shared/local/data-dir-lock';

/**
 * One process contending for data dirs' locks (test/integration/data-dir-lock.test.ts), trial after trial. On
 * `go <dir>` (written to every contender at once, so that they all try at the same moment) it answers `won <pid>`
 * or `busy <message>`; on `release` it releases what it won and answers `released`.
 */
let held: DataDirLock | null = null;
const answer = (line: string) => process.stdout.write(`${line}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.startsWith('go ')) {
    lockDataDir(line.slice('go '.length)).then(
      (lock) => {
        held = lock;
        answer(`won ${process.pid}`);
      },
      (error: Error) => answer(`${error.name === 'StoreBusyError' ? 'busy' : 'error'} ${error.message}`),
    );
  } else if (line === 'release') {
    void (held?.release() ?? Promise.resolve()).then(() => {
      held = null;
      answer('released');
    });
  }
});
answer('ready');
