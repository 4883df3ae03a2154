import { createHmac } from 'node:crypto';

/**
 * The Standard Webhooks signing scheme (https://www.standardwebhooks.com): HMAC-SHA256 over `id.timestamp.body`
 * keyed with the decoded bytes of a `whsec_<base64>` secret, sent as `v1,<base64>`. This file and verify.ts need
 * nothing but node:crypto, so a receiver can copy both into its own code.
 */

const PREFIX = 'whsec_';
/** The spec's bounds: a shorter key is guessable, a longer one adds nothing to HMAC-SHA256. */
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

export class SigningSecretError extends Error {
  override readonly name = 'SigningSecretError';
}

/**
 * A secret value holds one or more secrets separated by whitespace. The sender signs with every one, so that
 * during a rotation (`whsec_new whsec_old`) a receiver that knows either one verifies. Errors say which secret is
 * wrong by position and never quote it.
 */
export function parseSigningSecrets(value: string): Buffer[] {
  const secrets = value.split(/\s+/).filter(Boolean);
  if (secrets.length === 0) throw new SigningSecretError('no signing secret: expected one or more whsec_<base64> secrets separated by spaces');
  return secrets.map((secret, i) => decodeSecret(secret, i + 1));
}

function decodeSecret(secret: string, position: number): Buffer {
  const which = `signing secret #${position}`;
  if (!secret.startsWith(PREFIX)) throw new SigningSecretError(`${which} does not start with ${PREFIX}`);
  const encoded = secret.slice(PREFIX.length);
  const key = Buffer.from(encoded, 'base64');
  // Node's decoder skips characters outside the alphabet; a round trip is the only strict check it offers.
  if (key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) throw new SigningSecretError(`${which} is not base64 after ${PREFIX}`);
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new SigningSecretError(`${which} decodes to ${key.length} bytes; Standard Webhooks keys are ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES}`);
  }
  return key;
}

/** The base64 HMAC of one key. `timestamp` as sent in the header: a receiver must sign the text it received. */
export function signatureOf(key: Uint8Array, id: string, timestamp: number | string, body: string | Uint8Array): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

/** The `webhook-signature` header: one `v1,` signature per key, space-separated. */
export function signatureHeader(keys: readonly Uint8Array[], id: string, timestamp: number, body: string): string {
  return keys.map((key) => `v1,${signatureOf(key, id, timestamp, body)}`).join(' ');
}
