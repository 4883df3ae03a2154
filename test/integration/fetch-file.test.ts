import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cacheBust, fetchFile, FetchError, FetchResult, type FetchOptions } from '../../shared/http/fetch-file';
import { discoverListFiles } from '../../shared/mof/discover';

/**
 * The MOF client against a real HTTP server on 127.0.0.1, serving the real fixture files. Nothing here leaves
 * the loopback interface: every URL outside it must be refused before a connection is made.
 */

const FIXTURES = join(__dirname, '../fixtures/mof');
const CSV = readFileSync(join(FIXTURES, 'shisantouketsu20260828-excerpt.csv'));
const XLSX = readFileSync(join(FIXTURES, 'shisantouketsu20260305.xlsx'));
const LIST_HTML = readFileSync(join(FIXTURES, 'list.html'));
/** From test/fixtures/mof/PROVENANCE.md. */
const CSV_SHA256 = 'a1d6d65edc9d09af7a4a8c5f3648b33bd33c7770e12d7d3b44d7f1fb7efcfe15';
const XLSX_SHA256 = 'f34ab1163f39d607b60175c0dafea0a14d43149c5f70602c30c792b2a01a9f56';

const DIR = '/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions';
const LAST_MODIFIED = 'Fri, 28 Aug 2026 03:00:00 GMT';

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

interface TestServer {
  url(path: string): URL;
  seen: Seen[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse, count: number) => void): Promise<TestServer> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    res.on('error', () => undefined);
    handler(req, res, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: TestServer = {
    url: (path) => new URL(path, `http://127.0.0.1:${port}`),
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging handlers (the timeout tests) keep their sockets open; close them rather than wait.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  jest.restoreAllMocks();
});

/** Serves the fixtures under MOF's paths, with an ETag and conditional GET like a static file server. */
function mofSite(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const files: Record<string, { body: Buffer; type: string; etag: string }> = {
    [`${DIR}/list.html`]: { body: LIST_HTML, type: 'text/html; charset=UTF-8', etag: '"list-0828"' },
    [`${DIR}/shisantouketsu20260828.csv`]: { body: CSV, type: 'text/csv', etag: '"csv-0828"' },
    // The only real workbook we hold is the 2026-03-05 one; it stands in for the 0828 Excel file the page links.
    [`${DIR}/shisantouketsu20260828.xlsx`]: { body: XLSX, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', etag: '"xlsx-0305"' },
  };
  const file = files[path];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    return;
  }
  if (req.headers['if-none-match'] === file.etag || req.headers['if-modified-since'] === LAST_MODIFIED) {
    res.writeHead(304, { etag: file.etag }).end();
    return;
  }
  res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, etag: file.etag, 'last-modified': LAST_MODIFIED });
  res.end(file.body);
}

/** Options for the loopback server; the sleep records the backoff instead of waiting. */
function loopback(extra: FetchOptions = {}): FetchOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    allowedHosts: ['127.0.0.1'],
    allowLoopbackHttp: true,
    timeoutMs: 5_000,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
    sleeps,
  };
}

async function fetchFailure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

function expectOk(result: FetchResult): Extract<FetchResult, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

describe('fetchFile: downloads', () => {
  it('downloads the CSV fixture byte for byte, with the sha256 recorded in PROVENANCE.md', async () => {
    const server = await serve(mofSite);
    const url = server.url(`${DIR}/shisantouketsu20260828.csv`);
    const result = expectOk(await fetchFile(url, loopback()));
    expect(result.sha256).toBe(CSV_SHA256);
    expect(result.bytes.byteLength).toBe(161_744);
    expect(Buffer.from(result.bytes).equals(CSV)).toBe(true);
    expect(result).toMatchObject({ etag: '"csv-0828"', lastModified: LAST_MODIFIED, contentType: 'text/csv' });
    expect(result.url.href).toBe(url.href);
    expect(FetchResult.safeParse(result).success).toBe(true);
  });

  it('downloads the XLSX fixture (1 MB, binary) intact', async () => {
    const server = await serve(mofSite);
    const result = expectOk(await fetchFile(server.url(`${DIR}/shisantouketsu20260828.xlsx`), loopback()));
    expect(result.sha256).toBe(XLSX_SHA256);
    expect(result.bytes.byteLength).toBe(1_039_273);
  });

  it('sends a User-Agent and no validators on a first fetch', async () => {
    const server = await serve(mofSite);
    await fetchFile(server.url(`${DIR}/list.html`), loopback());
    expect(server.seen[0]?.headers['user-agent']).toMatch(/^jp-sanctions-monitor/);
    expect(server.seen[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.seen[0]?.headers['if-modified-since']).toBeUndefined();
  });
});

describe('fetchFile: conditional requests', () => {
  it('round-trips the ETag into If-None-Match and reports not-modified on 304', async () => {
    const server = await serve(mofSite);
    const url = server.url(`${DIR}/shisantouketsu20260828.csv`);
    const first = expectOk(await fetchFile(url, loopback()));
    const second = await fetchFile(url, loopback({ validators: { etag: first.etag } }));
    expect(second).toEqual({ status: 'not-modified', url });
    expect(server.seen[1]?.headers['if-none-match']).toBe('"csv-0828"');
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    const server = await serve(mofSite);
    const url = server.url(`${DIR}/shisantouketsu20260828.csv`);
    const result = await fetchFile(url, loopback({ validators: { lastModified: LAST_MODIFIED, etag: null } }));
    expect(result.status).toBe('not-modified');
    expect(server.seen[0]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(server.seen[0]?.headers['if-none-match']).toBeUndefined();
  });

  it('downloads again when the validators no longer match', async () => {
    const server = await serve(mofSite);
    const result = await fetchFile(server.url(`${DIR}/shisantouketsu20260828.csv`), loopback({ validators: { etag: '"csv-0820"' } }));
    expect(expectOk(result).sha256).toBe(CSV_SHA256);
  });

  it('treats a 304 to a request without validators as an error: there is nothing to keep', async () => {
    const server = await serve((_, res) => res.writeHead(304).end());
    const error = await fetchFailure(fetchFile(server.url('/x.csv'), loopback()));
    expect(error).toMatchObject({ reason: 'http-status', httpStatus: 304, attempts: 1 });
  });
});

describe('fetchFile: retries', () => {
  it('retries a 503 with growing, jittered backoff and then succeeds', async () => {
    const server = await serve((req, res, count) => {
      if (count <= 2) res.writeHead(503).end('busy');
      else mofSite(req, res);
    });
    const options = loopback({ retries: 3, backoffBaseMs: 1_000 });
    const result = await fetchFile(server.url(`${DIR}/shisantouketsu20260828.csv`), options);
    expect(expectOk(result).sha256).toBe(CSV_SHA256);
    expect(server.seen).toHaveLength(3);
    // Equal jitter with random() = 0.5: half of each step plus a quarter.
    expect(options.sleeps).toEqual([750, 1_500]);
  });

  it('gives up after the last retry and says how many attempts were made', async () => {
    const server = await serve((_, res) => res.writeHead(503).end());
    const options = loopback({ retries: 2 });
    const url = server.url('/shisantouketsu20260828.csv');
    const error = await fetchFailure(fetchFile(url, options));
    expect(error.message).toBe(`GET ${url.href}: HTTP 503 Service Unavailable (3 attempts)`);
    expect(error).toMatchObject({ reason: 'http-status', httpStatus: 503, attempts: 3, url: url.href });
    expect(server.seen).toHaveLength(3);
    expect(options.sleeps).toHaveLength(2);
  });

  it('caps the backoff', async () => {
    const server = await serve((_, res) => res.writeHead(500).end());
    const options = loopback({ retries: 5, backoffBaseMs: 1_000, backoffMaxMs: 4_000, random: () => 0.999 });
    await fetchFailure(fetchFile(server.url('/x'), options));
    expect(options.sleeps.map((ms) => Math.round(ms / 100) * 100)).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it('retries 429', async () => {
    const server = await serve((req, res, count) => (count === 1 ? res.writeHead(429).end() : mofSite(req, res)));
    const result = await fetchFile(server.url(`${DIR}/list.html`), loopback({ retries: 1 }));
    expect(result.status).toBe('ok');
    expect(server.seen).toHaveLength(2);
  });

  it.each([429, 503])('waits out the Retry-After of a %i, in seconds or as a date, up to a cap', async (status) => {
    const server = await serve((req, res, count) => {
      if (count === 1) res.writeHead(status, { 'retry-after': '7' }).end();
      else if (count === 2) res.writeHead(status, { 'retry-after': new Date(Date.now() + 20_000).toUTCString() }).end();
      else mofSite(req, res);
    });
    const options = loopback({ retries: 3, backoffBaseMs: 100 });
    expect((await fetchFile(server.url(`${DIR}/list.html`), options)).status).toBe('ok');
    expect(options.sleeps[0]).toBe(7_000);
    expect(options.sleeps[1]).toBeGreaterThan(18_000);
    expect(options.sleeps[1]).toBeLessThanOrEqual(20_000);

    const greedy = await serve((_, res) => res.writeHead(status, { 'retry-after': '3600' }).end());
    const capped = loopback({ retries: 3, retryAfterMaxMs: 60_000 });
    const error = await fetchFailure(fetchFile(greedy.url('/x.csv'), capped));
    expect(error.message).toMatch(/Retry-After asks for 3600000 ms, more than the 60000 ms allowed/);
    expect(capped.sleeps).toEqual([]);
  });

  it('keeps every attempt and wait inside the deadline, and says when the budget ran out', async () => {
    const hanging = await serve(() => undefined);
    let clock = 1_000_000;
    const options = loopback({ retries: 5, timeoutMs: 30_000, backoffBaseMs: 1_000, deadline: 1_000_000 + 400, now: () => clock });
    const started = performance.now();
    const error = await fetchFailure(fetchFile(hanging.url('/x.csv'), options));
    // The one attempt was cut to the 400 ms left, not the 30 s timeout; no retry could finish in time.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ reason: 'time-budget' });
    expect(error.message).toMatch(/timeout after 400 ms; no time left in the check's budget for another attempt/);
    clock += 1_000;
    expect((await fetchFailure(fetchFile(hanging.url('/x.csv'), options))).message).toMatch(/time budget ran out before this request/);
  });

  it.each([404, 403, 410, 400])('does not retry HTTP %i', async (status) => {
    const server = await serve((_, res) => res.writeHead(status).end());
    const options = loopback({ retries: 3 });
    const error = await fetchFailure(fetchFile(server.url('/shisantouketsu20260828.csv'), options));
    expect(error).toMatchObject({ reason: 'http-status', httpStatus: status, attempts: 1 });
    expect(error.message).toContain(`HTTP ${status}`);
    expect(server.seen).toHaveLength(1);
    expect(options.sleeps).toEqual([]);
  });

  it('retries a refused connection as a network error', async () => {
    const closed = await serve(() => undefined);
    const url = closed.url('/x.csv');
    await closed.close();
    const options = loopback({ retries: 2 });
    const error = await fetchFailure(fetchFile(url, options));
    expect(error).toMatchObject({ reason: 'network', attempts: 3 });
    expect(error.message).toMatch(/network error \(fetch failed: ECONNREFUSED\)/);
    expect(options.sleeps).toHaveLength(2);
  });
});

describe('fetchFile: timeouts', () => {
  it('times out a server that never answers, and retries the timeout', async () => {
    const server = await serve(() => undefined);
    const url = server.url('/list.html');
    const error = await fetchFailure(fetchFile(url, loopback({ timeoutMs: 150, retries: 1 })));
    expect(error.message).toBe(`GET ${url.href}: timeout after 150 ms (2 attempts)`);
    expect(error).toMatchObject({ reason: 'timeout', attempts: 2 });
    expect(server.seen).toHaveLength(2);
  });

  it('times out a body that stalls after the headers', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('区分,番号\r\n');
    });
    const error = await fetchFailure(fetchFile(server.url('/x.csv'), loopback({ timeoutMs: 200, retries: 0 })));
    expect(error).toMatchObject({ reason: 'timeout', attempts: 1 });
  });
});

describe('fetchFile: size cap', () => {
  it('accepts a body of exactly maxBytes and refuses one byte less', async () => {
    const server = await serve(mofSite);
    const url = server.url(`${DIR}/shisantouketsu20260828.csv`);
    expect((await fetchFile(url, loopback({ maxBytes: CSV.length }))).status).toBe('ok');
    const error = await fetchFailure(fetchFile(url, loopback({ maxBytes: CSV.length - 1 })));
    expect(error.message).toContain(`size cap ${CSV.length - 1} bytes exceeded`);
  });

  it('refuses an over-size Content-Length up front, without reading the body', async () => {
    // Declares 10 MB, sends a few bytes and then nothing: only the header can end this before the timeout.
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-length': 10_000_000 });
      res.write('区分,番号\r\n');
    });
    const started = Date.now();
    const error = await fetchFailure(fetchFile(server.url('/x.csv'), loopback({ maxBytes: 1_000, timeoutMs: 10_000, retries: 3 })));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toContain('size cap 1000 bytes exceeded (Content-Length 10000000)');
    expect(error).toMatchObject({ reason: 'size-cap', attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  it('aborts a chunked body as soon as it passes the cap', async () => {
    let written = 0;
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' }); // no Content-Length: chunked
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = () => {
        // Stops once the client has gone, and never sends more than 8 MB in any case.
        while (!res.destroyed && written < 8 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const error = await fetchFailure(fetchFile(server.url('/x.csv'), loopback({ maxBytes: 100_000, retries: 3 })));
    expect(error.message).toContain('size cap 100000 bytes exceeded while reading');
    expect(error).toMatchObject({ reason: 'size-cap', attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });
});

describe('fetchFile: redirects', () => {
  it('follows a redirect within the allowed hosts and reports the final URL', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/latest.csv') res.writeHead(302, { location: `${DIR}/shisantouketsu20260828.csv` }).end();
      else mofSite(req, res);
    });
    const result = expectOk(await fetchFile(server.url('/latest.csv'), loopback()));
    expect(result.sha256).toBe(CSV_SHA256);
    expect(result.url.pathname).toBe(`${DIR}/shisantouketsu20260828.csv`);
  });

  it('refuses a redirect to a host that is not allowed, without connecting to it', async () => {
    const server = await serve((_, res) => res.writeHead(302, { location: 'https://evil.example/shisantouketsu20260828.csv' }).end());
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const error = await fetchFailure(fetchFile(server.url('/list.html'), loopback({ retries: 3 })));
    expect(error.message).toContain('redirect to https://evil.example/shisantouketsu20260828.csv refused: host evil.example not allowed');
    expect(error).toMatchObject({ reason: 'host-not-allowed', attempts: 1 });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('refuses a redirect from an allowed host to plain HTTP elsewhere, even to an allowed name', async () => {
    const server = await serve((_, res) => res.writeHead(301, { location: 'http://www.mof.go.jp/x.csv' }).end());
    const error = await fetchFailure(fetchFile(server.url('/x.csv'), loopback({ allowedHosts: ['127.0.0.1', 'www.mof.go.jp'] })));
    expect(error).toMatchObject({ reason: 'scheme-not-allowed' });
  });

  it('follows at most 3 redirects', async () => {
    const server = await serve((req, res) => {
      const hop = Number(req.url?.slice(1));
      res.writeHead(307, { location: `/${hop + 1}` }).end();
    });
    const error = await fetchFailure(fetchFile(server.url('/0'), loopback({ retries: 2 })));
    expect(error).toMatchObject({ reason: 'too-many-redirects', attempts: 1 });
    expect(server.seen.map((s) => s.path)).toEqual(['/0', '/1', '/2', '/3']);
  });

  it('accepts exactly 3 redirects', async () => {
    const server = await serve((req, res) => {
      const hop = Number(req.url?.slice(1));
      if (hop < 3) res.writeHead(308, { location: `/${hop + 1}` }).end();
      else res.writeHead(200).end('ok');
    });
    expect((await fetchFile(server.url('/0'), loopback())).status).toBe('ok');
  });

  it('refuses a redirect without a Location', async () => {
    const server = await serve((_, res) => res.writeHead(302).end());
    const error = await fetchFailure(fetchFile(server.url('/x'), loopback()));
    expect(error).toMatchObject({ reason: 'bad-redirect' });
  });
});

describe('fetchFile: refused before connecting', () => {
  let fetchSpy: jest.SpiedFunction<typeof fetch>;
  beforeEach(() => {
    fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
  });

  it.each([
    ['plain HTTP to MOF', 'http://www.mof.go.jp/list.html', {}, 'scheme-not-allowed'],
    ['plain HTTP to loopback without allowLoopbackHttp', 'http://127.0.0.1:8080/x.csv', { allowedHosts: ['127.0.0.1'] }, 'scheme-not-allowed'],
    ['plain HTTP to a loopback look-alike', 'http://localhost.evil.example/x.csv', { allowedHosts: ['localhost.evil.example'], allowLoopbackHttp: true }, 'scheme-not-allowed'],
    ['plain HTTP to a non-loopback address', 'http://10.0.0.1/x.csv', { allowedHosts: ['10.0.0.1'], allowLoopbackHttp: true }, 'scheme-not-allowed'],
    ['FTP', 'ftp://www.mof.go.jp/x.csv', {}, 'scheme-not-allowed'],
    ['a host other than MOF by default', 'https://evil.example/shisantouketsu20260828.csv', {}, 'host-not-allowed'],
    ['a host that merely starts with MOF', 'https://www.mof.go.jp.evil.example/x.csv', {}, 'host-not-allowed'],
    ['loopback HTTP to a host not in the list', 'http://localhost:8080/x.csv', { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true }, 'host-not-allowed'],
  ] as const)('refuses %s', async (_, href, options, reason) => {
    const error = await fetchFailure(fetchFile(new URL(href), { ...options, retries: 3 }));
    expect(error).toMatchObject({ reason, attempts: 0, url: new URL(href).href });
    expect(error.message).toMatch(/^GET \S+: (scheme|host) /);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses options it cannot honour, such as a zero timeout', async () => {
    const error = await fetchFailure(fetchFile(new URL('https://www.mof.go.jp/list.html'), { timeoutMs: 0 }));
    expect(error).toMatchObject({ reason: 'invalid-options', attempts: 0 });
    expect(error.message).toContain('timeoutMs');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('says HTTPS only', async () => {
    const error = await fetchFailure(fetchFile(new URL('http://www.mof.go.jp/list.html')));
    expect(error.message).toBe('GET http://www.mof.go.jp/list.html: scheme http: not allowed (HTTPS only)');
  });

  it('lets HTTPS to MOF through to the network layer by default', async () => {
    const error = await fetchFailure(fetchFile(new URL('https://www.mof.go.jp/list.html'), { retries: 0 }));
    expect(error.reason).toBe('network');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('lets plain HTTP to ::1 through when loopback HTTP is allowed', async () => {
    await fetchFailure(fetchFile(new URL('http://[::1]:9/x.csv'), { allowedHosts: ['::1'], allowLoopbackHttp: true, retries: 0 }));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});

describe('cacheBust', () => {
  const LIST = new URL(`https://www.mof.go.jp${DIR}/list.html`);

  it('adds ?_=YYYY-MM-DD like OpenSanctions does', () => {
    expect(cacheBust(LIST, '2026-08-28').href).toBe(`${LIST.href}?_=2026-08-28`);
  });

  it('dates an instant in Japan time', () => {
    expect(cacheBust(LIST, new Date('2026-08-27T15:30:00Z')).searchParams.get('_')).toBe('2026-08-28');
    expect(cacheBust(LIST, new Date('2026-08-27T14:59:59Z')).searchParams.get('_')).toBe('2026-08-27');
  });

  it('replaces an earlier bust, keeps other parameters and leaves the input alone', () => {
    const url = new URL(`${LIST.href}?lang=ja&_=2026-08-01`);
    const busted = cacheBust(url, '2026-08-28');
    expect(busted.searchParams.get('lang')).toBe('ja');
    expect(busted.searchParams.getAll('_')).toEqual(['2026-08-28']);
    expect(url.searchParams.get('_')).toBe('2026-08-01');
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => cacheBust(LIST, '28/08/2026')).toThrow();
    expect(() => cacheBust(LIST, new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('discover + fetch, end to end', () => {
  it('fetches list.html, discovers the newest files and downloads them', async () => {
    const server = await serve(mofSite);
    const options = loopback();
    const pageUrl = cacheBust(server.url(`${DIR}/list.html`), '2026-08-28');

    const page = expectOk(await fetchFile(pageUrl, options));
    expect(server.seen[0]?.path).toBe(`${DIR}/list.html?_=2026-08-28`);
    const links = discoverListFiles(new TextDecoder('utf-8', { fatal: true }).decode(page.bytes), page.url.href);
    expect(links).toMatchObject({ asOf: '2026-08-28', fileDate: '2026-08-28' });
    expect(links.csv?.href).toBe(server.url(`${DIR}/shisantouketsu20260828.csv`).href);

    if (!links.csv || !links.xlsx) throw new Error('expected both links');
    const csv = expectOk(await fetchFile(links.csv, options));
    const xlsx = expectOk(await fetchFile(links.xlsx, options));
    expect(csv.sha256).toBe(CSV_SHA256);
    expect(xlsx.sha256).toBe(XLSX_SHA256);
    expect(server.seen.map((s) => s.path)).toEqual([
      `${DIR}/list.html?_=2026-08-28`,
      `${DIR}/shisantouketsu20260828.csv`,
      `${DIR}/shisantouketsu20260828.xlsx`,
    ]);
  });

  it('a second poll with the stored validators is a single 304 per file', async () => {
    const server = await serve(mofSite);
    const url = server.url(`${DIR}/shisantouketsu20260828.csv`);
    const first = expectOk(await fetchFile(url, loopback()));
    const again = await fetchFile(url, loopback({ validators: { etag: first.etag, lastModified: first.lastModified } }));
    expect(again.status).toBe('not-modified');
    expect(server.seen).toHaveLength(2);
  });
});
