import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';
import { sha256Hex } from '../domain/content-hash';
import type { EventArchive, PayloadStore, RawArchive } from '../ports';

/** Raw files under `<dir>/<sha256><ext>`: the local counterpart of the S3 archive. */
export class FileArchive implements RawArchive, PayloadStore, EventArchive {
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

  /** Change events too big for SNS, under `<dir>/events/<sha256>.json`, as the deployed check keeps them in S3. */
  putEvent(body: string): Promise<string> {
    return this.write(this.eventsDir(), `${sha256Hex(body)}.json`, Buffer.from(body, 'utf8'));
  }

  async getEvent(url: string): Promise<string> {
    const inside = relative(this.eventsDir(), resolve(url));
    if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`${url} is not under ${this.eventsDir()} (the archive)`);
    return readFile(url, 'utf8');
  }

  private eventsDir(): string {
    return resolve(this.dir, 'events');
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
