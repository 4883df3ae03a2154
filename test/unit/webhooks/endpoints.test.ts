import { readDeliveryConfig } from '../../../functions/deliver-webhooks/config';
import { matchesFilter, redactedUrl, webhookEndpoint } from '../../../shared/webhooks/endpoints';
import { eventFor, may2024Events } from '../../support/webhooks';

const events = may2024Events();
const individual = eventFor(events, '029-000729');
const russianEntity = eventFor(events, '028-000258');
const cyprusEntity = eventFor(events, '034-000002');

describe('endpoint filters', () => {
  it('match every event when absent', () => {
    expect(events.every((e) => matchesFilter(undefined, e))).toBe(true);
  });

  it('narrow by each key present and match any value of a key, as an SNS filter policy', () => {
    expect(events.filter((e) => matchesFilter({ regimes: ['29'] }, e)).map((e) => e.key)).toEqual(['029-000729']);
    expect(events.filter((e) => matchesFilter({ regimes: ['28', '34'], entityTypes: ['entity'] }, e))).toHaveLength(11);
    expect(matchesFilter({ entityTypes: ['individual'] }, individual)).toBe(true);
    expect(matchesFilter({ entityTypes: ['individual'] }, russianEntity)).toBe(false);
    expect(matchesFilter({ changeTypes: ['delisted', 'amended'] }, cyprusEntity)).toBe(false);
    expect(matchesFilter({ changeTypes: ['designated'], regimes: ['34'], entityTypes: ['entity'] }, cyprusEntity)).toBe(true);
  });
});

describe('endpoints', () => {
  it('are identified by their URL, whatever their order in the config', () => {
    const a = webhookEndpoint({ url: 'https://screening.example.com/hook', secretName: 's' });
    expect(a.id).toMatch(/^ep_[0-9a-f]{16}$/);
    expect(webhookEndpoint({ url: 'https://screening.example.com/hook', secretName: 'other', filter: { regimes: ['29'] } }).id).toBe(a.id);
    expect(webhookEndpoint({ url: 'https://kyc.example.com/hook', secretName: 's' }).id).not.toBe(a.id);
  });

  it('are logged without credentials or query string', () => {
    expect(redactedUrl('https://user:pass@hooks.example.com:8443/in/jp?token=abc#x')).toBe('https://hooks.example.com:8443/in/jp');
  });
});

describe('the delivery function’s environment', () => {
  const env = {
    TABLE_NAME: 'monitor-table',
    // Where change events too big for SNS are stored; the deliverer fetches them from there.
    ARCHIVE_BUCKET: 'monitor-archive',
    QUEUE_URL: 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks',
    DEAD_LETTER_QUEUE_URL: 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks-dlq',
    WEBHOOK_ENDPOINTS: JSON.stringify([{ url: 'https://kyc.example.com/hook', secretName: 'monitor/webhooks/kyc', filter: { changeTypes: ['designated'], regimes: ['29'] } }]),
    MAX_RECEIVES: '5',
  };

  it('parses endpoints and defaults', () => {
    expect(readDeliveryConfig(env)).toEqual({
      ...env,
      WEBHOOK_ENDPOINTS: [{ url: 'https://kyc.example.com/hook', secretName: 'monitor/webhooks/kyc', filter: { changeTypes: ['designated'], regimes: ['29'] } }],
      MAX_RECEIVES: 5,
      ATTEMPT_TIMEOUT_MS: 10_000,
      ALLOW_LOOPBACK: false,
    });
  });

  it('stops on a bad value, naming it', () => {
    expect(() => readDeliveryConfig({ ...env, WEBHOOK_ENDPOINTS: '[{"url":"ftp://x.example/"}]' })).toThrow(/WEBHOOK_ENDPOINTS/);
    expect(() => readDeliveryConfig({ ...env, WEBHOOK_ENDPOINTS: 'not json' })).toThrow(/not JSON.*WEBHOOK_ENDPOINTS/);
    expect(() => readDeliveryConfig({ ...env, WEBHOOK_ENDPOINTS: JSON.stringify([{ url: 'https://x.example/', secretName: 's', filter: { regimes: ['029x'] } }]) })).toThrow(/regimes/);
    expect(() => readDeliveryConfig({ ...env, MAX_RECEIVES: '0' })).toThrow(/MAX_RECEIVES/);
  });
});
