import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { SecretsManagerSigningKeys } from '../../../shared/aws/webhook-secrets';
import { parseSigningSecrets } from '../../../shared/webhooks/signature';
import { newSecret } from '../../support/webhooks';

const secretsManager = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({ region: 'ap-northeast-1' });
const [KYC, SCREENING, OLD] = [newSecret(), newSecret(), newSecret()];

let now = 0;
const keysOf = (value: string) => parseSigningSecrets(value);

beforeEach(() => {
  secretsManager.reset();
  now = 1_000_000;
  secretsManager.on(GetSecretValueCommand, { SecretId: 'monitor/webhooks/kyc' }).resolves({ SecretString: KYC });
  secretsManager.on(GetSecretValueCommand, { SecretId: 'monitor/webhooks/screening' }).resolves({ SecretString: `${SCREENING} ${OLD}` });
});

describe('signing keys from Secrets Manager', () => {
  it('asks once per secret, by name, and serves repeats and concurrent requests from the cache', async () => {
    const keys = new SecretsManagerSigningKeys({ client, now: () => now });
    const first = await Promise.all([keys.keysFor('monitor/webhooks/kyc'), keys.keysFor('monitor/webhooks/kyc'), keys.keysFor('monitor/webhooks/screening')]);
    now += 4 * 60 * 1000;
    const later = await keys.keysFor('monitor/webhooks/kyc');
    expect(first[0]).toEqual(keysOf(KYC));
    expect(first[2]).toEqual(keysOf(`${SCREENING} ${OLD}`));
    expect(later).toEqual(keysOf(KYC));
    expect(secretsManager).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
    expect(secretsManager.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([
      { SecretId: 'monitor/webhooks/kyc' },
      { SecretId: 'monitor/webhooks/screening' },
    ]);
  });

  it('asks again after five minutes, so a rotated secret is used within that time', async () => {
    const keys = new SecretsManagerSigningKeys({ client, now: () => now });
    await keys.keysFor('monitor/webhooks/kyc');
    now += 5 * 60 * 1000;
    secretsManager.on(GetSecretValueCommand, { SecretId: 'monitor/webhooks/kyc' }).resolves({ SecretString: `${SCREENING} ${KYC}` });
    expect(await keys.keysFor('monitor/webhooks/kyc')).toEqual(keysOf(`${SCREENING} ${KYC}`));
    expect(secretsManager).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
  });

  it('does not cache a failure', async () => {
    const keys = new SecretsManagerSigningKeys({ client, now: () => now });
    secretsManager.on(GetSecretValueCommand, { SecretId: 'monitor/webhooks/kyc' }).rejectsOnce(new Error('throttled')).resolves({ SecretString: KYC });
    await expect(keys.keysFor('monitor/webhooks/kyc')).rejects.toThrow('throttled');
    expect(await keys.keysFor('monitor/webhooks/kyc')).toEqual(keysOf(KYC));
    expect(secretsManager).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
  });

  it('names the secret, never its value, when it is not a whsec_ secret', async () => {
    const value = 'hunter2-is-not-a-webhook-secret';
    secretsManager.on(GetSecretValueCommand, { SecretId: 'monitor/webhooks/kyc' }).resolves({ SecretString: value });
    const failure = new SecretsManagerSigningKeys({ client }).keysFor('monitor/webhooks/kyc');
    await expect(failure).rejects.toThrow('secret monitor/webhooks/kyc: signing secret #1 does not start with whsec_');
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });

  it('refuses a binary secret', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: 'monitor/webhooks/kyc' }).resolves({ SecretBinary: new Uint8Array([1, 2, 3]) });
    await expect(new SecretsManagerSigningKeys({ client }).keysFor('monitor/webhooks/kyc')).rejects.toThrow(/has no string value/);
  });
});
