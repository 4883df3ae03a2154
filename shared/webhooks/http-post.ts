import { lookup } from 'node:dns/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressRefusal, isLoopback } from './address-policy';

/**
 * One POST of a webhook, hardened for URLs the function does not control: HTTPS only (plain HTTP to loopback in
 * tests), the host resolved here and every address checked before any connection, the socket then pinned to the
 * checked address (a second DNS answer cannot swap in an internal one), no redirects, a deadline for the whole
 * exchange, and at most a few KiB of the answer read.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface PostOptions {
  /** From the start of DNS resolution to the end of the (capped) response. */
  timeoutMs: number;
  /** Loopback addresses, and plain HTTP to them: for tests and local receivers only. */
  allowLoopback: boolean;
  /** Injected in tests, to answer with any address without asking DNS. */
  resolve?: Resolver;
}

export type PostResult =
  /** The receiver answered; redirects included, since they are not followed. */
  | { kind: 'answered'; status: number; latencyMs: number }
  /** Not sent: the URL or its addresses are not allowed. No connection was opened. */
  | { kind: 'refused'; detail: string; latencyMs: number }
  /** Sent or not, no answer: DNS failure, refused or reset connection, TLS error, timeout. */
  | { kind: 'failed'; detail: string; latencyMs: number };

/** Receivers answer with a status; anything longer than this is not ours to read. */
const MAX_RESPONSE_BYTES = 4 * 1024;
const USER_AGENT = 'jp-sanctions-monitor-webhooks/0.1';

const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

export async function postWebhook(url: URL, body: string, headers: Readonly<Record<string, string>>, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = started + options.timeoutMs;

  const scheme = url.protocol;
  if (scheme !== 'https:' && !(scheme === 'http:' && options.allowLoopback)) {
    return { kind: 'refused', detail: `scheme ${scheme} not allowed (HTTPS only)`, latencyMs: elapsed() };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: ResolvedAddress[];
  try {
    addresses = await withDeadline(resolveHost(host, options.resolve ?? systemResolver), deadline);
  } catch (error) {
    return { kind: 'failed', detail: `cannot resolve ${host} (${describe(error)})`, latencyMs: elapsed() };
  }
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, options);
    const where = host === address ? address : `${host} resolves to ${address}`;
    if (refusal) return { kind: 'refused', detail: `${where}: ${refusal} addresses are not allowed`, latencyMs: elapsed() };
    if (scheme === 'http:' && !isLoopback(address)) return { kind: 'refused', detail: `plain HTTP only to loopback, and ${host} resolves to ${address}`, latencyMs: elapsed() };
  }
  const target = addresses[0];
  if (!target) return { kind: 'failed', detail: `${host} has no address`, latencyMs: elapsed() };

  return send({ url, host, target, body, headers, deadline, timeoutMs: options.timeoutMs, elapsed });
}

async function resolveHost(host: string, resolve: Resolver): Promise<ResolvedAddress[]> {
  const literal = isIP(host);
  if (literal) return [{ address: host, family: literal === 6 ? 6 : 4 }];
  return resolve(host);
}

interface Exchange {
  url: URL;
  host: string;
  target: ResolvedAddress;
  body: string;
  headers: Readonly<Record<string, string>>;
  deadline: number;
  timeoutMs: number;
  elapsed: () => number;
}

function send({ url, host, target, body, headers, deadline, timeoutMs, elapsed }: Exchange): Promise<PostResult> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = (url.protocol === 'https:' ? https : http).request({
      method: 'POST',
      host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      ...(url.username && { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` }),
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': USER_AGENT },
      // A connection per attempt: a kept-alive socket may have been closed by the receiver while Lambda froze the
      // function, failing the next attempt for nothing. Webhooks are a few per run, so the handshakes cost little.
      agent: false,
      // TLS still verifies the certificate against `host`; only the address it connects to is fixed.
      lookup: pinnedLookup(target),
    });
    const timer = setTimeout(() => {
      settle({ kind: 'failed', detail: `timeout after ${timeoutMs} ms`, latencyMs: elapsed() });
      request.destroy();
    }, Math.max(0, deadline - performance.now()));

    request.on('response', (response) => {
      const answered: PostResult = { kind: 'answered', status: response.statusCode ?? 0, latencyMs: elapsed() };
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) {
          response.destroy();
          settle(answered);
        }
      });
      // Read to the end (within the cap) so the socket can be reused; the content itself is not needed.
      response.on('end', () => settle(answered));
      response.on('close', () => settle(answered));
      response.on('error', () => settle(answered));
    });
    request.on('error', (error) => settle({ kind: 'failed', detail: describe(error), latencyMs: elapsed() }));
    request.end(body);
  });
}

/** Node asks for every address (`all`) when it may race IPv4 and IPv6; either way it gets only the checked one. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

async function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  return typeof message === 'string' ? message : String(error);
}
