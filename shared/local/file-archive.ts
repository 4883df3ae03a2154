import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { sha256Hex } from '../domain/content-hash';
import type { PayloadStore, RawArchive } from '../ports';

/** Raw files under `<dir>/<sha256><ext>`: the local counterpart of the S3 archive. */
export class FileArchive implements RawArchive, PayloadStore {
  constructor(private readonly dir: string) {}

  async put(file: { sha256: string; bytes: Uint8Array; fileName: string }): Promise<string> {
    return this.write(this.dir, `${file.sha256}${extname(file.fileName).toLowerCase()}`, file.bytes);
  }

  /** Oversized store payloads under `<dir>/overflow/<sha256>.json`. */
  putPayload(text: string): Promise<string> {
    return this.write(join(this.dir, 'overflow'), `${sha256Hex(text)}.json`, Buffer.from(text, 'utf8'));
  }

  async getPayload(ref: string): Promise<string> {
    return readFile(ref, 'utf8');
  }

  private async write(dir: string, name: string, bytes: Uint8Array): Promise<string> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    try {
      await writeFile(path, bytes, { flag: 'wx' });
    } catch (error) {
      // Content-addressed: a file already there holds these very bytes.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return path;
  }
}
