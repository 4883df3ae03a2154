import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DynamoDbDeliveryLog } from '../../shared/aws/webhook-delivery-log';
import { SqsDeliveryQueue } from '../../shared/aws/webhook-queue';
import { SecretsManagerSigningKeys } from '../../shared/aws/webhook-secrets';
import type { ChangeEvent } from '../../shared/domain/change-event';
import { eventReference } from '../../shared/domain/event-reference';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { FileArchive } from '../../shared/local/file-archive';
import { deliverBatch, type BatchDependencies } from '../../shared/webhooks/deliver-batch';
import { DeliveryAttempt, DeliveryState } from '../../shared/webhooks/delivery-records';
import { webhookEndpoint, type EndpointFilter, type WebhookEndpoint } from '../../shared/webhooks/endpoints';
import { postWebhook } from '../../shared/webhooks/http-post';
import type { QueuedMessage } from '../../shared/webhooks/queued-message';
import { RetryPolicy } from '../../shared/webhooks/retry-policy';
import { eventFor, may2024Events, newSecret, queued, startReceiver, type Receiver, type ReceiverOptions } from '../support/webhooks';

/**
 * Delivery end to end with its real adapters: receivers on 127.0.0.1 that verify every request with verify.ts,
 * the delivery log in dynalite over HTTP, Secrets Manager and SQS asserted at the SDK command level. SQS receives
 * are simulated by handing the same message back with a higher receive count; backoff waits are recorded, not slept.
 */
const QUEUE = 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks';
const DLQ = 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks-dlq';
const secretsManager = mockClient(SecretsManagerClient);
const sqs = mockClient(SQSClient);
const secrets = new Map<string, string>();

const events = may2024Events();
const mikheychik = eventFor(events, '029-000729');
/** Another of the day's designations: a Cyprus entity (区分 34). */
const MAY_2024_OTHER = events.find((e) => e.regime.number === 34)!.key;

let dir: string;
let dynamo: EmbeddedDynamoDb;
let archive: FileArchive;
const receivers: Receiver[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-webhooks-'));
  dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  archive = new FileArchive(join(dir, 'archive'));
});
afterAll(async () => {
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  secretsManager.reset();
  sqs.reset();
  secretsManager.on(GetSecretValueCommand).callsFake(({ SecretId }: { SecretId: string }) => {
    const value = secrets.get(SecretId);
    if (!value) throw Object.assign(new Error(`Secrets Manager can't find the specified secret.`), { name: 'ResourceNotFoundException' });
    return { SecretString: value };
  });
  sqs.on(ChangeMessageVisibilityCommand).resolves({});
  sqs.on(SendMessageCommand).resolves({ MessageId: 'parked-1' });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const started = await startReceiver(options);
  receivers.push(started);
  return started;
}

/** An endpoint with its own signing secret in Secrets Manager, and a receiver that knows it. */
async function endpoint(options: { statuses?: number[]; filter?: EndpointFilter } = {}): Promise<{ endpoint: WebhookEndpoint; receiver: Receiver; secret: string }> {
  const secret = newSecret();
  const receiving = await receiver({ secrets: [secret], ...(options.statuses && { statuses: options.statuses }) });
  const secretName = `monitor/webhooks/${receiving.port}`;
  secrets.set(secretName, secret);
  return { endpoint: webhookEndpoint({ url: receiving.url, secretName, ...(options.filter && { filter: options.filter }) }), receiver: receiving, secret };
}

interface Harness {
  deps: BatchDependencies;
  waits: number[];
  logs: Array<{ level: string; message: string; fields: Record<string, unknown> }>;
}

function harness(endpoints: WebhookEndpoint[], overrides: Partial<BatchDependencies> = {}): Harness {
  const waits: number[] = [];
  const logs: Harness['logs'] = [];
  const record = (level: string) => (message: string, fields: Record<string, unknown>) => void logs.push({ level, message, fields });
  const deps: BatchDependencies = {
    endpoints,
    log: new DynamoDbDeliveryLog({ client: dynamo.client, tableName: dynamo.tableName }),
    keys: new SecretsManagerSigningKeys({ client: new SecretsManagerClient({ region: 'ap-northeast-1' }) }),
    queue: new SqsDeliveryQueue({ client: new SQSClient({ region: 'ap-northeast-1' }), queueUrl: QUEUE, deadLetterQueueUrl: DLQ }),
    post: (url, body, headers) => postWebhook(url, body, headers, { timeoutMs: 2_000, allowLoopback: true }),
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
    policy: RetryPolicy.parse({}),
    now: () => new Date(),
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    remainingMs: () => 60_000,
    events: archive,
    ...overrides,
  };
  return { deps, waits, logs };
}

/** The same message as SQS hands it out again: its receive count up by one. */
function again(message: QueuedMessage): QueuedMessage {
  return { ...message, attributes: { ...message.attributes, ApproximateReceiveCount: message.attributes.ApproximateReceiveCount + 1 } };
}

async function attempts(endpoint: WebhookEndpoint): Promise<DeliveryAttempt[]> {
  const { Items = [] } = await dynamo.client.send(
    new QueryCommand({
      TableName: dynamo.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :attempt)',
      ExpressionAttributeValues: { ':pk': `WEBHOOK#${endpoint.id}`, ':attempt': 'ATTEMPT#' },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => DeliveryAttempt.parse(item));
}

async function state(endpoint: WebhookEndpoint, event: ChangeEvent): Promise<DeliveryState | null> {
  return new DynamoDbDeliveryLog({ client: dynamo.client, tableName: dynamo.tableName }).state(endpoint.id, event.id);
}

const statuses = (r: Receiver) => r.requests.map((q) => q.status);
const parkedMessages = () => sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
const visibilityChanges = () => sqs.commandCalls(ChangeMessageVisibilityCommand).map((c) => c.args[0].input.VisibilityTimeout);

describe('webhook delivery', () => {
  it('POSTs each event, signed, byte for byte, to a receiver that verifies it; records every attempt', async () => {
    const { endpoint: screening, receiver: inbox, secret } = await endpoint();
    const { deps, logs } = harness([screening]);
    const batch = events.slice(0, 10).map((e) => queued(e));

    expect(await deliverBatch(batch, deps)).toEqual({ batchItemFailures: [] });

    // Messages of a batch go out in parallel: in any order.
    expect(inbox.received().sort()).toEqual(events.slice(0, 10).map((e) => e.id).sort());
    expect(inbox.requests.map((r) => r.body).sort()).toEqual(batch.map((m) => m.body).sort());
    const first = inbox.requests.find((r) => r.body === batch[0]!.body)!;
    expect(first.headers).toMatchObject({
      'webhook-id': events[0]!.id,
      'webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
      'content-type': 'application/json',
    });
    const recorded = await attempts(screening);
    expect(recorded).toHaveLength(10);
    expect(recorded[0]).toEqual({
      endpointId: screening.id,
      eventId: expect.stringMatching(/^chg_/),
      url: inbox.url,
      attempt: 1,
      messageId: expect.stringMatching(/^msg-/),
      receiveCount: 1,
      at: expect.any(String),
      outcome: 'delivered',
      httpStatus: 204,
      latencyMs: expect.any(Number),
      detail: null,
    });
    expect(await state(screening, events[0]!)).toMatchObject({ attempts: 1, lastOutcome: 'delivered', lastHttpStatus: 204, deliveredAt: recorded.find((a) => a.eventId === events[0]!.id)!.at });
    expect(sqs).not.toHaveReceivedAnyCommand();
    // Logged per attempt, with endpoint, status, latency and attempt number; never a secret or a signature.
    const delivered = logs.filter((l) => l.message === 'webhook delivered');
    expect(delivered).toHaveLength(10);
    expect(delivered[0]!.fields).toMatchObject({ endpointId: screening.id, httpStatus: 204, attempt: 1, latencyMs: expect.any(Number) });
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(secret.slice(6));
    expect(logged).not.toContain('v1,');
  });

  it('delivers once to a receiver that fails twice and then succeeds, with three attempts recorded', async () => {
    const { endpoint: flaky, receiver: inbox } = await endpoint({ statuses: [503, 500, 200] });
    const { deps, waits } = harness([flaky]);
    const message = queued(mikheychik);

    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [] });
    expect(statuses(inbox)).toEqual([503, 500, 200]);
    expect(inbox.received()).toEqual([mikheychik.id, mikheychik.id, mikheychik.id]);
    expect(waits).toEqual([375, 750]);
    expect((await attempts(flaky)).map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
      [1, 'retryable', 503],
      [2, 'retryable', 500],
      [3, 'delivered', 200],
    ]);

    // SQS delivers a message at least once: a second copy finds the delivery in the log and sends nothing.
    expect(await deliverBatch([again(message)], deps)).toEqual({ batchItemFailures: [] });
    expect(inbox.requests).toHaveLength(3);
    expect(sqs).not.toHaveReceivedAnyCommand();
  });

  it('retries a receiver that always fails over hours, then parks the event in the dead-letter queue: nothing lost', async () => {
    const { endpoint: down, receiver: inbox } = await endpoint({ statuses: [503] });
    const { deps } = harness([down]);
    let message = queued(mikheychik);

    for (let receive = 1; receive < 5; receive++) {
      expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
      message = again(message);
    }
    expect(visibilityChanges()).toEqual([60, 600, 3600, 21600]);
    expect(parkedMessages()).toEqual([]);

    // The fifth receive is the last: what still fails is copied to the dead-letter queue, and the message may go.
    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [] });
    expect(parkedMessages()).toEqual([
      {
        QueueUrl: DLQ,
        MessageBody: message.body,
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'event' },
          changeType: { DataType: 'String', StringValue: 'designated' },
          regime: { DataType: 'String', StringValue: '29' },
          entityType: { DataType: 'String', StringValue: 'individual' },
          webhookEndpoints: { DataType: 'String', StringValue: down.id },
          webhookFailure: { DataType: 'String', StringValue: `${inbox.url}: HTTP 503` },
        },
      },
    ]);
    expect(inbox.requests).toHaveLength(15);
    expect((await attempts(down)).map((a) => a.attempt)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(await state(down, mikheychik)).toMatchObject({ attempts: 15, lastOutcome: 'retryable', parkedAt: expect.any(String), parkedReason: 'HTTP 503', parkedMessageId: message.messageId });
  });

  it('if parking fails on the last receive, leaves the message for SQS to move to the dead-letter queue at once', async () => {
    const { endpoint: down } = await endpoint({ statuses: [503] });
    const { deps } = harness([down]);
    sqs.on(SendMessageCommand).rejects(new Error('throttled'));
    const message = queued(mikheychik, { receiveCount: 5 });

    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(visibilityChanges()).toEqual([0]);
  });

  it('does not retry a 4xx: parks the event at once', async () => {
    const { endpoint: gone, receiver: inbox } = await endpoint({ statuses: [404] });
    const { deps, waits } = harness([gone]);

    expect(await deliverBatch([queued(mikheychik)], deps)).toEqual({ batchItemFailures: [] });
    expect(statuses(inbox)).toEqual([404]);
    expect(waits).toEqual([]);
    expect(parkedMessages()).toMatchObject([{ QueueUrl: DLQ, MessageAttributes: { webhookEndpoints: { StringValue: gone.id }, webhookFailure: { StringValue: `${inbox.url}: HTTP 404` } } }]);
    expect(visibilityChanges()).toEqual([]);
  });

  it('does not send an event again to an endpoint that has it when the message is retried for another', async () => {
    const { endpoint: a, receiver: inboxA } = await endpoint();
    const { endpoint: b, receiver: inboxB } = await endpoint({ statuses: [503, 503, 503, 204] });
    const { deps } = harness([a, b]);
    const message = queued(mikheychik);

    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(await deliverBatch([again(message)], deps)).toEqual({ batchItemFailures: [] });

    expect(inboxA.received()).toEqual([mikheychik.id]);
    expect(statuses(inboxB)).toEqual([503, 503, 503, 204]);
    expect((await attempts(a)).map((x) => x.attempt)).toEqual([1]);
    expect((await attempts(b)).map((x) => [x.attempt, x.receiveCount, x.outcome])).toEqual([
      [1, 1, 'retryable'],
      [2, 1, 'retryable'],
      [3, 1, 'retryable'],
      [4, 2, 'delivered'],
    ]);
  });

  it('parks the endpoint that rejects, retries the one that is down, and a redrive retries only the parked one', async () => {
    const { endpoint: strict, receiver: inboxStrict } = await endpoint({ statuses: [401, 204] });
    const { endpoint: down, receiver: inboxDown } = await endpoint({ statuses: [503, 503, 503, 204] });
    const { deps } = harness([strict, down]);
    const message = queued(mikheychik);

    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(parkedMessages()).toMatchObject([{ MessageAttributes: { webhookEndpoints: { StringValue: strict.id } } }]);
    // The retry is for `down`: `strict` was given up on during this message's life and is left alone.
    expect(await deliverBatch([again(message)], deps)).toEqual({ batchItemFailures: [] });
    expect(statuses(inboxStrict)).toEqual([401]);
    expect(statuses(inboxDown)).toEqual([503, 503, 503, 204]);

    // The operator fixes `strict` and redrives: a new message, for `strict` alone.
    const parked = parkedMessages()[0]!;
    const redriven = queued(parked.MessageBody!, {
      attributes: Object.fromEntries(Object.entries(parked.MessageAttributes!).filter(([name]) => name !== 'webhookFailure').map(([name, v]) => [name, v.StringValue!])),
    });
    expect(await deliverBatch([redriven], deps)).toEqual({ batchItemFailures: [] });
    expect(statuses(inboxStrict)).toEqual([401, 204]);
    expect(inboxDown.requests).toHaveLength(4);
    expect(await state(strict, mikheychik)).toMatchObject({ attempts: 2, deliveredAt: expect.any(String), parkedAt: expect.any(String), parkedMessageId: message.messageId });
  });

  it('routes each event to the endpoints whose filter matches it, and only those', async () => {
    const everything = await endpoint();
    const russianIndividuals = await endpoint({ filter: { regimes: ['29'], entityTypes: ['individual'] } });
    const cyprus = await endpoint({ filter: { regimes: ['34'] } });
    const delistings = await endpoint({ filter: { changeTypes: ['delisted'] } });
    const { deps } = harness([everything, russianIndividuals, cyprus, delistings].map((e) => e.endpoint));

    for (const batch of [events.slice(0, 10), events.slice(10)]) expect(await deliverBatch(batch.map((e) => queued(e)), deps)).toEqual({ batchItemFailures: [] });

    const keysOf = (r: Receiver) => r.received().map((id) => events.find((e) => e.id === id)!.key).sort();
    expect(keysOf(everything.receiver)).toEqual(events.map((e) => e.key).sort());
    expect(keysOf(russianIndividuals.receiver)).toEqual(['029-000729']);
    expect(keysOf(cyprus.receiver)).toEqual(['034-000002', '034-000003']);
    expect(delistings.receiver.requests).toEqual([]);
  });

  it('signs with both secrets during a rotation, so a receiver that knows either one verifies', async () => {
    const [next, old] = [newSecret(), newSecret()];
    secrets.set('monitor/webhooks/rotating', `${next} ${old}`);
    const stillOld = await receiver({ secrets: [old] });
    const alreadyNew = await receiver({ secrets: [next] });
    const { deps } = harness([stillOld, alreadyNew].map((r) => webhookEndpoint({ url: r.url, secretName: 'monitor/webhooks/rotating' })));

    expect(await deliverBatch([queued(mikheychik)], deps)).toEqual({ batchItemFailures: [] });
    expect(stillOld.received()).toEqual([mikheychik.id]);
    expect(alreadyNew.received()).toEqual([mikheychik.id]);
    expect(String(stillOld.requests[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
  });

  it('reads each signing secret from Secrets Manager once for a whole batch', async () => {
    const a = await endpoint();
    const b = await endpoint();
    const { deps } = harness([a.endpoint, b.endpoint]);

    await deliverBatch(events.slice(0, 10).map((e) => queued(e)), deps);
    expect(secretsManager.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input.SecretId).sort()).toEqual([a.endpoint.secretName, b.endpoint.secretName].sort());
  });

  it('retries later, without parking, when a signing secret cannot be read', async () => {
    const inbox = await receiver();
    const { deps, logs } = harness([webhookEndpoint({ url: inbox.url, secretName: 'monitor/webhooks/missing' })]);
    const message = queued(mikheychik);

    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(inbox.requests).toEqual([]);
    expect(parkedMessages()).toEqual([]);
    expect(visibilityChanges()).toEqual([60]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'webhook delivery error', fields: expect.objectContaining({ error: expect.stringMatching(/can't find/) }) }));
  });

  it('parks an endpoint whose address is not allowed, without contacting it', async () => {
    secrets.set('monitor/webhooks/internal', newSecret());
    const internal = webhookEndpoint({ url: 'https://169.254.169.254/latest/meta-data/', secretName: 'monitor/webhooks/internal' });
    const { deps } = harness([internal]);

    expect(await deliverBatch([queued(mikheychik)], deps)).toEqual({ batchItemFailures: [] });
    expect(await attempts(internal)).toMatchObject([{ outcome: 'rejected', httpStatus: null, detail: expect.stringMatching(/link-local/) }]);
    expect(parkedMessages()).toMatchObject([{ MessageAttributes: { webhookFailure: { StringValue: expect.stringMatching(/^https:\/\/169\.254\.169\.254\/latest\/meta-data\/: 169\.254\.169\.254: link-local/) } } }]);
  });

  it('parks a message that is not a change event as it is', async () => {
    const { endpoint: any } = await endpoint();
    const { deps } = harness([any]);
    const poison = queued('{"hello":', { attributes: { kind: 'event' } });

    expect(await deliverBatch([poison], deps)).toEqual({ batchItemFailures: [] });
    expect(parkedMessages()).toEqual([
      {
        QueueUrl: DLQ,
        MessageBody: '{"hello":',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'event' }, webhookFailure: { DataType: 'String', StringValue: 'not a change event: the body is not JSON' } },
      },
    ]);
  });

  it('starts no attempt that could outlast the invocation', async () => {
    const { endpoint: any, receiver: inbox } = await endpoint();
    const { deps } = harness([any], { remainingMs: () => 12_000 });
    const message = queued(mikheychik);

    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(inbox.requests).toEqual([]);
    expect(await attempts(any)).toEqual([]);
    expect(visibilityChanges()).toEqual([60]);
  });
});

describe('an event too big for SNS, sent by reference', () => {
  /** Mikheychik's designation with its 外務省告示 text repeated to over 300 KB: a real entry with one very long field. */
  const huge: ChangeEvent = (() => {
    const notice = mikheychik.after!.noticeText!;
    const long = Array.from({ length: Math.ceil(300_000 / Buffer.byteLength(notice)) }, () => notice).join('\n');
    return { ...mikheychik, after: { ...mikheychik.after!, noticeText: long } };
  })();
  const referenceTo = async (event: ChangeEvent) => {
    const body = JSON.stringify(event);
    const reference = eventReference(event, body, await archive.putEvent(body));
    return queued(JSON.stringify(reference), { attributes: { kind: 'event', changeType: event.type, byReference: 'true' } });
  };

  it('fetches the whole event from the archive and delivers it signed, byte for byte as stored', async () => {
    const { endpoint: any, receiver: inbox } = await endpoint();
    const { deps } = harness([any]);
    expect(await deliverBatch([await referenceTo(huge)], deps)).toEqual({ batchItemFailures: [] });

    expect(inbox.received()).toEqual([huge.id]);
    expect(inbox.requests[0]!.body).toBe(JSON.stringify(huge));
    expect(Buffer.byteLength(inbox.requests[0]!.body)).toBeGreaterThan(300_000);
    expect(await attempts(any)).toMatchObject([{ eventId: huge.id, outcome: 'delivered' }]);
  });

  it('routes by the whole event: a filter that does not match it is not sent anything', async () => {
    const { endpoint: cyprus, receiver: inbox } = await endpoint({ filter: { regimes: ['34'] } });
    const { deps } = harness([cyprus]);
    expect(await deliverBatch([await referenceTo(huge)], deps)).toEqual({ batchItemFailures: [] });
    expect(inbox.requests).toEqual([]);
  });

  it('retries later, without parking or posting, when the stored event cannot be read', async () => {
    const { endpoint: any, receiver: inbox } = await endpoint();
    const { deps, logs } = harness([any], { events: { getEvent: async () => Promise.reject(new Error('SlowDown')) } });
    const message = await referenceTo(huge);
    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(inbox.requests).toEqual([]);
    expect(parkedMessages()).toEqual([]);
    expect(visibilityChanges()).toEqual([60]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'referenced change event not fetched' }));
  });

  it('parks a reference whose stored event is not the one it names, and delivers nothing', async () => {
    const { endpoint: any, receiver: inbox } = await endpoint();
    const { deps } = harness([any]);
    const other = eventFor(events, MAY_2024_OTHER);
    const body = JSON.stringify(other);
    // Names the huge event (its id and sha256) but points at another event's stored text.
    const forged = eventReference(huge, JSON.stringify(huge), await archive.putEvent(body));
    const message = queued(JSON.stringify(forged), { attributes: { kind: 'event' } });
    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [] });
    expect(inbox.requests).toEqual([]);
    expect(parkedMessages()).toMatchObject([{ MessageAttributes: { webhookFailure: { StringValue: expect.stringMatching(/^referenced change event refused: .* has sha256 [0-9a-f]{64}, not the/) } } }]);
  });

  it('refuses to read a reference outside the archive\'s events folder', async () => {
    const { endpoint: any, receiver: inbox } = await endpoint();
    const { deps } = harness([any]);
    const reference = eventReference(huge, JSON.stringify(huge), '/etc/passwd');
    const message = queued(JSON.stringify(reference), { attributes: { kind: 'event' } });
    expect(await deliverBatch([message], deps)).toEqual({ batchItemFailures: [{ itemIdentifier: message.messageId }] });
    expect(inbox.requests).toEqual([]);
  });
});
