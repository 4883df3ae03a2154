import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishBatchCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { Context } from 'aws-lambda';
import { handler } from '../../functions/check/handler';
import { readCheckConfig } from '../../functions/check/config';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { CsvRecords, FIXTURES, MAY_2024_KEYS } from '../support/fixtures';
import { startMofServer, type MofServer } from '../support/mof-server';
import { lambdaEnvironment } from '../support/lambda-environment';

/**
 * The Lambda handler as deployed, wired from its environment: DynamoDB is dynalite over HTTP, MOF is a server on
 * 127.0.0.1 serving the real files, and SNS and S3 are asserted at the SDK command level.
 */
const sns = mockClient(SNSClient);
const s3 = mockClient(S3Client);
const context = { functionName: 'check', awsRequestId: 'req-1' } as Context;
let dir: string;
let dynamo: EmbeddedDynamoDb;
let mof: MofServer;
let stdout: jest.SpyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-handler-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  mof = await startMofServer();
  mof.files.set('shisantouketsu20260828.csv', CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
  Object.assign(process.env, {
    ...lambdaEnvironment(dynamo),
    CHANGE_TOPIC_ARN: 'arn:aws:sns:ap-northeast-1:111122223333:changes',
    OPERATOR_TOPIC_ARN: 'arn:aws:sns:ap-northeast-1:111122223333:operator',
    ARCHIVE_BUCKET: 'raw-archive-bucket',
    INDEX_URL: mof.indexUrl,
    ALLOWED_HOSTS: '127.0.0.1',
    ALLOW_LOOPBACK_HTTP: 'true',
  });
  sns.on(PublishCommand).resolves({ MessageId: 'm' });
  sns.on(PublishBatchCommand).callsFake((input: { PublishBatchRequestEntries: Array<{ Id: string }> }) => ({
    Successful: input.PublishBatchRequestEntries.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}` })),
    Failed: [],
  }));
  s3.on(PutObjectCommand).resolves({});
});
beforeEach(() => {
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => stdout.mockRestore());
afterAll(async () => {
  await mof.close();
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Powertools writes logs and EMF metrics as JSON lines on stdout. */
function emitted(): Array<Record<string, unknown>> {
  return stdout.mock.calls.flatMap(([chunk]) => String(chunk).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)));
}

describe('the scheduled check Lambda', () => {
  it('baselines on its first run: archives the file, one digest, metrics and a log line', async () => {
    const report = await handler({}, context);
    expect(report.outcome).toBe('baseline');
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: 'raw-archive-bucket',
      Key: `raw/${report.source!.sha256}/shisantouketsu20260828.csv`,
      ChecksumSHA256: Buffer.from(report.source!.sha256, 'hex').toString('base64'),
    });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, { TopicArn: 'arn:aws:sns:ap-northeast-1:111122223333:changes', MessageStructure: 'json' });
    expect(sns).not.toHaveReceivedCommand(PublishBatchCommand);
    const lines = emitted();
    expect(lines).toContainEqual(expect.objectContaining({ message: 'check finished', outcome: 'baseline', function_request_id: 'req-1' }));
    expect(lines).toContainEqual(expect.objectContaining({ ChecksSucceeded: 1 }));
    expect(mof.requests.some((p) => p.endsWith('.xlsx'))).toBe(true);
  });

  it('reports the designations of a new edition with regime titles and one event each', async () => {
    sns.resetHistory();
    mof.files.set('shisantouketsu20260828.csv', CsvRecords.excerpt().toBytes());
    const report = await handler({}, context);
    expect(report.outcome).toBe('changed');
    expect(report.summary).toEqual({ designated: 12, delisted: 0, amended: 0, relisted: 0 });
    expect(report.changes[0]!.regime.title).toBe('資産凍結等の措置の対象となるロシア連邦の団体及び個人（団体（特定銀行を除く））');
    const events = sns.commandCalls(PublishBatchCommand).flatMap((c) => c.args[0].input.PublishBatchRequestEntries ?? []);
    expect(events.map((e) => JSON.parse(e.Message!).key).sort()).toEqual(MAY_2024_KEYS);
    expect(emitted()).toContainEqual(expect.objectContaining({ Designated: 12 }));
  });

  it('costs a heartbeat and nothing else when the list has not changed', async () => {
    sns.resetHistory();
    s3.resetHistory();
    const report = await handler({}, context);
    expect(report.outcome).toBe('unchanged');
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
    expect(s3).not.toHaveReceivedCommand(PutObjectCommand);
  });

  it('throws after alerting the operator when the source fails, so Lambda retries and alarms see it', async () => {
    sns.resetHistory();
    mof.files.delete('list.html');
    await expect(handler({}, context)).rejects.toThrow(/check failed: GET http:\/\/127\.0\.0\.1:\d+\/.*list\.html\?_=\d{4}-\d{2}-\d{2}: HTTP 404/);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, { TopicArn: 'arn:aws:sns:ap-northeast-1:111122223333:operator' });
    expect(emitted()).toContainEqual(expect.objectContaining({ ChecksFailed: 1 }));
  });

  it('counts committed changes once even when publishing them failed, and the retry sends only what is missing', async () => {
    mof.files.set('list.html', readFileSync(join(FIXTURES, 'list.html')));
    const amended = CsvRecords.excerpt().map((row, at) => (row[at('番号')] === '029-000729' ? (row.splice(at('その他の情報'), 1, '改訂の試験'), row) : null));
    mof.files.set('shisantouketsu20260828.csv', amended.toBytes());
    sns.resetHistory();
    sns.on(PublishBatchCommand).rejectsOnce(new Error('SNS throttled'));
    await expect(handler({}, context)).rejects.toThrow(/check failed: SNS throttled/);
    expect(emitted()).toContainEqual(expect.objectContaining({ Amended: 1, ChecksFailed: 1 }));
    const alert = sns.commandCalls(PublishCommand).map((c) => c.args[0].input).find((i) => i.TopicArn?.endsWith(':operator'))!;
    expect(alert.Message).toContain('The check committed version 3 but did not finish publishing it.');
    expect(alert.Message).toContain('Sent so far for version 3: 0 of 1 change events and the digest was not sent');

    stdout.mockClear();
    sns.resetHistory();
    sns.on(PublishBatchCommand).callsFake((input: { PublishBatchRequestEntries: Array<{ Id: string }> }) => ({
      Successful: input.PublishBatchRequestEntries.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}` })),
      Failed: [],
    }));
    const retry = await handler({}, context);
    expect(retry).toMatchObject({ outcome: 'unchanged', committedVersion: null });
    expect(sns).toHaveReceivedCommandTimes(PublishBatchCommand, 1);
    expect(sns.commandCalls(PublishCommand).filter((c) => c.args[0].input.TopicArn?.endsWith(':changes'))).toHaveLength(1);
    expect(emitted().some((l) => 'Amended' in l)).toBe(false);
  });

  it('holds a cut list, and commits it for an accept event naming its sha256, with who and why', async () => {
    const excerpt = CsvRecords.excerpt();
    mof.files.set('shisantouketsu20260828.csv', new CsvRecords(excerpt.header, excerpt.rows.slice(0, -2)).toBytes());
    const held = await handler({}, context);
    expect(held.outcome).toBe('held');
    const accepted = await handler({ accept: held.source!.sha256, by: 'k.tanaka', reason: 'MOF notice: both delisted' }, context);
    expect(accepted).toMatchObject({ outcome: 'changed', committedVersion: 4, summary: { delisted: 2 } });
  });

  it('refuses a malformed accept event by name, before touching anything', async () => {
    sns.resetHistory();
    await expect(handler({ accept: 'not-a-sha' }, context)).rejects.toThrow(/invalid accept event: .*sha256 of the held file.*at accept/);
    await expect(handler({ acceptCustomers: 'not-a-sha' }, context)).rejects.toThrow(/invalid acceptCustomers event: .*sha256 of the customer file.*at acceptCustomers/);
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
  });
});

describe('its configuration', () => {
  it('names every missing or malformed variable', () => {
    expect(() => readCheckConfig({ TABLE_NAME: 't', MAX_DELIST_SHARE: '7' })).toThrow(
      /invalid check configuration: .*TABLE_NAME.*CHANGE_TOPIC_ARN.*OPERATOR_TOPIC_ARN.*ARCHIVE_BUCKET.*MAX_DELIST_SHARE/,
    );
  });

  it('switches re-screening on with both its customer key and its topic, and refuses one without the other', () => {
    const base = { TABLE_NAME: 'tbl', CHANGE_TOPIC_ARN: 'arn:a', OPERATOR_TOPIC_ARN: 'arn:b', ARCHIVE_BUCKET: 'bkt' };
    const off = readCheckConfig(base);
    expect([off.CUSTOMERS_KEY, off.COMPLIANCE_TOPIC_ARN, off.SCREENING_THRESHOLD]).toEqual([undefined, undefined, 0.88]);
    expect(readCheckConfig({ ...base, CUSTOMERS_KEY: 'screening/customers.csv', COMPLIANCE_TOPIC_ARN: 'arn:c', SCREENING_THRESHOLD: '0.9' })).toMatchObject({
      CUSTOMERS_KEY: 'screening/customers.csv', COMPLIANCE_TOPIC_ARN: 'arn:c', SCREENING_THRESHOLD: 0.9,
    });
    expect(() => readCheckConfig({ ...base, CUSTOMERS_KEY: 'screening/customers.csv' })).toThrow(/CUSTOMERS_KEY and COMPLIANCE_TOPIC_ARN go together/);
    expect(() => readCheckConfig({ ...base, COMPLIANCE_TOPIC_ARN: 'arn:c' })).toThrow(/CUSTOMERS_KEY and COMPLIANCE_TOPIC_ARN go together/);
    expect(() => readCheckConfig({ ...base, CUSTOMERS_KEY: 'k', COMPLIANCE_TOPIC_ARN: 'arn:c', SCREENING_THRESHOLD: '1.5' })).toThrow(/SCREENING_THRESHOLD/);
  });

  it('defaults to MOF over HTTPS with the guard defaults', () => {
    const config = readCheckConfig({
      TABLE_NAME: 'tbl', CHANGE_TOPIC_ARN: 'arn:a', OPERATOR_TOPIC_ARN: 'arn:b', ARCHIVE_BUCKET: 'bkt',
    });
    expect(config).toMatchObject({
      INDEX_URL: 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/list.html',
      ALLOWED_HOSTS: ['www.mof.go.jp'],
      MAX_DELIST_SHARE: 0.05,
      MIN_ENTRY_SHARE: 0.9,
      ALLOW_LOOPBACK_HTTP: false,
    });
  });
});
