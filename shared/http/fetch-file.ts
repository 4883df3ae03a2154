import { createHash } from 'node:crypto';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { z } from 'zod';
import { backoffMs } from './backoff';
import { IsoDate } from '../domain/designation';

/**
 * The one HTTP client for MOF downloads (index page, CSV, XLSX), shared by the Lambda and the CLI. It fetches a
 * whole file into memory, because the next steps hash, archive and parse it whole, and it refuses anything it
 * was not asked for: other hosts, plain HTTP, endless redirects, oversized bodies and slow servers.
 */

export const MOF_HOST = 'www.mof.go.jp';

/** What the last successful fetch of a URL said about its version; stored with the list state. */
export const Validators = z.object({
  etag: z.string().min(1).nullish(),
  lastModified: z.string().min(1).nullish(),
});
export type Validators = z.infer<typeof Validators>;

export const FetchResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not-modified'), url: z.instanceof(URL) }),
  z.object({
    status: z.literal('ok'),
    bytes: z.instanceof(Uint8Array),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    etag: z.string().nullable(),
    lastModified: z.string().nullable(),
    contentType: z.string().nullable(),
    /** Where the bytes came from, after redirects. */
    url: z.instanceof(URL),
  }),
]);
export type FetchResult = z.infer<typeof FetchResult>;

/** The limits of a fetch; plain data, so that they can come from configuration. */
export const FetchPolicy = z.object({
  allowedHosts: z.array(z.string().min(1)).min(1).default([MOF_HOST]),
  /** Plain HTTP to 127.0.0.1, ::1 and localhost, for tests and local runs; never anywhere else. */
  allowLoopbackHttp: z.boolean().default(false),
  /** Per attempt, from sending the request to the last byte of the body, redirects included. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** The CSV is about 3.3 MB; the cap is there to stop a runaway response, not to fit the file tightly. */
  maxBytes: z.number().int().positive().default(32 * 1024 * 1024),
  /** Further attempts after the first, for network errors, timeouts, 5xx and 429 only. */
  retries: z.number().int().min(0).max(10).default(3),
  backoffBaseMs: z.number().nonnegative().default(1_000),
  backoffMaxMs: z.number().nonnegative().default(16_000),
  /** A 429 or 503 with `Retry-After` is waited out up to this long; a longer ask ends the retries. */
  retryAfterMaxMs: z.number().nonnegative().default(60_000),
  userAgent: z.string().min(1).default('jp-sanctions-monitor/0.1'),
  validators: Validators.optional(),
});
export type FetchPolicy = z.infer<typeof FetchPolicy>;

export type FetchOptions = Omit<z.input<typeof FetchPolicy>, 'allowedHosts'> & {
  allowedHosts?: readonly string[];
  /** Injected so that tests can record the backoff instead of waiting it out. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); the jitter source. */
  random?: () => number;
  /**
   * Epoch ms by which the fetch must be over, retries and waits included (the check's time budget): each attempt
   * is cut to what is left, and no retry starts that could not finish.
   */
  deadline?: number;
  /** The clock for the deadline; injected by tests. */
  now?: () => number;
};

export type FetchFailure =
  | 'scheme-not-allowed'
  | 'host-not-allowed'
  | 'timeout'
  | 'network'
  | 'http-status'
  | 'size-cap'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'invalid-options'
  | 'time-budget';

export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: FetchFailure,
    detail: string,
    /** 0 when the request was refused before any connection. */
    readonly attempts: number,
    readonly httpStatus: number | null = null,
  ) {
    super(`GET ${url}: ${detail}${attempts > 1 ? ` (${attempts} attempts)` : ''}`);
    this.name = 'FetchError';
  }
}

const MAX_REDIRECTS = 3;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export async function fetchFile(url: URL, options: FetchOptions = {}): Promise<FetchResult> {
  const { sleep = (ms: number) => sleepFor(ms).then(() => undefined), random = Math.random, deadline, now = Date.now, ...limits } = options;
  const parsed = FetchPolicy.safeParse(limits);
  if (!parsed.success) throw new FetchError(url.href, 'invalid-options', `invalid options: ${z.prettifyError(parsed.error)}`, 0);
  const policy = parsed.data;
  const refusal = refuseTarget(url, policy);
  if (refusal) throw new FetchError(url.href, refusal.reason, refusal.detail, 0);

  for (let attempt = 1; ; attempt++) {
    const left = deadline === undefined ? Infinity : deadline - now();
    if (left <= 0) throw new FetchError(url.href, 'time-budget', 'the check\'s time budget ran out before this request', attempt - 1);
    try {
      return await attemptOnce(url, { ...policy, timeoutMs: Math.max(1, Math.min(policy.timeoutMs, Math.floor(left))) });
    } catch (error) {
      const failure = error instanceof AttemptFailure ? error : networkFailure(error);
      if (!failure.retryable || attempt > policy.retries) {
        throw new FetchError(url.href, failure.reason, failure.detail, attempt, failure.httpStatus);
      }
      const asked = failure.retryAfterMs;
      if (asked !== null && asked > policy.retryAfterMaxMs) {
        throw new FetchError(url.href, failure.reason, `${failure.detail}; Retry-After asks for ${asked} ms, more than the ${policy.retryAfterMaxMs} ms allowed`, attempt, failure.httpStatus);
      }
      const wait = Math.max(backoffMs(attempt, policy, random), asked ?? 0);
      if (deadline !== undefined && now() + wait >= deadline) {
        throw new FetchError(url.href, 'time-budget', `${failure.detail}; no time left in the check's budget for another attempt`, attempt, failure.httpStatus);
      }
      await sleep(wait);
    }
  }
}

/** `Retry-After: 120` or an HTTP date; null when absent or unreadable. */
function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** `list.html?_=2026-08-28`: a new URL per day, so that no cache between us and MOF serves yesterday's page. */
export function cacheBust(url: URL, date: Date | string): URL {
  const day = typeof date === 'string' ? IsoDate.parse(date) : jstDate(date);
  const busted = new URL(url);
  busted.searchParams.set('_', day);
  return busted;
}

/** MOF dates its files in Japan time, so a run just after midnight JST belongs to the new day. */
function jstDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('cacheBust: invalid date');
  return new Date(instant.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** One attempt's failure; whether another attempt could help is decided where it is raised. */
class AttemptFailure extends Error {
  constructor(
    readonly reason: FetchFailure,
    readonly detail: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null,
    /** What the server's Retry-After asked for (429, 503). */
    readonly retryAfterMs: number | null = null,
  ) {
    super(detail);
  }
}

function networkFailure(error: unknown): AttemptFailure {
  return new AttemptFailure('network', `network error (${describe(error)})`, true);
}

/**
 * undici reports `fetch failed` and keeps the useful part (ECONNREFUSED, ECONNRESET, …) in `cause`. Read by
 * shape, not `instanceof`: undici's errors come from another realm under jest's VM context.
 */
function describe(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (typeof message !== 'string') return String(error);
  const detail = cause?.code ?? cause?.message;
  return typeof detail === 'string' ? `${message}: ${detail}` : message;
}

async function attemptOnce(url: URL, policy: FetchPolicy): Promise<FetchResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, policy.timeoutMs);
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, {
        method: 'GET',
        headers: requestHeaders(policy),
        // Followed by hand, so that every hop is checked against the allowed hosts and schemes.
        redirect: 'manual',
        signal: controller.signal,
      });
      if (!isRedirect(response.status)) return await readResponse(response, current, policy, controller);
      discard(response);
      current = redirectTarget(response, current, redirects, policy);
    }
  } catch (error) {
    if (timedOut) throw new AttemptFailure('timeout', `timeout after ${policy.timeoutMs} ms`, true);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function requestHeaders(policy: FetchPolicy): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': policy.userAgent, accept: '*/*' };
  if (policy.validators?.etag) headers['if-none-match'] = policy.validators.etag;
  if (policy.validators?.lastModified) headers['if-modified-since'] = policy.validators.lastModified;
  return headers;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function redirectTarget(response: Response, from: URL, redirectsSoFar: number, policy: FetchPolicy): URL {
  if (redirectsSoFar >= MAX_REDIRECTS) {
    throw new AttemptFailure('too-many-redirects', `more than ${MAX_REDIRECTS} redirects (last at ${from.href})`, false);
  }
  const location = response.headers.get('location');
  if (!location) throw new AttemptFailure('bad-redirect', `HTTP ${response.status} from ${from.href} without a Location`, false);
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new AttemptFailure('bad-redirect', `HTTP ${response.status} from ${from.href} to an invalid Location '${location}'`, false);
  }
  const refusal = refuseTarget(target, policy);
  if (refusal) throw new AttemptFailure(refusal.reason, `redirect to ${target.href} refused: ${refusal.detail}`, false);
  return target;
}

async function readResponse(response: Response, url: URL, policy: FetchPolicy, controller: AbortController): Promise<FetchResult> {
  if (response.status === 304 && (policy.validators?.etag || policy.validators?.lastModified)) {
    discard(response);
    return { status: 'not-modified', url };
  }
  if (response.status !== 200) {
    discard(response);
    const retryable = response.status >= 500 || response.status === 429;
    const text = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const asked = response.status === 429 || response.status === 503 ? retryAfterMs(response.headers.get('retry-after'), Date.now()) : null;
    throw new AttemptFailure('http-status', text, retryable, response.status, asked);
  }

  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > policy.maxBytes) {
    controller.abort();
    throw new AttemptFailure('size-cap', `size cap ${policy.maxBytes} bytes exceeded (Content-Length ${declared})`, false);
  }

  const { bytes, sha256 } = await readCapped(response, policy.maxBytes, controller);
  return {
    status: 'ok',
    bytes,
    sha256,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    contentType: response.headers.get('content-type'),
    url,
  };
}

/** Counts while streaming, because Content-Length may be missing, wrong, or describe a compressed body. */
async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<{ bytes: Uint8Array<ArrayBuffer>; sha256: string }> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        throw new AttemptFailure('size-cap', `size cap ${maxBytes} bytes exceeded while reading`, false);
      }
      hash.update(value);
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** An unread body holds its connection open; let it go. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function refuseTarget(url: URL, policy: FetchPolicy): { reason: FetchFailure; detail: string } | null {
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const httpAllowed = policy.allowLoopbackHttp && LOOPBACK_HOSTS.has(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
    const why = url.protocol === 'http:' && policy.allowLoopbackHttp ? 'plain HTTP only to loopback hosts' : 'HTTPS only';
    return { reason: 'scheme-not-allowed', detail: `scheme ${url.protocol} not allowed (${why})` };
  }
  if (!policy.allowedHosts.some((allowed) => allowed.toLowerCase().replace(/^\[(.*)\]$/, '$1') === host)) {
    return { reason: 'host-not-allowed', detail: `host ${host} not allowed (allowed: ${policy.allowedHosts.join(', ')})` };
  }
  return null;
}

