import { parseSigningSecrets, signatureHeader, SigningSecretError } from '../../../shared/webhooks/signature';
import { verifyWebhook, WebhookVerificationError, type VerificationFailure } from '../../../shared/webhooks/verify';
import { newSecret } from '../../support/webhooks';

// The Standard Webhooks reference vector: what every library of the scheme computes and accepts.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const atVector = { now: () => VECTOR.timestamp * 1000 };

const BODY = JSON.stringify({ schemaVersion: 1, id: 'chg_0123456789abcdef0123456789abcdef', type: 'designated', key: '029-000729' });
const ID = 'chg_0123456789abcdef0123456789abcdef';
const NOW = Date.parse('2026-08-28T03:05:00Z');
const SECONDS = NOW / 1000;

function signed(secrets: string[], { body = BODY, timestamp = SECONDS } = {}) {
  const keys = secrets.flatMap(parseSigningSecrets);
  return {
    body,
    headers: { 'webhook-id': ID, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatureHeader(keys, ID, timestamp, BODY) },
  };
}

function failure(run: () => unknown): VerificationFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  throw new Error('verified');
}

describe('signing', () => {
  it('reproduces the Standard Webhooks reference signature', () => {
    expect(signatureHeader(parseSigningSecrets(VECTOR.secret), VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('signs with every secret of a rotation, one v1 signature each, in order', () => {
    const [next, old] = [newSecret(), newSecret()];
    const both = signatureHeader(parseSigningSecrets(`${next}\n${old}`), ID, SECONDS, BODY).split(' ');
    expect(both).toEqual([signatureHeader(parseSigningSecrets(next), ID, SECONDS, BODY), signatureHeader(parseSigningSecrets(old), ID, SECONDS, BODY)]);
    for (const signature of both) expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });
});

describe('signing secrets', () => {
  it('reads one or more whsec_ secrets separated by any whitespace', () => {
    const [a, b] = [newSecret(), newSecret()];
    expect(parseSigningSecrets(`  ${a}\n\t${b} `).map((k) => k.length)).toEqual([32, 32]);
    expect(parseSigningSecrets(VECTOR.secret)[0]).toHaveLength(24);
  });

  it.each([
    ['', /no signing secret/],
    ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', /#1 does not start with whsec_/],
    [`${VECTOR.secret} whsec_not*base64!`, /#2 is not base64/],
    ['whsec_c2hvcnQ=', /#1 decodes to 5 bytes/],
  ])('refuses %j without quoting it', (value, message) => {
    const error = (() => {
      try {
        parseSigningSecrets(value);
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(SigningSecretError);
    expect(error.message).toMatch(message);
    for (const part of value.split(/\s+/).filter((p) => p.length > 6)) expect(error.message).not.toContain(part.slice(6));
  });
});

describe('verifyWebhook', () => {
  it('accepts the reference vector, with a fetch Headers object too', () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    expect(verifyWebhook(VECTOR.body, headers, VECTOR.secret, atVector)).toEqual({ id: VECTOR.id, timestamp: VECTOR.timestamp });
    expect(verifyWebhook(Buffer.from(VECTOR.body), new Headers(headers), VECTOR.secret, atVector).id).toBe(VECTOR.id);
  });

  it('rejects a tampered body', () => {
    const secret = newSecret();
    const { headers } = signed([secret]);
    const tampered = BODY.replace('designated', 'delisted');
    expect(failure(() => verifyWebhook(tampered, headers, secret, { now: () => NOW }))).toBe('no-matching-signature');
  });

  it('rejects a signature replayed under another id or timestamp', () => {
    const secret = newSecret();
    const { headers } = signed([secret]);
    expect(failure(() => verifyWebhook(BODY, { ...headers, 'webhook-id': 'chg_ffffffffffffffffffffffffffffffff' }, secret, { now: () => NOW }))).toBe('no-matching-signature');
    expect(failure(() => verifyWebhook(BODY, { ...headers, 'webhook-timestamp': String(SECONDS + 1) }, secret, { now: () => NOW }))).toBe('no-matching-signature');
  });

  it('rejects a timestamp more than 5 minutes old or ahead, and honours another tolerance', () => {
    const secret = newSecret();
    const old = signed([secret], { timestamp: SECONDS - 301 });
    const ahead = signed([secret], { timestamp: SECONDS + 301 });
    expect(failure(() => verifyWebhook(BODY, old.headers, secret, { now: () => NOW }))).toBe('timestamp-too-old');
    expect(failure(() => verifyWebhook(BODY, ahead.headers, secret, { now: () => NOW }))).toBe('timestamp-too-new');
    expect(verifyWebhook(BODY, signed([secret], { timestamp: SECONDS - 300 }).headers, secret, { now: () => NOW }).id).toBe(ID);
    expect(verifyWebhook(BODY, old.headers, secret, { now: () => NOW, toleranceSeconds: 600 }).id).toBe(ID);
  });

  it('rejects a signature made with another secret', () => {
    const { headers } = signed([newSecret()]);
    expect(failure(() => verifyWebhook(BODY, headers, newSecret(), { now: () => NOW }))).toBe('no-matching-signature');
  });

  it('during a rotation, a receiver that knows either secret verifies', () => {
    const [next, old] = [newSecret(), newSecret()];
    const { headers } = signed([next, old]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(BODY, headers, old, { now: () => NOW }).id).toBe(ID);
    expect(verifyWebhook(BODY, headers, next, { now: () => NOW }).id).toBe(ID);
    expect(verifyWebhook(BODY, headers, [newSecret(), next], { now: () => NOW }).id).toBe(ID);
    expect(failure(() => verifyWebhook(BODY, headers, newSecret(), { now: () => NOW }))).toBe('no-matching-signature');
  });

  it('ignores signatures of other versions and malformed entries', () => {
    const secret = newSecret();
    const { headers } = signed([secret]);
    const v1 = headers['webhook-signature'].slice(3);
    expect(failure(() => verifyWebhook(BODY, { ...headers, 'webhook-signature': `v2,${v1} v1 ,${v1} v1,` }, secret, { now: () => NOW }))).toBe('no-matching-signature');
    expect(verifyWebhook(BODY, { ...headers, 'webhook-signature': `v2,${v1} v1,short v1,${v1}` }, secret, { now: () => NOW }).id).toBe(ID);
  });

  it('requires all three headers and a numeric timestamp', () => {
    const secret = newSecret();
    const { headers } = signed([secret]);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _dropped, ...rest } = headers;
      expect(failure(() => verifyWebhook(BODY, rest, secret, { now: () => NOW }))).toBe('missing-header');
    }
    expect(failure(() => verifyWebhook(BODY, { ...headers, 'webhook-timestamp': '2026-08-28T03:05:00Z' }, secret, { now: () => NOW }))).toBe('bad-timestamp');
  });
});
