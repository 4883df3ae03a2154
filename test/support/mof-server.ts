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
  close(): Promise<void>;
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
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    const body = path.startsWith(INDEX_PATH.slice(0, INDEX_PATH.lastIndexOf('/') + 1)) ? files.get(name) : undefined;
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
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
