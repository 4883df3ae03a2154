import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { RawArchive } from '../ports';

/** Raw files under `<dir>/<sha256><ext>`: the local counterpart of the S3 archive. */
export class FileArchive implements RawArchive {
  constructor(private readonly dir: string) {}

  async put(file: { sha256: string; bytes: Uint8Array; fileName: string }): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${file.sha256}${extname(file.fileName).toLowerCase()}`);
    try {
      await writeFile(path, file.bytes, { flag: 'wx' });
    } catch (error) {
      // Content-addressed: a file already there holds these very bytes.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return path;
  }
}
