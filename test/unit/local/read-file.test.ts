import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileListSource } from '../../../shared/local/file-source';
import { readListFile } from '../../../shared/local/read-file';
import { customerFileChunks } from '../../../shared/local/file-customer-source';
import { parseCommand } from '../../../cli/commands/parse';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jsm-read-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a list file on disk', () => {
  it('gets the download cap: refused by size before it is read, naming the path', async () => {
    const path = join(dir, 'shisantouketsu20260828.csv');
    writeFileSync(path, Buffer.alloc(2048, 0x41));
    await expect(readListFile(path, 1024)).rejects.toThrow(`${path}: size cap 1024 bytes exceeded (2048 bytes)`);
    await expect(new FileListSource({ csv: path }, 1024).fetch(pathToFileURL(path))).rejects.toThrow(/size cap 1024 bytes exceeded/);
    expect((await readListFile(path, 4096)).length).toBe(2048);
  });

  it('names the path when it is a directory or missing', async () => {
    await expect(readListFile(dir)).rejects.toThrow(`${dir} is a directory, not a list file`);
    await expect(readListFile(join(dir, 'nope.csv'))).rejects.toThrow(`${join(dir, 'nope.csv')}: cannot open (ENOENT)`);
  });

  it('refuses a FIFO by name at once, instead of waiting forever for a writer', async () => {
    const fifo = join(dir, 'shisantouketsu20260828.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(readListFile(fifo)).rejects.toThrow(`${fifo} is a FIFO (named pipe), not a list file`);
    await expect(parseCommand([fifo])).rejects.toThrow(`${fifo} is a FIFO (named pipe), not a list file`);
  });

  it('refuses a FIFO given as a customer file too, before the stream would wait for a writer', async () => {
    const fifo = join(dir, 'customers.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(customerFileChunks(fifo)).rejects.toThrow(`${fifo} is a FIFO (named pipe), not a customer file`);
  });

  it('refuses a device by name', async () => {
    await expect(readListFile('/dev/zero')).rejects.toThrow('/dev/zero is a device, not a list file');
  });
});
