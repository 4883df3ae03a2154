import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

/**
 * A stand-in for MOF's site on 127.0.0.1: the index page fixture and the list files it links, served from the
 * real fixtures. `files` can be replaced between requests to publish a new edition under the same names.
 */
export interface MofServer {
  indexUrl: string;
  files: Map<string, Uint8Array>;
  requests: string[];
  /** Answers to conditional requests (`If-None-Match` against an ETag of the body's sha256) that were 304. */
  notModified: string[];
  /**
   * Faults by file name: `cut` sends only the first `bytes` of the file, either declaring that length
   * (`length: 'short'`, a Content-Length that is short) or none at all (chunked); `hang` never answers.
   */
  faults: Map<string, { cut?: { bytes: number; length: 'short' | 'none' }; hang?: true }>;
  close(): Promise<void>;
}

/**
 * The index page without its Excel links: the workbook only lends the digest its regime titles, and parsing it
 * (about 0.7 s) in each of many runs would make up most of a suite's time.
 */
export function linkCsvOnly(mof: MofServer): void {
  const page = Buffer.from(mof.files.get('list.html')!).toString('utf8');
  const csvOnly = page.replace(/<a href="\.\/shisantouketsu\d{8}\.xlsx?">[^<]*<\/a>/g, '');
  if (csvOnly === page) throw new Error('the index page fixture links no workbook any more');
  mof.files.set('list.html', Buffer.from(csvOnly, 'utf8'));
}

const INDEX_PATH = '/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/list.html';

export async function startMofServer(): Promise<MofServer> {
  const files = new Map<string, Uint8Array>([
    ['list.html', readFileSync(join(FIXTURES, 'list.html'))],
    ['shisantouketsu20260828.csv', readFileSync(join(FIXTURES, 'shisantouketsu20260828-excerpt.csv'))],
    ['shisantouketsu20260828.xlsx', readFileSync(join(FIXTURES, 'shisantouketsu20260305.xlsx'))],
  ]);
  const requests: string[] = [];
  const notModified: string[] = [];
  const faults: MofServer['faults'] = new Map();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    const body = path.startsWith(INDEX_PATH.slice(0, INDEX_PATH.lastIndexOf('/') + 1)) ? files.get(name) : undefined;
    const fault = faults.get(name);
    if (fault?.hang) return;
    if (body && fault?.cut) {
      const sent = body.subarray(0, fault.cut.bytes);
      res.writeHead(200, { 'content-type': 'text/csv', ...(fault.cut.length === 'short' ? { 'content-length': sent.length } : {}) }).end(sent);
      return;
    }
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      notModified.push(path);
      res.writeHead(304, { etag }).end();
      return;
    }
    const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    indexUrl: `http://127.0.0.1:${port}${INDEX_PATH}`,
    files,
    requests,
    notModified,
    faults,
    close: () =>
      new Promise((resolve, reject) => {
        // A hanging answer keeps its socket open; close it rather than wait.
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
