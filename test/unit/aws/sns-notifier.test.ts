import {
  PublishBatchCommand,
  PublishCommand,
  SNSClient,
  type PublishBatchCommandInput,
  type PublishBatchRequestEntry,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnsNotifier } from '../../../shared/aws/sns-notifier';
import { ChangeEventReference, referencedEvent, SUMMARY_TEXT_MAX_CHARS } from '../../../shared/domain/event-reference';
import { FileArchive } from '../../../shared/local/file-archive';
import { ChangeEvent } from '../../../shared/domain/change-event';
import type { Designation } from '../../../shared/domain/designation';
import { parseCsv } from '../../../shared/mof/csv';
import { OperatorAlert, VersionNotification } from '../../../shared/records';
import { renderDigest } from '../../../shared/render/digest';
import { publishAll, versionNotification } from '../../support/notifications';
import { CsvRecords, MAY_2024_KEYS } from '../../support/fixtures';

const CHANGE_TOPIC = 'arn:aws:sns:ap-northeast-1:123456789012:jp-sanctions-changes';
const OPERATOR_TOPIC = 'arn:aws:sns:ap-northeast-1:123456789012:jp-sanctions-ops';
const FILE = 'shisantouketsu20260828.csv';
const SNS_MAX_BYTES = 256 * 1024;

const excerpt = CsvRecords.excerpt();
const entriesOf = (records: CsvRecords) => parseCsv(records.toBytes(), { fileName: FILE }).entries;

function notification(previous: Designation[], next: CsvRecords, kind: 'changes' | 'baseline' = 'changes'): VersionNotification {
  return versionNotification(previous, next, { kind, version: 3 });
}

const may2024 = notification(entriesOf(excerpt.without(MAY_2024_KEYS)), excerpt);

const sns = mockClient(SNSClient);
const archiveDir = mkdtempSync(join(tmpdir(), 'jsm-sns-events-'));
afterAll(() => rmSync(archiveDir, { recursive: true, force: true }));
const notifier = new SnsNotifier({
  client: new SNSClient({ region: 'ap-northeast-1' }), changeTopicArn: CHANGE_TOPIC, operatorTopicArn: OPERATOR_TOPIC, events: new FileArchive(archiveDir),
});

/** SNS as it answers a healthy batch: every entry confirmed. */
const acceptAll = (input: PublishBatchCommandInput) => ({
  Successful: input.PublishBatchRequestEntries!.map((e) => ({ Id: e.Id, MessageId: `msg-${e.Id}` })),
  Failed: [],
});

beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'msg-digest' });
  sns.on(PublishBatchCommand).callsFake(acceptAll);
});

const batchesSent = () => sns.commandCalls(PublishBatchCommand).map((call) => call.args[0].input.PublishBatchRequestEntries!);
const entrySize = (e: PublishBatchRequestEntry) =>
  Buffer.byteLength(e.Message!) +
  Object.entries(e.MessageAttributes ?? {}).reduce((n, [k, a]) => n + Buffer.byteLength(k) + Buffer.byteLength(a.DataType!) + Buffer.byteLength(a.StringValue!), 0);

describe('publishVersion', () => {
  it('publishes the digest as one JSON-structured message with filter attributes', async () => {
    await publishAll(notifier, may2024);
    const digest = renderDigest(may2024);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: CHANGE_TOPIC,
      MessageStructure: 'json',
      Subject: '[JP sanctions] 12 designated — MOF list 2026-08-28 / 資産凍結等対象者一覧 更新',
      MessageAttributes: {
        kind: { DataType: 'String', StringValue: 'digest' },
        changeTypes: { DataType: 'String.Array', StringValue: '["designated"]' },
        regimes: { DataType: 'String.Array', StringValue: '["28","29","34"]' },
        entityTypes: { DataType: 'String.Array', StringValue: '["entity","individual"]' },
      },
    });
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    const message = JSON.parse(input.Message!);
    expect(Object.keys(message).sort()).toEqual(['default', 'email', 'sms']);
    expect(message).toEqual({ default: digest.default, email: digest.email, sms: digest.sms });
    expect(message.email).toContain('ウラジーミル・ミヘイチク / Vladimir Mikheychik');
    expect(Buffer.byteLength(input.Message!)).toBeLessThanOrEqual(SNS_MAX_BYTES);
  });

  it('publishes one message per change, the ChangeEvent contract as body, in batches of ten', async () => {
    await publishAll(notifier, may2024);
    const batches = batchesSent();
    expect(batches.map((b) => b.length)).toEqual([10, 2]);
    expect(sns).toHaveReceivedCommandWith(PublishBatchCommand, { TopicArn: CHANGE_TOPIC });
    const entries = batches.flat();
    expect(entries.map((e) => e.Id)).toEqual(may2024.changes.map((c) => c.id));
    for (const [index, entry] of entries.entries()) {
      const body = JSON.parse(entry.Message!);
      expect(body).toEqual(ChangeEvent.parse(body));
      expect(body).toEqual(may2024.changes[index]);
    }
    const mikheychik = entries.find((e) => JSON.parse(e.Message!).key === '029-000729')!;
    expect(mikheychik.MessageAttributes).toEqual({
      kind: { DataType: 'String', StringValue: 'event' },
      changeType: { DataType: 'String', StringValue: 'designated' },
      regime: { DataType: 'String', StringValue: '29' },
      entityType: { DataType: 'String', StringValue: 'individual' },
    });
  });

  it('sends the events before the digest, so a retried run never emails people twice', async () => {
    await publishAll(notifier, may2024);
    expect(sns.calls().map((call) => call.args[0].constructor.name)).toEqual(['PublishBatchCommand', 'PublishBatchCommand', 'PublishCommand']);
  });

  it('publishes only the digest for a baseline, without empty array attributes', async () => {
    const baseline = notification([], excerpt, 'baseline');
    await publishAll(notifier, baseline);
    expect(sns).not.toHaveReceivedCommand(PublishBatchCommand);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.Subject).toBe('[JP sanctions] Monitoring started — MOF list 2026-08-28 / 資産凍結等対象者一覧 監視開始');
    expect(input.MessageAttributes).toEqual({ kind: { DataType: 'String', StringValue: 'digest' } });
    expect(JSON.parse(input.Message!).email).toContain('掲載件数 Entries listed: 170');
  });

  it('throws when SNS reports a failed entry, and sends no digest', async () => {
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
      const [first, ...rest] = input.PublishBatchRequestEntries!;
      return {
        Successful: rest.map((e) => ({ Id: e.Id, MessageId: `msg-${e.Id}` })),
        Failed: [{ Id: first!.Id, Code: 'InternalError', SenderFault: false, Message: 'try again' }],
      };
    });
    await expect(publishAll(notifier, may2024)).rejects.toThrow(
      `SNS did not publish 1 of 12 change events (0 sent before): ${may2024.changes[0]!.id} InternalError: try again`,
    );
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
  });

  it('throws when SNS confirms an entry neither way', async () => {
    sns.on(PublishBatchCommand).resolves({ Successful: [], Failed: [] });
    await expect(publishAll(notifier, may2024)).rejects.toThrow(/did not publish 10 of 12 change events .*not confirmed/);
  });
});

describe('size limits', () => {
  /** The 外務省告示 text of an event, repeated to about `bytes`: real text, oversized. */
  const inflated = (change: ChangeEvent, bytes: number) => {
    const text = change.after!.noticeText!;
    return Array.from({ length: Math.ceil(bytes / Buffer.byteLength(text)) }, () => text).join('\n');
  };
  const padded = (bytes: number): VersionNotification => ({
    ...may2024,
    changes: may2024.changes.map((change) => ({ ...change, after: { ...change.after!, otherInformation: inflated(change, bytes) } })),
  });

  it('splits batches further to keep each request within 256 KiB', async () => {
    const input = padded(60_000);
    await publishAll(notifier, input);
    const batches = batchesSent();
    expect(batches.flat()).toHaveLength(12);
    expect(batches.length).toBeGreaterThan(2);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(10);
      expect(batch.reduce((n, e) => n + entrySize(e), 0)).toBeLessThanOrEqual(SNS_MAX_BYTES);
    }
    expect(JSON.parse(batches[0]![0]!.Message!)).toEqual(input.changes[0]);
  });

  it('sends an event over 256 KiB by reference: stored whole in the archive, the message a summary naming it', async () => {
    const input = padded(300_000);
    await publishAll(notifier, input);
    const entries = batchesSent().flat();
    expect(entries.map((e) => e.Id)).toEqual(input.changes.map((c) => c.id));
    for (const [index, entry] of entries.entries()) {
      expect(entrySize(entry)).toBeLessThanOrEqual(SNS_MAX_BYTES);
      expect(entry.MessageAttributes!.byReference).toEqual({ DataType: 'String', StringValue: 'true' });
      expect(entry.MessageAttributes!.changeType).toEqual({ DataType: 'String', StringValue: 'designated' });
      const reference = ChangeEventReference.parse(JSON.parse(entry.Message!));
      // Not a change event: a consumer validating against the contract cannot take the summary for the change.
      expect(ChangeEvent.safeParse(JSON.parse(entry.Message!)).success).toBe(false);
      expect(reference).toMatchObject({ id: input.changes[index]!.id, key: input.changes[index]!.key, name: input.changes[index]!.name, changedFields: [] });
      const stored = readFileSync(reference.event.url, 'utf8');
      expect(stored).toBe(JSON.stringify(input.changes[index]));
      expect(referencedEvent(reference, stored)).toEqual(input.changes[index]);
    }
  });

  it('sends by reference an event whose name alone is over 256 KiB, with the name cut in its summary', async () => {
    const [mikheychik] = may2024.changes.filter((c) => c.key === '029-000729');
    const name = inflated(mikheychik!, 300_000).replace(/\n/g, ' ');
    const huge: ChangeEvent = { ...mikheychik!, name: { ...mikheychik!.name, en: name }, after: { ...mikheychik!.after!, name: { ...mikheychik!.after!.name, en: name } } };
    await publishAll(notifier, { ...may2024, changes: [huge, ...may2024.changes.filter((c) => c !== mikheychik)] });
    const entries = batchesSent().flat();
    expect(entries).toHaveLength(12);
    const reference = ChangeEventReference.parse(JSON.parse(entries[0]!.Message!));
    expect([...reference.name.en!]).toHaveLength(SUMMARY_TEXT_MAX_CHARS);
    expect(reference.name.en!.endsWith('…')).toBe(true);
    expect(reference.name.ja).toBe(mikheychik!.name.ja);
    expect(referencedEvent(reference, readFileSync(reference.event.url, 'utf8'))).toEqual(huge);
    // The other eleven go whole, as ever.
    expect(entries.slice(1).every((e) => e.MessageAttributes!.byReference === undefined && ChangeEvent.safeParse(JSON.parse(e.Message!)).success)).toBe(true);
  });

  it('refuses a stored event that is not the one its reference names', async () => {
    await publishAll(notifier, padded(300_000));
    const [first, second] = batchesSent().flat().map((e) => ChangeEventReference.parse(JSON.parse(e.Message!)));
    expect(() => referencedEvent(first!, readFileSync(second!.event.url, 'utf8'))).toThrow(/has sha256 [0-9a-f]{64}, not the/);
    expect(() => referencedEvent({ ...first!, event: second!.event }, readFileSync(second!.event.url, 'utf8'))).toThrow(/holds change event chg_\w+, not chg_/);
  });
});

describe('alertOperator', () => {
  it('publishes to the operator topic with a subject, the text and the severity', async () => {
    const alert = OperatorAlert.parse({
      severity: 'error',
      outcome: 'held',
      summary: 'Mass delisting: 1 of 170 entries would go; nothing published',
      details: ['listed 169, band 2,600–3,400'],
      source: { url: may2024.record.source.url, file: FILE, sha256: may2024.record.source.sha256 },
      at: '2026-08-28T09:00:02.000Z',
    });
    await notifier.alertOperator(alert);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: OPERATOR_TOPIC,
      Subject: '[JP sanctions monitor] ERROR held: Mass delisting: 1 of 170 entries would go; nothing published',
      Message: expect.stringContaining('  - listed 169, band 2,600–3,400'),
      MessageAttributes: { severity: { DataType: 'String', StringValue: 'error' } },
    });
    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageStructure).toBeUndefined();
  });
});
