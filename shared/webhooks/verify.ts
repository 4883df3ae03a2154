import { timingSafeEqual } from 'node:crypto';
import { parseSigningSecrets, signatureOf } from './signature';

/**
 * For receivers: checks that a webhook came from this monitor, unaltered and recently. Pass the raw body exactly as
 * received (parsing and re-serializing JSON changes the bytes), the request headers and your secret(s).
 *
 * Any Standard Webhooks library verifies the same requests; this one also takes several secrets at once.
 */

/** How far `webhook-timestamp` may be from the receiver's clock, either way; a replay older than this is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type VerificationFailure = 'missing-header' | 'bad-timestamp' | 'timestamp-too-old' | 'timestamp-too-new' | 'no-matching-signature';

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: VerificationFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A fetch `Headers`, or Node's `IncomingHttpHeaders` (lower-case names). */
export type WebhookHeaders = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  toleranceSeconds?: number;
  /** Milliseconds since the epoch; for tests. */
  now?: () => number;
}

export interface VerifiedWebhook {
  /** The change event's id: the same on every retry, so a receiver deduplicates on it. */
  id: string;
  timestamp: number;
}

/**
 * Throws WebhookVerificationError unless one of the `v1` signatures matches one of `secrets` (each a `whsec_…`
 * secret, or several separated by spaces) and the timestamp is within the tolerance.
 */
export function verifyWebhook(body: string | Uint8Array, headers: WebhookHeaders, secrets: string | readonly string[], options: VerifyOptions = {}): VerifiedWebhook {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing-header', 'webhook-id, webhook-timestamp and webhook-signature are required');
  if (!/^\d{1,15}$/.test(timestamp)) throw new WebhookVerificationError('bad-timestamp', 'webhook-timestamp is not Unix seconds');

  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? Date.now)() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (seconds < now - tolerance) throw new WebhookVerificationError('timestamp-too-old', `webhook-timestamp is more than ${tolerance} s old`);
  if (seconds > now + tolerance) throw new WebhookVerificationError('timestamp-too-new', `webhook-timestamp is more than ${tolerance} s ahead`);

  const offered = signatures
    .split(' ')
    .map((entry) => entry.split(','))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] === 'v1')
    .map(([, signature]) => Buffer.from(signature, 'base64'));
  const keys = (typeof secrets === 'string' ? [secrets] : secrets).flatMap(parseSigningSecrets);
  for (const key of keys) {
    const expected = Buffer.from(signatureOf(key, id, timestamp, body), 'base64');
    if (offered.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected))) return { id, timestamp: seconds };
  }
  throw new WebhookVerificationError('no-matching-signature', 'no webhook-signature matches a known secret');
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : value;
}
