import { MAY_2024_KEYS, may2024Amended } from '../support/fixtures';
import { linkCsvOnly, startMofServer, type MofServer } from '../support/mof-server';
import { breakPoints, type AwsCall } from './aws-gateway';
import { againstMofServer, EXAMPLE_CONFIG, queueUrlOf, startEmulatedStack, tableItems, takeMessages, takePersonMessages, type EmulatedStack } from './harness';
import { describeWithMoto } from './moto';

/**
 * A changed run of the check bundle broken at one AWS call (before the call reached the emulator, or after it took
 * effect but before the function heard back: a crash, a timeout), then retried as Lambda retries it. Per channel
 * (each person's digest, each event on the webhook queue) nothing may be lost and nothing sent twice, except what
 * the broken call itself carried when it broke after taking effect: no one can know SNS sent that (the window
 * the README states). The operator hears once per failed run.
 *
 * Each case moves the list one edition on: the same twelve entries (the designations of 24 May 2024) amended
 * again, so every case is a changed run of twelve events in two batches without a reset or a new baseline.
 */
const LIST = 'shisantouketsu20260828.csv';
let mof: MofServer;
let stack: EmulatedStack;
/** The check's AWS calls in a changed run that nothing broke. */
let script: AwsCall[];
let edition = 0;

function nextEdition(): Uint8Array {
  edition += 1;
  return may2024Amended(edition);
}

beforeAll(async () => {
  mof = await startMofServer();
  linkCsvOnly(mof);
  stack = await startEmulatedStack(EXAMPLE_CONFIG, againstMofServer(mof));
  expect((await stack.check.invoke<{ outcome: string }>({})).result?.outcome).toBe('baseline');
  mof.files.set(LIST, nextEdition());
  stack.gateway.resetCalls();
  expect((await stack.check.invoke<{ outcome: string }>({})).result?.outcome).toBe('changed');
  script = stack.gateway.calls.filter((c) => c.principal === stack.check.definition.roleLogicalId).map((c) => ({ ...c }));
  await delivered();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await mof?.close();
});

interface Delivered {
  digests: Record<string, number>;
  events: Map<string, number>;
  operatorAlerts: number;
  undelivered: number;
}

/** What every channel received since the last look. */
async function delivered(): Promise<Delivered> {
  const digests: Record<string, number> = {};
  let operatorAlerts = 0;
  for (const person of stack.account.people) {
    const messages = await takePersonMessages(stack.account, person);
    if (person.topicArn === stack.account.output('OperatorTopicArn')) operatorAlerts += messages.length;
    else digests[`${person.protocol}:${person.endpoint}`] = messages.filter((m) => m.attributes.kind === 'digest').length;
  }
  const events = new Map<string, number>();
  for (const { body } of await takeMessages(stack.account, queueUrlOf(stack.account, 'WebhooksQueue'))) {
    const id = (JSON.parse(body) as { id: string }).id;
    events.set(id, (events.get(id) ?? 0) + 1);
  }
  const undelivered = (await takeMessages(stack.account, queueUrlOf(stack.account, 'NotificationsUndelivered'))).length;
  return { digests, events, operatorAlerts, undelivered };
}

/** What a call that broke after taking effect may have sent: its events, or the digest. */
function mayRepeat(call: AwsCall | undefined): { events: Set<string>; digest: boolean } {
  if (!call || call.failed !== 'after' || !call.body) return { events: new Set(), digest: false };
  const form = new URLSearchParams(call.body);
  if (call.action === 'sns:PublishBatch') {
    return { events: new Set([...form].filter(([k]) => /^PublishBatchRequestEntries\.member\.\d+\.Id$/.test(k)).map(([, v]) => v)), digest: false };
  }
  const digest = call.action === 'sns:Publish' && form.get('TopicArn') === stack.account.output('ChangeTopicArn');
  return { events: new Set(), digest };
}

/** The digests each person's filter lets through for an amendment of the twelve (regimes 28, 29, 34). */
const EXPECTED_DIGESTS = { 'email:compliance-team@example.com': 1, 'email:russia-desk@example.com': 1, 'sms:+819012345678': 0 };

/** One case: break call n, retry until the run succeeds; returns what went wrong, if anything. */
async function breakAndRetry(n: number, when: 'before' | 'after'): Promise<string[]> {
  const label = `${when} call ${n} (${script[n - 1]!.action})`;
  const role = stack.check.definition.roleLogicalId;
  mof.files.set(LIST, nextEdition());
  stack.gateway.resetCalls();
  stack.gateway.failAt({ principal: role, n, when });
  const runs: Array<{ outcome?: string; error?: string }> = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const { result, error } = await stack.check.invoke<{ outcome: string }>({});
    runs.push({ ...(result && { outcome: result.outcome }), ...(error !== undefined && { error }) });
    if (result) break;
  }
  const problems: string[] = [];
  const broken = stack.gateway.calls.find((c) => c.failed);
  if (!broken) problems.push(`${label}: the fault never fired (the run made ${stack.gateway.calls.length} calls)`);
  const failedRuns = runs.filter((r) => r.error !== undefined).length;
  if (runs.at(-1)?.error !== undefined) problems.push(`${label}: still failing after ${runs.length} runs: ${runs.at(-1)!.error}`);

  const got = await delivered();
  const repeatable = mayRepeat(broken);
  if (got.events.size !== MAY_2024_KEYS.length) problems.push(`${label}: ${got.events.size} distinct events reached the webhook queue, not ${MAY_2024_KEYS.length}`);
  for (const [id, count] of got.events) {
    if (count > (repeatable.events.has(id) ? 2 : 1)) problems.push(`${label}: event ${id} reached the webhook queue ${count} times`);
  }
  for (const [who, expected] of Object.entries(EXPECTED_DIGESTS)) {
    const count = got.digests[who] ?? 0;
    const allowed = expected + (repeatable.digest && expected > 0 ? 1 : 0);
    if (count < expected || count > allowed) problems.push(`${label}: ${who} got ${count} digests, expected ${expected}`);
  }
  if (got.operatorAlerts !== failedRuns) problems.push(`${label}: ${got.operatorAlerts} operator alerts for ${failedRuns} failed runs`);
  if (got.undelivered !== 0) problems.push(`${label}: ${got.undelivered} messages SNS could not deliver`);
  const state = (await tableItems(stack.account)).find((i) => i.sk === 'STATE');
  if (state?.version !== state?.publishedVersion) problems.push(`${label}: STATE version ${String(state?.version)} published ${String(state?.publishedVersion)}`);
  return problems;
}

const isPublish = (c: AwsCall) => c.action.startsWith('sns:');

async function breakEach(when: 'before' | 'after'): Promise<void> {
  const problems: string[] = [];
  for (const n of breakPoints(script, when)) problems.push(...(await breakAndRetry(n, when)));
  expect(problems).toEqual([]);
}

describeWithMoto('a changed run broken at one AWS call, then retried', () => {
  it('is a run of twelve events in two batches and one digest, with its commit before its publishing', () => {
    expect(script.filter((c) => c.action === 'sns:PublishBatch')).toHaveLength(2);
    expect(script.filter((c) => c.action === 'sns:Publish')).toHaveLength(1);
    expect(script.findIndex(isPublish)).toBeGreaterThan(script.findIndex((c) => c.action === 'dynamodb:UpdateItem'));
  });

  it.each(['before', 'after'] as const)('loses nothing and repeats only what the broken call carried, broken %s each call', (when) =>
    breakEach(when), 600_000);
});
