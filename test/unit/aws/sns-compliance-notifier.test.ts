import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { SnsComplianceNotifier } from '../../../shared/aws/sns-compliance-notifier';
import { parseCsv } from '../../../shared/mof/csv';
import { renderScreeningDigest, renderScreeningStatus } from '../../../shared/render/screening-digest';
import { screenCustomers } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import type { RescreenRun } from '../../../shared/screening/schemas';
import { versionNotification } from '../../support/notifications';
import { CsvRecords, MAY_2024_KEYS } from '../../support/fixtures';

const TOPIC = 'arn:aws:sns:ap-northeast-1:123456789012:jp-sanctions-compliance';
const sns = mockClient(SNSClient);
const excerpt = CsvRecords.excerpt();
const notification = versionNotification(parseCsv(excerpt.without(MAY_2024_KEYS).toBytes(), { fileName: 'x.csv' }).entries, excerpt, { version: 2 });
const entries = notification.changes.map((c) => c.after!);
const customers = [
  { id: 'C-0001', name: 'Vladimir Mikheichik', dateOfBirth: '1970-05-16' },
  { id: 'C-0003', name: 'IBEX Shipping, Inc.' },
];
const run: RescreenRun = {
  trigger: 'list', version: 2, screenedAt: '2026-12-02T01:00:00.000Z', threshold: 0.88,
  customerFile: { location: 's3://b/screening/customers.csv', sha256: 'b'.repeat(64), customers: 2 }, customersScreened: 2,
  entries: entries.map((e) => e.key),
  hits: screenCustomers(new ScreeningIndex(entries), customers, { threshold: 0.88, since: 1 }).hits,
};

it('publishes one message to the compliance topic: the email in full, the SMS with counts only', async () => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  await new SnsComplianceNotifier({ client: new SNSClient({ region: 'ap-northeast-1' }), topicArn: TOPIC }).publishMatches(run, notification.record);
  const digest = renderScreeningDigest(run, notification.record);
  expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  expect(sns).toHaveReceivedCommandWith(PublishCommand, {
    TopicArn: TOPIC, MessageStructure: 'json', Subject: digest.subject,
    Message: JSON.stringify({ default: digest.default, email: digest.email, sms: digest.sms }),
  });
  expect(run.hits.map((h) => h.customerId)).toEqual(['C-0001', 'C-0003']);
  expect(digest.email).toContain('Customer C-0001');
  expect(digest.email).toContain('029-000729');
  for (const secret of ['C-0001', 'C-0003', 'Mikheichik', 'IBEX', '029-000729']) expect(digest.sms).not.toContain(secret);
});

it('tells the compliance topic when re-screening stops and resumes, in both languages, without customer data', async () => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
  const notifier = new SnsComplianceNotifier({ client: new SNSClient({ region: 'ap-northeast-1' }), topicArn: TOPIC });
  const reason = 's3://b/screening/customers.csv row 7, column dob: not a date (YYYY-MM-DD, YYYY/M/D, YYYY-MM or YYYY)';
  const stopped = { state: 'stopped' as const, reason, since: '2026-12-02T01:00:00.000Z', at: '2026-12-02T01:00:00.000Z', versions: { from: 3, to: 4 } };
  await notifier.publishStatus(stopped);
  const message = renderScreeningStatus(stopped);
  expect(sns).toHaveReceivedCommandWith(PublishCommand, {
    TopicArn: TOPIC, MessageStructure: 'json', Subject: message.subject,
    Message: JSON.stringify({ default: message.default, email: message.email, sms: message.sms }),
  });
  expect(message.email).toContain('顧客との照合は行われていません');
  expect(message.email).toContain('customers are not being screened against them');
  expect(message.email).toContain('Not yet screened: versions 3–4');
  expect(message.sms).not.toContain('row 7');
  const resumed = renderScreeningStatus({ ...stopped, state: 'resumed', at: '2026-12-02T05:00:00.000Z', versions: null });
  expect(resumed.subject).toBe('[JP sanctions] 顧客照合 再開 / customer re-screening resumed');
  expect(resumed.email).toContain('Stopped: 2026-12-02T01:00:00.000Z – 2026-12-02T05:00:00.000Z');
});
