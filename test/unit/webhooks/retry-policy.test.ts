import { classify } from '../../../shared/webhooks/deliver-endpoint';
import { backoffMs } from '../../../shared/http/backoff';
import { receiveDelaySeconds, RetryPolicy } from '../../../shared/webhooks/retry-policy';

const policy = RetryPolicy.parse({});

describe('retries within a receive', () => {
  it('back off exponentially, with at least half of each step kept, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0))).toEqual([250, 500, 1000, 2000, 2000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0.999999))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});

describe('retries across receives', () => {
  it('wait a minute, ten minutes, an hour, six hours: about seven hours before the last receive', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => receiveDelaySeconds(n, policy))).toEqual([60, 600, 3600, 21600, 21600, 21600]);
    expect(policy.receiveDelaysSeconds.slice(0, policy.maxReceives - 1).reduce((a, b) => a + b)).toBe(7 * 3600 + 11 * 60);
  });
});

describe('what an answer means', () => {
  it.each([
    [200, 'delivered'],
    [202, 'delivered'],
    [204, 'delivered'],
    [429, 'retryable'],
    [500, 'retryable'],
    [503, 'retryable'],
    [400, 'rejected'],
    [401, 'rejected'],
    [404, 'rejected'],
    [408, 'rejected'],
    [410, 'rejected'],
    [301, 'rejected'],
    [307, 'rejected'],
  ])('HTTP %i is %s', (status, outcome) => {
    expect(classify({ kind: 'answered', status, latencyMs: 3 })).toMatchObject({ outcome, httpStatus: status });
  });

  it('says a redirect is not followed', () => {
    expect(classify({ kind: 'answered', status: 302, latencyMs: 3 }).detail).toMatch(/redirects are not followed/);
  });

  it('retries network failures and gives up on refused URLs', () => {
    expect(classify({ kind: 'failed', detail: 'ECONNRESET', latencyMs: 3 })).toEqual({ outcome: 'retryable', httpStatus: null, detail: 'ECONNRESET' });
    expect(classify({ kind: 'refused', detail: '10.0.0.1: private', latencyMs: 0 })).toEqual({ outcome: 'rejected', httpStatus: null, detail: '10.0.0.1: private' });
  });
});
