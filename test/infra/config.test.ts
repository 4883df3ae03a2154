import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, configWarnings, parseMonitorConfig } from '../../infra/config';
import { DEFAULT_CONFIG_FILE, EXAMPLE_CONFIG_FILE, loadConfigFile } from '../../infra/config-file';
import { REPO_ROOT } from './synth';

function problems(raw: unknown): string {
  try {
    parseMonitorConfig(raw, 'monitor.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('deploy configuration schema', () => {
  it('defaults to every 30 minutes in Asia/Tokyo, nobody subscribed, the check’s own guards', () => {
    expect(parseMonitorConfig({}, 'x')).toEqual({
      schedule: { expression: 'cron(0,30 * * * ? *)', timeZone: 'Asia/Tokyo' },
      subscribers: { email: [], sms: [] },
      operators: { email: [], sms: [] },
      webhooks: [],
      api: { readerPrincipals: [], corsOrigins: [], throttle: { rateLimit: 10, burstLimit: 20 } },
      guards: {},
      alarms: { staleAfterHours: 6 },
      retention: { logDays: 365 },
    });
  });

  it('accepts the committed example', () => {
    const example = JSON.parse(readFileSync(path.join(REPO_ROOT, EXAMPLE_CONFIG_FILE), 'utf8')) as unknown;
    const config = parseMonitorConfig(example, EXAMPLE_CONFIG_FILE);
    expect(config.subscribers.email.length).toBeGreaterThan(0);
    expect(config.webhooks.length).toBeGreaterThan(0);
  });

  it('writes regimes as the check does: numbers as unpadded strings', () => {
    const config = parseMonitorConfig({ subscribers: { email: [{ address: 'a@example.com', filter: { regimes: [29, '030'] } }] } }, 'x');
    expect(config.subscribers.email[0]?.filter?.regimes).toEqual(['29', '30']);
  });

  it('names the file, then every problem as path: problem', () => {
    const message = problems({
      subscribers: { email: [{ address: 'not-an-address' }], sms: [{ phoneNumber: '090-1234-5678' }] },
      schedule: { timeZone: 'Asia/Osaka' },
      retention: { logDays: 100 },
    });
    expect(message.split('\n')).toEqual([
      'monitor.config.json is not a valid deploy configuration:',
      '  - schedule.timeZone: must be an IANA time zone such as Asia/Tokyo',
      '  - subscribers.email[0].address: Invalid email address',
      '  - subscribers.sms[0].phoneNumber: Invalid E.164 number',
      expect.stringMatching(/^ {2}- retention\.logDays: must be one of 1, 3, 5, .*, 3653, 9999$/),
    ]);
  });

  it('refuses misspelt keys instead of ignoring them', () => {
    expect(problems({ subscriber: {} })).toContain('(top level): Unrecognized key: "subscriber"');
    expect(problems({ subscribers: { email: [{ address: 'a@example.com', filter: { changeType: ['designated'] } }] } })).toContain(
      'subscribers.email[0].filter: Unrecognized key: "changeType"',
    );
  });

  it('refuses unknown change and entity types', () => {
    const message = problems({ subscribers: { sms: [{ phoneNumber: '+819012345678', filter: { changeTypes: ['added'], entityTypes: ['vessel'] } }] } });
    expect(message).toContain('subscribers.sms[0].filter.changeTypes[0]: Invalid option');
    expect(message).toContain('subscribers.sms[0].filter.entityTypes[0]: Invalid option');
  });

  it('refuses a filter SNS would refuse (over 150 value combinations)', () => {
    const regimes = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(problems({ subscribers: { email: [{ address: 'a@example.com', filter: { regimes, changeTypes: ['designated', 'amended', 'delisted', 'relisted'] } }] } })).toContain(
      'subscribers.email[0].filter: SNS allows at most 150 combinations',
    );
  });

  it('refuses schedule expressions Scheduler would refuse', () => {
    expect(problems({ schedule: { expression: 'every 30 minutes' } })).toContain('schedule.expression: must be an EventBridge Scheduler expression');
    expect(problems({ schedule: { expression: 'cron(0 * * * *)' } })).toContain('schedule.expression: must be an EventBridge Scheduler expression');
  });

  it('refuses a rate slower than the staleness alarm allows', () => {
    expect(problems({ schedule: { expression: 'rate(12 hours)' } })).toContain(
      'schedule.expression: runs every 12 h, less often than alarms.staleAfterHours (6)',
    );
    expect(parseMonitorConfig({ schedule: { expression: 'rate(12 hours)' }, alarms: { staleAfterHours: 13 } }, 'x').schedule.expression).toBe('rate(12 hours)');
  });

  it('keeps staleness within what CloudWatch can evaluate', () => {
    expect(problems({ alarms: { staleAfterHours: 25 } })).toContain('alarms.staleAfterHours: Too big');
  });

  it('refuses plain-HTTP webhooks and malformed secret names', () => {
    const message = problems({ webhooks: [{ url: 'http://hooks.example.com/x', secretName: 'my secret' }] });
    expect(message).toContain('webhooks[0].url: must be an https:// URL');
    expect(message).toContain('webhooks[0].secretName: must be a Secrets Manager secret name');
  });

  it('refuses guard shares outside 0..1', () => {
    expect(problems({ guards: { maxDelistShare: 5 } })).toContain('guards.maxDelistShare: Too big');
  });

  it('warns when alarms or changes would reach no one', () => {
    expect(configWarnings(parseMonitorConfig({}, 'x'))).toEqual([
      expect.stringContaining('operators has no email or SMS subscriber'),
      expect.stringContaining('subscribers and webhooks are empty'),
    ]);
    expect(configWarnings(parseMonitorConfig({ operators: { sms: ['+819012345678'] }, subscribers: { email: [{ address: 'a@example.com' }] } }, 'x'))).toEqual([]);
  });

  it('takes screening as a key, an optional threshold and recipients; absent, screening is off', () => {
    expect(parseMonitorConfig({}, 'x').screening).toBeUndefined();
    expect(parseMonitorConfig({ screening: { customersKey: 'screening/customers.csv' } }, 'x').screening).toEqual({
      customersKey: 'screening/customers.csv',
      recipients: { email: [], sms: [] },
    });
    const full = { customersKey: 'kyc/customers.csv', threshold: 0.9, recipients: { email: ['mlro@example.com'], sms: ['+819012345678'] } };
    expect(parseMonitorConfig({ screening: full }, 'x').screening).toEqual(full);
  });

  const refusedKeys: Array<[string, string]> = [
    ['', 'must not be empty'],
    ['/screening/customers.csv', 'must not start with "/"'],
    [`screening/${'a'.repeat(1015)}`, 'must be at most 1024 bytes'],
    ['raw/customers.csv', 'must not be under raw/: the check writes raw files there'],
    ['raw/overflow/customers.csv', 'must not be under raw/'],
    ['screening/*.csv', 'IAM reads * and ? as wildcards'],
    ['screening/customers?.csv', 'IAM reads * and ? as wildcards'],
    ['screening/${aws:username}.csv', '${...} as a variable'],
    ['screening/customers list.csv', 'may hold only letters, digits'],
    ['screening/お客様.csv', 'may hold only letters, digits'],
    ['screening/', 'must name a file, not a folder'],
    ['screening//customers.csv', 'must not have empty, "." or ".." folders'],
    ['./raw/customers.csv', 'must not have empty, "." or ".." folders'],
    ['screening/../raw/customers.csv', 'must not have empty, "." or ".." folders'],
  ];
  it.each(refusedKeys.map(([key, problem]) => ({ key, problem, shown: JSON.stringify(key.length > 40 ? `${key.slice(0, 12)}…(${key.length} bytes)` : key) })))(
    'refuses the customer file key $shown: $problem',
    ({ key: customersKey, problem }) => {
      // One problem per key, the first that applies.
      const lines = problems({ screening: { customersKey } }).split('\n').filter((line) => line.includes('screening.customersKey: '));
      expect(lines).toEqual([expect.stringContaining(problem)]);
    },
  );

  it('takes a customer file key of exactly 1024 bytes, and raw without a slash is not the raw folder', () => {
    const longest = `screening/${'a'.repeat(1014)}`;
    expect(Buffer.byteLength(longest)).toBe(1024);
    expect(parseMonitorConfig({ screening: { customersKey: longest } }, 'x').screening?.customersKey).toBe(longest);
    expect(parseMonitorConfig({ screening: { customersKey: 'raw-customers.csv' } }, 'x').screening?.customersKey).toBe('raw-customers.csv');
    expect(parseMonitorConfig({ screening: { customersKey: 'RAW/customers.csv' } }, 'x').screening?.customersKey).toBe('RAW/customers.csv');
  });

  it('refuses a screening threshold outside 0..1, bad recipients, unknown keys, a missing key', () => {
    const message = problems({
      screening: { customersKey: 'kyc/customers.csv', threshold: 1.2, recipients: { email: ['mlro'], sms: ['090-1234-5678'], slack: [] }, filter: {} },
    });
    expect(message).toContain('screening.threshold: Too big');
    expect(message).toContain('screening.recipients.email[0]: Invalid email address');
    expect(message).toContain('screening.recipients.sms[0]: Invalid E.164 number');
    expect(message).toContain('screening.recipients: Unrecognized key: "slack"');
    expect(message).toContain('screening: Unrecognized key: "filter"');
    expect(problems({ screening: { recipients: { email: ['mlro@example.com'] } } })).toContain('screening.customersKey: Invalid input');
    expect(problems({ screening: { customersKey: 'kyc/customers.csv', threshold: -0.1 } })).toContain('screening.threshold: Too small');
  });

  it('warns when screening is on and its matches would reach no one', () => {
    const quiet = { operators: { sms: ['+819012345678'] }, subscribers: { email: [{ address: 'a@example.com' }] } };
    expect(configWarnings(parseMonitorConfig({ ...quiet, screening: { customersKey: 'kyc/customers.csv' } }, 'x'))).toEqual([
      expect.stringMatching(/^screening\.recipients has no email or SMS recipient: potential matches will be recorded .* compliance topic/),
    ]);
    expect(configWarnings(parseMonitorConfig({ ...quiet, screening: { customersKey: 'k.csv', recipients: { sms: ['+819012345678'] } } }, 'x'))).toEqual([]);
  });
});

describe('deploy configuration file', () => {
  const cwd = process.cwd();
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'monitor-config-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads monitor.config.json by default', () => {
    writeFileSync(DEFAULT_CONFIG_FILE, JSON.stringify({ alarms: { staleAfterHours: 3 } }));
    expect(loadConfigFile(undefined)).toEqual({ file: DEFAULT_CONFIG_FILE, config: expect.objectContaining({ alarms: { staleAfterHours: 3 } }) });
  });

  it('falls back to the example, with a warning, when monitor.config.json is absent', () => {
    writeFileSync(EXAMPLE_CONFIG_FILE, '{}');
    const loaded = loadConfigFile(undefined);
    expect(loaded.file).toBe(EXAMPLE_CONFIG_FILE);
    expect(loaded.fallbackWarning).toMatch(/monitor\.config\.json not found: using monitor\.config\.example\.json.*placeholders/);
  });

  it('never falls back from a file asked for by name', () => {
    writeFileSync(EXAMPLE_CONFIG_FILE, '{}');
    expect(() => loadConfigFile('prod.json')).toThrow(/cannot read the deploy configuration prod\.json: ENOENT/);
  });

  it('says which file is not JSON', () => {
    writeFileSync('prod.json', '{ "schedule": ');
    expect(() => loadConfigFile('prod.json')).toThrow(/^prod\.json is not valid JSON: /);
  });

  it('says which file is invalid', () => {
    writeFileSync('prod.json', JSON.stringify({ operators: { email: ['nobody'] } }));
    expect(() => loadConfigFile('prod.json')).toThrow('prod.json is not a valid deploy configuration:\n  - operators.email[0]: Invalid email address');
  });
});
