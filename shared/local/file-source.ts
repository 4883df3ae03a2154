import { basename, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { sha256Hex } from '../domain/content-hash';
import type { FetchResult } from '../http/fetch-file';
import type { ListLinks } from '../mof/discover';
import type { ListSource } from '../ports';
import { readListFile } from './read-file';

/**
 * A list file on disk standing in for MOF's index page: `check --source ./shisantouketsu20260828.csv`, and the
 * demo. The file name's date is the edition date, as on MOF's page; a workbook may come along for the titles.
 */
export class FileListSource implements ListSource {
  constructor(
    private readonly files: { csv?: string; xlsx?: string },
    private readonly maxBytes?: number,
  ) {
    if (!files.csv && !files.xlsx) throw new Error('FileListSource needs a CSV or an XLSX file');
  }

  async discover(): Promise<ListLinks> {
    const main = this.files.csv ?? this.files.xlsx!;
    const stamp = /(\d{4})(\d{2})(\d{2})/.exec(basename(main));
    return {
      csv: this.files.csv ? pathToFileURL(resolve(this.files.csv)) : null,
      xlsx: this.files.xlsx ? pathToFileURL(resolve(this.files.xlsx)) : null,
      asOf: null,
      fileDate: stamp ? `${stamp[1]}-${stamp[2]}-${stamp[3]}` : null,
    };
  }

  async fetch(url: URL): Promise<FetchResult> {
    const bytes = new Uint8Array(await readListFile(fileURLToPath(url), this.maxBytes));
    return { status: 'ok', bytes, sha256: sha256Hex(bytes), etag: null, lastModified: null, contentType: null, url };
  }
}
