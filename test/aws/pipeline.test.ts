import { ChangeMessageVisibilityCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { webhookRedriveCommand } from '../../cli/commands/webhook-redrive';
import { webhookEndpoint } from '../../shared/webhooks/endpoints';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { startMofServer, type MofServer } from '../support/mof-server';
import { newSecret, startReceiver, type Receiver } from '../support/webhooks';
import { drainQueue } from './lambda-runtime';
import { archivedKeys, EXAMPLE_CONFIG, queueDepth, queueUrlOf, startEmulatedStack, tableItems, takePersonMessages, type EmulatedStack, type PersonMessage, type StackOptions, provision } from './harness';
import { describeWithMoto } from './moto';

/**
 * The deployable example configuration (an unfiltered email subscriber, a regime-29 desk, an entity-SMS subscriber,
 * one webhook endpoint filtered to designations, delistings and relistings), synthesized with its real bundles and
 * run against moto: every delivery below went through the template's subscriptions, filter policies, queues and
 * environments, and every call through the functions' template roles.
 */
const LIST = 'shisantouketsu20260828.csv';
/** Two North Korea-regime individuals (区分 15), designated one by one after 24 May: no filtered subscriber matches them. */
const LATER = ['015-000017', '015-000018'];
const secret = newSecret();
const statuses = [204];
let mof: MofServer;
let receiver: Receiver;
let stack: EmulatedStack;
let options: StackOptions;

/** The receiver answers these statuses to its next requests, the last one repeating. */
function receiverAnswers(...next: number[]): void {
  statuses.splice(0, statuses.length, ...Array<number>(receiver.requests.length).fill(0), ...next);
}

beforeAll(async () => {
  mof = await startMofServer();
  mof.files.set(LIST, CsvRecords.excerpt().without([...MAY_2024_KEYS, ...LATER]).toBytes());
  receiver = await startReceiver({ secrets: [secret], statuses });
  options = {
    secretValue: () => secret,
    checkOverrides: { INDEX_URL: mof.indexUrl, ALLOWED_HOSTS: '127.0.0.1', ALLOW_LOOPBACK_HTTP: 'true' },
    // The endpoints as the template lists them (secret names, filters), each URL replaced by the local receiver's.
    deliverOverrides: (env) => ({
      ALLOW_LOOPBACK: 'true',
      WEBHOOK_ENDPOINTS: JSON.stringify((JSON.parse(env.WEBHOOK_ENDPOINTS!) as Array<{ url: string }>).map((e) => ({ ...e, url: receiver.url }))),
    }),
  };
  stack = await startEmulatedStack(EXAMPLE_CONFIG, options);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await Promise.all([mof?.close(), receiver?.close()]);
});

/** What every person subscribed to either topic received since the last look, by endpoint. */
async function peopleInboxes(): Promise<Record<string, PersonMessage[]>> {
  const entries = await Promise.all(stack.account.people.map(async (p) => [`${p.protocol}:${p.endpoint}`, await takePersonMessages(stack.account, p)] as const));
  return Object.fromEntries(entries);
}

async function runCheck(): Promise<{ outcome: string; summary?: Record<string, number> }> {
  const { result, error } = await stack.check.invoke<{ outcome: string; summary?: Record<string, number> }>({});
  if (error !== undefined) throw new Error(`check failed: ${error}`);
  return result!;
}

const queue = (prefix: string) => queueUrlOf(stack.account, prefix);
const webhookMapping = () => stack.account.mappings[0]!;

describeWithMoto('the example deployment in an emulated account', () => {
  it('is the template: one table, one bucket, people on both topics, the webhook queue with its redrive', () => {
    expect(stack.account.people.map((p) => `${p.protocol}:${p.endpoint}`).sort()).toEqual([
      'email:cloud-operations@example.com',
      'email:compliance-team@example.com',
      'email:russia-desk@example.com',
      'sms:+819012345678',
    ]);
    expect(stack.account.mappings).toHaveLength(1);
    expect(webhookMapping().queueUrl).toBe(stack.account.output('WebhookQueueUrl'));
    expect(stack.deliver.environment.QUEUE_URL).toMatch(/^https:\/\/sqs\.ap-northeast-1\.amazonaws\.com\/\d+\/WebhooksQueue/);
    expect([stack.check.loadMs, stack.deliver.loadMs].every((ms) => ms > 0)).toBe(true);
  });

  it('baselines: archives the file, records the snapshot, sends one digest to the unfiltered subscriber only', async () => {
    expect(await runCheck()).toMatchObject({ outcome: 'baseline' });

    const inboxes = await peopleInboxes();
    expect(inboxes['email:compliance-team@example.com']).toHaveLength(1);
    expect(inboxes['email:compliance-team@example.com']![0]!.attributes).toEqual({ kind: 'digest' });
    // A baseline digest carries no changeTypes: filtered subscribers are not told the list exists.
    expect(inboxes['email:russia-desk@example.com']).toEqual([]);
    expect(inboxes['sms:+819012345678']).toEqual([]);
    expect(inboxes['email:cloud-operations@example.com']).toEqual([]);
    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 0, inFlight: 0 });

    const archived = await archivedKeys(stack.account);
    // The list, and the same edition's workbook (regime titles, corroboration of delistings).
    expect(archived).toEqual([expect.stringMatching(new RegExp(`^raw/[0-9a-f]{64}/${LIST}$`)), expect.stringMatching(/^raw\/[0-9a-f]{64}\/shisantouketsu20260828\.xlsx$/)]);
    const items = await tableItems(stack.account);
    expect(items.find((i) => i.sk === 'STATE')).toMatchObject({ version: 1, publishedVersion: 1 });
    expect(items.filter((i) => String(i.sk).startsWith('ENTRY#'))).toHaveLength(CsvRecords.excerpt().rows.length - MAY_2024_KEYS.length - LATER.length);
  });

  it('24 May 2024: one digest for each matching person, twelve events on the webhook queue, all delivered and signed', async () => {
    mof.files.set(LIST, CsvRecords.excerpt().without(LATER).toBytes());
    expect(await runCheck()).toMatchObject({ outcome: 'changed', summary: { designated: 12, delisted: 0, amended: 0, relisted: 0 } });

    const inboxes = await peopleInboxes();
    for (const who of ['email:compliance-team@example.com', 'email:russia-desk@example.com', 'sms:+819012345678']) {
      expect(inboxes[who]).toHaveLength(1);
      expect(inboxes[who]![0]).toMatchObject({ attributes: { kind: 'digest', changeTypes: '["designated"]' } });
      expect(JSON.parse(inboxes[who]![0]!.attributes.regimes!)).toEqual(expect.arrayContaining(['29']));
    }
    expect(inboxes['email:cloud-operations@example.com']).toEqual([]);

    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 12, inFlight: 0 });
    receiverAnswers(204);
    const drained = await drainQueue(stack.account, webhookMapping(), stack.deliver);
    expect(drained.responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    const keys = receiver.requests.map((r) => (JSON.parse(r.body) as { key: string }).key).sort();
    expect(keys).toEqual(MAY_2024_KEYS);
    expect(receiver.received()).toHaveLength(12);
    expect(new Set(receiver.received()).size).toBe(12);

    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 0, inFlight: 0 });
    expect(await queueDepth(stack.account, queue('WebhooksDeadLetterQueue'))).toEqual({ visible: 0, inFlight: 0 });
    expect(await queueDepth(stack.account, queue('NotificationsUndelivered'))).toEqual({ visible: 0, inFlight: 0 });
    const items = await tableItems(stack.account);
    expect(items.find((i) => i.sk === 'STATE')).toMatchObject({ version: 2, publishedVersion: 2 });
    const endpointId = webhookEndpoint({ url: receiver.url, secretName: 'x' }).id;
    expect(items.filter((i) => i.pk === `WEBHOOK#${endpointId}` && String(i.sk).startsWith('EVENT#'))).toHaveLength(12);
    expect((await archivedKeys(stack.account)).filter((k) => k.endsWith('.csv'))).toHaveLength(2);
  });

  it('an unchanged list is a 304: nothing published, archived or delivered', async () => {
    stack.gateway.resetCalls();
    const before = mof.notModified.length;
    expect(await runCheck()).toMatchObject({ outcome: 'unchanged' });
    expect(mof.notModified.slice(before)).toEqual([expect.stringMatching(/shisantouketsu20260828\.csv$/)]);
    expect(stack.gateway.calls.map((c) => c.action)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^sns:|^s3:/)]));
    expect(Object.values(await peopleInboxes()).flat()).toEqual([]);
    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 0, inFlight: 0 });
    expect(await archivedKeys(stack.account)).toHaveLength(3);
  });

  it('a designation outside the filters reaches only the unfiltered subscriber; a 503 receive is retried later, delivered once', async () => {
    mof.files.set(LIST, CsvRecords.excerpt().without([LATER[1]!]).toBytes());
    expect(await runCheck()).toMatchObject({ outcome: 'changed', summary: { designated: 1, delisted: 0, amended: 0, relisted: 0 } });
    const inboxes = await peopleInboxes();
    expect(inboxes['email:compliance-team@example.com']).toHaveLength(1);
    expect(inboxes['email:russia-desk@example.com']).toEqual([]);
    expect(inboxes['sms:+819012345678']).toEqual([]);

    const seen = receiver.requests.length;
    stack.gateway.resetCalls();
    receiverAnswers(503, 503, 503, 204);
    const first = await drainQueue(stack.account, webhookMapping(), stack.deliver);
    expect(first.responses.flatMap((r) => r.batchItemFailures)).toHaveLength(1);
    // The function pushed it back for a minute through its queue URL (an sqs.<region>.amazonaws.com URL).
    expect(stack.gateway.calls.filter((c) => c.principal === stack.deliver.definition.roleLogicalId).map((c) => c.action)).toContain('sqs:ChangeMessageVisibility');
    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 0, inFlight: 1 });
    await makeVisible(queue('WebhooksQueue'), first.retrying);
    const second = await drainQueue(stack.account, webhookMapping(), stack.deliver);
    expect(second.responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    const attempts = receiver.requests.slice(seen);
    expect(attempts.map((r) => r.status)).toEqual([503, 503, 503, 204]);
    expect(new Set(attempts.map((r) => (JSON.parse(r.body) as { key: string; type: string }).key))).toEqual(new Set([LATER[0]]));
    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 0, inFlight: 0 });
  });

  it('a 400 is parked in the dead-letter queue with its reason; webhook-redrive puts it back and it is delivered', async () => {
    mof.files.set(LIST, CsvRecords.excerpt().toBytes());
    expect(await runCheck()).toMatchObject({ outcome: 'changed', summary: { designated: 1 } });
    await peopleInboxes();
    const seen = receiver.requests.length;
    receiverAnswers(400);
    const parked = await drainQueue(stack.account, webhookMapping(), stack.deliver);
    expect(parked.responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 0, inFlight: 0 });
    const dlq = await peek(queue('WebhooksDeadLetterQueue'));
    expect(dlq).toHaveLength(1);
    expect(dlq[0]!.attributes).toMatchObject({ kind: 'event', changeType: 'designated', webhookFailure: `${receiver.url}: HTTP 400` });

    // The operator runs the CLI with the stack's outputs, as the README says; the emulator is the configured endpoint.
    const restore = setEnv({ AWS_ENDPOINT_URL: stack.moto.endpoint, AWS_REGION: 'ap-northeast-1', AWS_ACCESS_KEY_ID: 'operator', AWS_SECRET_ACCESS_KEY: 'operator' });
    try {
      const { output, exitCode } = await webhookRedriveCommand(['--queue-url', stack.account.output('WebhookDeadLetterQueueUrl'), '--to', stack.account.output('WebhookQueueUrl')]);
      expect(exitCode).toBe(0);
      expect(JSON.parse(output)).toMatchObject({ moved: 1, failed: [] });
    } finally {
      restore();
    }
    expect(await queueDepth(stack.account, queue('WebhooksDeadLetterQueue'))).toEqual({ visible: 0, inFlight: 0 });
    receiverAnswers(204);
    await drainQueue(stack.account, webhookMapping(), stack.deliver);
    const attempts = receiver.requests.slice(seen);
    expect(attempts.map((r) => r.status)).toEqual([400, 204]);
    expect(attempts.every((r) => 'id' in r.verified)).toBe(true);
    expect(JSON.parse(attempts[1]!.body) as { key: string; type: string }).toMatchObject({ key: LATER[1], type: 'designated' });
    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 0, inFlight: 0 });
    expect(await queueDepth(stack.account, queue('WebhooksDeadLetterQueue'))).toEqual({ visible: 0, inFlight: 0 });
  });
});

/**
 * The same scenarios' first steps against variants of the template, each a plausible slip in infra/: the suite must
 * notice every one. (Each variant is a fresh deployment in the same emulator.)
 */
describeWithMoto('a template that breaks delivery fails in the emulated account', () => {
  type Variant = (resources: Record<string, { Type: string; Properties: Record<string, unknown> }>) => void;
  const ids = (type: string) => Object.entries(stack.template.Resources).filter(([, r]) => r.Type === type).map(([id]) => id);
  const only = (type: string, prefix: string) => ids(type).filter((id) => id.startsWith(prefix));

  async function deployVariant(change: Variant): Promise<void> {
    const variant = JSON.parse(JSON.stringify(stack.template)) as typeof stack.template & { Resources: Parameters<Variant>[0] };
    change(variant.Resources);
    mof.files.set(LIST, CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
    await provision(stack, options, variant);
  }

  afterAll(() => provision(stack, options), 60_000);

  it('a person\'s filter policy that no longer lets digests through: the baseline digest never reaches them', async () => {
    await deployVariant((r) => {
      const [id] = only('AWS::SNS::Subscription', 'NotificationsChangeTopicemailcomplianceteam');
      r[id!]!.Properties.FilterPolicy = { kind: ['event'] };
    });
    expect(await runCheck()).toMatchObject({ outcome: 'baseline' });
    expect((await peopleInboxes())['email:compliance-team@example.com']).toEqual([]);
  });

  it('the check\'s CHANGE_TOPIC_ARN naming the operator topic: digests reach operators, not subscribers', async () => {
    await deployVariant((r) => {
      const [fn] = only('AWS::Lambda::Function', 'CheckFunction');
      const [operatorTopic] = only('AWS::SNS::Topic', 'NotificationsOperatorTopic');
      (r[fn!]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables.CHANGE_TOPIC_ARN = { Ref: operatorTopic };
    });
    expect(await runCheck()).toMatchObject({ outcome: 'baseline' });
    const inboxes = await peopleInboxes();
    expect(inboxes['email:compliance-team@example.com']).toEqual([]);
    expect(inboxes['email:cloud-operations@example.com']).toHaveLength(1);
  });

  it('the webhook queue\'s policy without the change topic: SNS could not deliver, the deployment is refused', async () => {
    await expect(
      deployVariant((r) => {
        const [policy] = only('AWS::SQS::QueuePolicy', 'WebhooksQueuePolicy');
        const document = r[policy!]!.Properties.PolicyDocument as { Statement: Array<{ Effect: string }> };
        document.Statement = document.Statement.filter((s) => s.Effect !== 'Allow');
      }),
    ).rejects.toThrow(/does not let topic .* send to it/);
  });

  it('the webhook queue subscribed without raw delivery: the events never reach the endpoint', async () => {
    await deployVariant((r) => {
      const [id] = only('AWS::SNS::Subscription', 'WebhooksQueue');
      r[id!]!.Properties.RawMessageDelivery = false;
    });
    expect(await runCheck()).toMatchObject({ outcome: 'baseline' });
    mof.files.set(LIST, CsvRecords.excerpt().toBytes());
    expect(await runCheck()).toMatchObject({ outcome: 'changed' });
    const seen = receiver.received().length;
    receiverAnswers(204);
    await drainQueue(stack.account, webhookMapping(), stack.deliver).catch(() => undefined);
    expect(receiver.received().length).toBe(seen);
  });

  it('the check\'s role granting the archive under another prefix: the run fails, AccessDenied, nothing announced', async () => {
    await deployVariant((r) => {
      const [policy] = only('AWS::IAM::Policy', 'CheckRoleDefaultPolicy');
      const text = JSON.stringify(r[policy!]!.Properties).replace('/raw/*', '/archive/*');
      r[policy!]!.Properties = JSON.parse(text) as Record<string, unknown>;
    });
    const { error } = await stack.check.invoke({});
    expect(error).toMatch(/AccessDenied|not authorized to perform s3:PutObject/);
    expect((await peopleInboxes())['email:compliance-team@example.com']).toEqual([]);
  });
});

/** Time passes: the messages the function pushed back (by receipt handle) become visible again. */
async function makeVisible(queueUrl: string, receiptHandles: string[]): Promise<void> {
  for (const handle of receiptHandles) {
    await stack.account.clients.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: handle, VisibilityTimeout: 0 }));
  }
}

/** The queue's visible messages, left visible. */
async function peek(queueUrl: string): Promise<Array<{ body: string; attributes: Record<string, string> }>> {
  const { Messages = [] } = await stack.account.clients.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], VisibilityTimeout: 0 }),
  );
  return Messages.map((m) => ({ body: m.Body ?? '', attributes: Object.fromEntries(Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue ?? ''])) }));
}

function setEnv(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
