import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { Context, SQSRecord } from 'aws-lambda';
import { handler } from '../../functions/deliver-webhooks/handler';
import type { ChangeEvent } from '../../shared/domain/change-event';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { webhookEndpoint } from '../../shared/webhooks/endpoints';
import { eventFor, may2024Events, newSecret, startReceiver, type Receiver } from '../support/webhooks';
import { lambdaEnvironment } from '../support/lambda-environment';

/**
 * The Lambda handler as deployed, wired from its environment: an SQS event as Lambda delivers it, DynamoDB in
 * dynalite over HTTP, receivers on 127.0.0.1, Secrets Manager and SQS asserted at the SDK command level.
 */
const QUEUE = 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks';
const DLQ = 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks-dlq';
const secretsManager = mockClient(SecretsManagerClient);
const sqs = mockClient(SQSClient);
const context = { functionName: 'deliver-webhooks', awsRequestId: 'req-7', getRemainingTimeInMillis: () => 60_000 } as Context;

const events = may2024Events();
const secret = newSecret();
let dir: string;
let dynamo: EmbeddedDynamoDb;
let everything: Receiver;
let cyprusDesk: Receiver;
let russianEntities: Receiver;
let output: jest.SpyInstance[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-webhook-handler-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  [everything, cyprusDesk, russianEntities] = await Promise.all([
    startReceiver({ secrets: [secret] }),
    startReceiver({ secrets: [secret], statuses: [404] }),
    startReceiver({ secrets: [secret], statuses: [503] }),
  ]);
  Object.assign(process.env, {
    ...lambdaEnvironment(dynamo),
    QUEUE_URL: QUEUE,
    DEAD_LETTER_QUEUE_URL: DLQ,
    ARCHIVE_BUCKET: 'archive-bucket',
    MAX_RECEIVES: '5',
    ALLOW_LOOPBACK: 'true',
    WEBHOOK_ENDPOINTS: JSON.stringify([
      { url: everything.url, secretName: 'monitor/webhooks/all' },
      { url: cyprusDesk.url, secretName: 'monitor/webhooks/all', filter: { regimes: ['34'] } },
      { url: russianEntities.url, secretName: 'monitor/webhooks/all', filter: { regimes: ['28'], entityTypes: ['entity'] } },
    ]),
  });
  secretsManager.on(GetSecretValueCommand, { SecretId: 'monitor/webhooks/all' }).resolves({ SecretString: secret });
  sqs.on(ChangeMessageVisibilityCommand).resolves({});
  sqs.on(SendMessageCommand).resolves({ MessageId: 'parked' });
});
beforeEach(() => {
  output = [process.stdout, process.stderr].map((stream) => jest.spyOn(stream, 'write').mockImplementation(() => true));
});
afterEach(() => output.forEach((spy) => spy.mockRestore()));
afterAll(async () => {
  await Promise.all([everything.close(), cyprusDesk.close(), russianEntities.close()]);
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A record as Lambda's SQS event source delivers it, for a message SNS put there with raw delivery. */
function record(event: ChangeEvent, messageId: string): SQSRecord {
  const text = (value: string) => ({ stringValue: value, stringListValues: [], binaryListValues: [], dataType: 'String' });
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body: JSON.stringify(event),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: String(Date.now()) },
    messageAttributes: { kind: text('event'), changeType: text(event.type), regime: text(String(event.regime.number)), entityType: text(event.entityType) },
    md5OfBody: 'not checked',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-northeast-1:111122223333:webhooks',
    awsRegion: 'ap-northeast-1',
  };
}

/** Powertools writes logs as JSON lines, warnings and errors on stderr. */
function logged(): Array<Record<string, unknown>> {
  return output.flatMap((spy) => spy.mock.calls).flatMap(([chunk]) => String(chunk).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)));
}

describe('the webhook delivery Lambda', () => {
  it('delivers a batch, parks what is rejected and reports only what must be retried', async () => {
    const individual = eventFor(events, '029-000729');
    const cyprus = eventFor(events, '034-000002');
    const russian = eventFor(events, '028-000258');

    const response = await handler({ Records: [record(individual, 'm-029'), record(cyprus, 'm-034'), record(russian, 'm-028')] }, context);

    // 028: the Russian-entities endpoint answered 503 three times; the message comes back in a minute.
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-028' }] });
    expect(sqs).toHaveReceivedCommandWith(ChangeMessageVisibilityCommand, { QueueUrl: QUEUE, ReceiptHandle: 'receipt-m-028', VisibilityTimeout: 60 });
    // 034: the Cyprus desk answered 404; parked for it alone, with the reason.
    expect(sqs).toHaveReceivedCommandTimes(SendMessageCommand, 1);
    expect(sqs).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: DLQ,
      MessageBody: JSON.stringify(cyprus),
      MessageAttributes: expect.objectContaining({
        regime: { DataType: 'String', StringValue: '34' },
        webhookEndpoints: { DataType: 'String', StringValue: webhookEndpoint({ url: cyprusDesk.url, secretName: 'x' }).id },
        webhookFailure: { DataType: 'String', StringValue: `${cyprusDesk.url}: HTTP 404` },
      }),
    });
    expect(everything.received().sort()).toEqual([individual.id, cyprus.id, russian.id].sort());
    expect(cyprusDesk.received()).toEqual([cyprus.id]);
    expect(russianEntities.received()).toEqual([russian.id, russian.id, russian.id]);
    expect(secretsManager).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);

    const lines = logged();
    expect(lines.filter((l) => l.message === 'webhook delivered')).toHaveLength(3);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'WARN', message: 'webhook attempt failed', httpStatus: 503, attempt: 3, function_request_id: 'req-7', url: russianEntities.url }),
    );
    expect(JSON.stringify(lines)).not.toContain(secret.slice(6));
  });
});
