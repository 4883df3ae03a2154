import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Checks an AWS Signature Version 4 on a request to the embedded store, the way DynamoDB does: the signature is
 * recomputed with the one secret the store was started with, over the method, path, query, signed headers and
 * body. Returns why the request is refused, or null when it is signed with that secret.
 */
export interface SignedRequest {
  method: string;
  /** Path and query as received, e.g. `/` */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** DynamoDB refuses a request signed more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

export function signatureProblem(request: SignedRequest, credentials: { accessKeyId: string; secretAccessKey: string }, now = Date.now()): string | null {
  const authorization = header(request.headers, 'authorization');
  const match = authorization === undefined ? null : AUTHORIZATION.exec(authorization);
  if (!match) return 'the request is not signed (AWS Signature Version 4)';
  const [, accessKeyId, day, region, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string, string];
  if (!safeEqual(accessKeyId, credentials.accessKeyId)) return 'the access key is not this store\'s';
  const amzDate = header(request.headers, 'x-amz-date');
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(day)) return 'the request has no valid x-amz-date';
  const signedAt = Date.parse(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  if (!(Math.abs(now - signedAt) <= MAX_SKEW_MS)) return 'the signature is too old or too new';
  const names = signedHeaders.split(';');
  if (!names.includes('host')) return 'the signature does not cover the host header';

  const [path = '/', query = ''] = request.url.split('?', 2);
  const canonicalHeaders = names.map((name) => `${name}:${(header(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payloadHash = header(request.headers, 'x-amz-content-sha256') ?? sha256(request.body);
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(request.body)) return 'the body is not the one signed';
  const canonicalRequest = [request.method, path, canonicalQuery(query), canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = [day, region, service, 'aws4_request'].reduce<Buffer>((k, part) => hmac(k, part), Buffer.from(`AWS4${credentials.secretAccessKey}`, 'utf8'));
  const expected = hmac(key, stringToSign).toString('hex');
  return safeEqual(signature, expected) ? null : 'the signature does not match';
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function canonicalQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .map((pair) => pair.split('=', 2).map((part) => encodeURIComponent(decodeURIComponent(part ?? ''))) as [string, string?])
    .sort(([a, x = ''], [b, y = '']) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value = '']) => `${name}=${value}`)
    .join('&');
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
