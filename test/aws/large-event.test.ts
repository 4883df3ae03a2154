import { GetObjectCommand } from '@aws-sdk/client-s3';
import { ChangeEvent } from '../../shared/domain/change-event';
import { ChangeEventReference, referencedEvent } from '../../shared/domain/event-reference';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { withLongName } from '../support/long-entry';
import { linkCsvOnly, startMofServer, type MofServer } from '../support/mof-server';
import { newSecret, startReceiver, type Receiver } from '../support/webhooks';
import { drainQueue } from './lambda-runtime';
import { archivedKeys, EXAMPLE_CONFIG, queueDepth, queueUrlOf, startEmulatedStack, tableItems, takePersonMessages, type EmulatedStack } from './harness';
import { describeWithMoto } from './moto';

/**
 * Issue 18, item 3, in the emulated account of the example deployment: an edition whose one new designation is a
 * real entry with a 300 KB name (its change event over SNS's 256 KiB even without its entries and field values) is
 * committed and published, its event by reference, delivered whole to the webhook endpoint; and the next edition
 * after it is committed as usual. Before, the first check failed at publishing and so did every later one.
 */
const LIST = 'shisantouketsu20260828.csv';
const HUGE = '029-000729';
/** A North Korea-regime individual (区分 15), designated after 24 May: the ordinary designation of the next edition. */
const NEXT = '015-000017';
const secret = newSecret();
let mof: MofServer;
let receiver: Receiver;
let stack: EmulatedStack;

const edition = (records: CsvRecords) => mof.files.set(LIST, records.toBytes());
const excerpt = CsvRecords.excerpt();

beforeAll(async () => {
  mof = await startMofServer();
  linkCsvOnly(mof);
  receiver = await startReceiver({ secrets: [secret] });
  stack = await startEmulatedStack(EXAMPLE_CONFIG, {
    secretValue: () => secret,
    checkOverrides: { INDEX_URL: mof.indexUrl, ALLOWED_HOSTS: '127.0.0.1', ALLOW_LOOPBACK_HTTP: 'true' },
    deliverOverrides: (env) => ({
      ALLOW_LOOPBACK: 'true',
      WEBHOOK_ENDPOINTS: JSON.stringify((JSON.parse(env.WEBHOOK_ENDPOINTS!) as Array<{ url: string }>).map((e) => ({ ...e, url: receiver.url }))),
    }),
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await Promise.all([mof?.close(), receiver?.close()]);
});

async function runCheck(): Promise<{ outcome: string; version: number | null; summary?: Record<string, number> }> {
  const { result, error } = await stack.check.invoke<{ outcome: string; version: number | null; summary?: Record<string, number> }>({});
  if (error !== undefined) throw new Error(`check failed: ${error}`);
  return result!;
}

const queue = (prefix: string) => queueUrlOf(stack.account, prefix);
const compliance = () => stack.account.people.find((p) => p.endpoint === 'compliance-team@example.com')!;

describeWithMoto('a 300 KB entry in the emulated account', () => {
  it('is committed and published: its event by reference, stored whole in the archive, delivered whole and signed', async () => {
    edition(excerpt.without([...MAY_2024_KEYS, NEXT]));
    expect(await runCheck()).toMatchObject({ outcome: 'baseline', version: 1 });
    await takePersonMessages(stack.account, compliance());

    edition(withLongName(excerpt, HUGE, 300_000).without([NEXT]));
    stack.gateway.resetCalls();
    expect(await runCheck()).toMatchObject({ outcome: 'changed', version: 2, summary: { designated: 12 } });

    // Through SNS went eleven events whole and, for him, a reference: small, naming where the event is.
    const messages = publishedEventMessages();
    expect(messages).toHaveLength(12);
    const references = messages.filter((m) => !ChangeEvent.safeParse(JSON.parse(m)).success).map((m) => ChangeEventReference.parse(JSON.parse(m)));
    expect(references).toHaveLength(1);
    const [reference] = references;
    expect(reference).toMatchObject({ key: HUGE, type: 'designated', changedFields: [] });
    expect(Buffer.byteLength(JSON.stringify(reference))).toBeLessThan(16 * 1024);

    // The digest went to people, and summarises him: every designation detailed in the email, his name cut.
    expect(await takePersonMessages(stack.account, compliance())).toHaveLength(1);
    const email = (JSON.parse(publishedDigest()) as { email: string }).email;
    expect(email.match(/^ {2}\d+\. /gm)).toHaveLength(12);
    expect(email).toMatch(/Vladimir Mikheychik Vladimir Mikheychik .*… \(残り [\d,]+ 文字は JSON イベントに/);

    // The archive holds the event, under the one folder the deliverer may read.
    const eventKeys = (await archivedKeys(stack.account)).filter((k) => k.startsWith('raw/events/'));
    expect(eventKeys).toEqual([expect.stringMatching(/^raw\/events\/[0-9a-f]{64}\.json$/)]);
    expect(reference!.event.url).toBe(`s3://${stack.account.bucketName}/${eventKeys[0]}`);
    const stored = await (await stack.account.clients.s3.send(new GetObjectCommand({ Bucket: stack.account.bucketName, Key: eventKeys[0]! }))).Body!.transformToString('utf8');
    expect(Buffer.byteLength(stored)).toBeGreaterThan(300_000);
    const event = referencedEvent(reference!, stored);
    expect(event).toMatchObject({ key: HUGE, type: 'designated' });

    expect(await queueDepth(stack.account, queue('WebhooksQueue'))).toEqual({ visible: 12, inFlight: 0 });
    const drained = await drainQueue(stack.account, stack.account.mappings[0]!, stack.deliver);
    expect(drained.responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(receiver.received().sort()).toEqual(receiver.requests.map((r) => (JSON.parse(r.body) as { id: string }).id).sort());
    expect(receiver.requests.map((r) => (JSON.parse(r.body) as { key: string }).key).sort()).toEqual(MAY_2024_KEYS);
    // The endpoint got the whole event, byte for byte as stored, with a signature it verified.
    const whole = receiver.requests.find((r) => (JSON.parse(r.body) as { key: string }).key === HUGE)!;
    expect(whole.body).toBe(stored);
    expect(whole.verified).toEqual({ id: event.id });
    // The deliverer read the archive (its role allows raw/events/* only), through the gateway that enforces it.
    expect(stack.gateway.calls.filter((c) => c.principal === stack.deliver.definition.roleLogicalId).map((c) => c.action)).toContain('s3:GetObject');
    expect(await queueDepth(stack.account, queue('WebhooksDeadLetterQueue'))).toEqual({ visible: 0, inFlight: 0 });
    expect(await queueDepth(stack.account, queue('NotificationsUndelivered'))).toEqual({ visible: 0, inFlight: 0 });
    expect((await tableItems(stack.account)).find((i) => i.sk === 'STATE')).toMatchObject({ version: 2, publishedVersion: 2 });
  });

  it('the next edition after it is committed and published as usual', async () => {
    const seen = receiver.requests.length;
    edition(withLongName(excerpt, HUGE, 300_000));
    expect(await runCheck()).toMatchObject({ outcome: 'changed', version: 3, summary: { designated: 1, delisted: 0, amended: 0, relisted: 0 } });
    const [digest] = await takePersonMessages(stack.account, compliance());
    expect(digest!.subject).toMatch(/^\[JP sanctions\] 1 designated/);
    await drainQueue(stack.account, stack.account.mappings[0]!, stack.deliver);
    expect(receiver.requests.slice(seen).map((r) => (JSON.parse(r.body) as { key: string }).key)).toEqual([NEXT]);
    expect((await tableItems(stack.account)).find((i) => i.sk === 'STATE')).toMatchObject({ version: 3, publishedVersion: 3 });
    // Still one stored event: the new designation was small enough to go whole.
    expect((await archivedKeys(stack.account)).filter((k) => k.startsWith('raw/events/'))).toHaveLength(1);
  });
});

/** The digest's message as the check published it, with the email part the stand-in queues do not receive. */
function publishedDigest(): string {
  const [digest, ...more] = stack.gateway.calls
    .filter((c) => c.principal === stack.check.definition.roleLogicalId && c.action === 'sns:Publish')
    .map((c) => new URLSearchParams(c.body ?? ''))
    .filter((form) => form.get('MessageStructure') === 'json');
  if (!digest || more.length > 0) throw new Error(`expected one digest, found ${more.length + (digest ? 1 : 0)}`);
  return digest.get('Message')!;
}

/** The change events the check published, as their messages went to SNS (the gateway keeps every SNS request body). */
function publishedEventMessages(): string[] {
  return stack.gateway.calls
    .filter((c) => c.principal === stack.check.definition.roleLogicalId && c.action === 'sns:PublishBatch')
    .flatMap((c) => {
      const form = new URLSearchParams(c.body ?? '');
      return [...form.entries()].filter(([name]) => /^PublishBatchRequestEntries\.member\.\d+\.Message$/.test(name)).map(([, value]) => value);
    });
}
