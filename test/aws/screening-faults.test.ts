import { may2024Amended } from '../support/fixtures';
import { linkCsvOnly, startMofServer, type MofServer } from '../support/mof-server';
import { breakPoints, type AwsCall } from './aws-gateway';
import { againstMofServer, queueUrlOf, startEmulatedStack, tableItems, takeMessages, takePersonMessages, type EmulatedStack } from './harness';
import { describeWithMoto } from './moto';
import { expectedMay2024, hitPairs, listRun, matchPairs, MLRO, MLRO_PHONE, published, SCREENING_EXAMPLE_CONFIG, screeningItems, uploadCustomerFile } from './rescreening';

/**
 * A changed run with re-screening on, broken at one AWS call (before the call reached the emulator, or after it took
 * effect but before the function heard back), then run again: as Lambda retries a failed invocation, and as the next
 * scheduled check follows one whose re-screening stopped. For each version, in the end: the compliance digest reached
 * each recipient once (twice only when the broken call was that very Publish, broken after SNS took it: the window
 * the README states), the table holds one HIT item per matched customer and entry, the run is marked sent, and the
 * cursor stands on the version with no problem left. The operator heard of every failure.
 *
 * Each case moves the list one edition on: the twelve entries of 24 May 2024 amended again, so that each case is a
 * changed run whose twelve amendments are re-screened against the same customer file. Compliance hears that
 * re-screening stopped and that it resumed whenever a check stopped it. Only re-screening's calls are
 * broken; the list's own (download, commit, digest, events) are faults.test.ts's.
 */
const LIST = 'shisantouketsu20260828.csv';
let mof: MofServer;
let stack: EmulatedStack;
/** The check's AWS calls in a changed, re-screened run that nothing broke. */
let script: AwsCall[];
let expectedPairs: string[];
let edition = 0;

interface CheckResult {
  outcome: string;
  screening?: { runs: Array<{ version: number; sent: boolean }>; problem: string | null };
}

beforeAll(async () => {
  expectedPairs = matchPairs(await expectedMay2024());
  mof = await startMofServer();
  linkCsvOnly(mof);
  stack = await startEmulatedStack(SCREENING_EXAMPLE_CONFIG, againstMofServer(mof));
  await uploadCustomerFile(stack);
  expect((await stack.check.invoke<CheckResult>({})).result?.outcome).toBe('baseline');
  edition += 1;
  mof.files.set(LIST, may2024Amended(edition));
  stack.gateway.resetCalls();
  const { result } = await stack.check.invoke<CheckResult>({});
  expect(result).toMatchObject({ outcome: 'changed', screening: { runs: [{ version: 2, sent: true }], problem: null } });
  script = stack.gateway.calls.filter((c) => c.principal === stack.check.definition.roleLogicalId).map((c) => ({ ...c }));
  await delivered();
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await mof?.close();
});

/** What the compliance recipients and the operator received since the last look; everyone's stand-in is emptied. */
async function delivered(): Promise<{ compliance: Record<string, number>; operatorAlerts: number; undelivered: number }> {
  const compliance: Record<string, number> = {};
  let operatorAlerts = 0;
  for (const person of stack.account.people) {
    const messages = await takePersonMessages(stack.account, person);
    if (person.topicArn === stack.account.output('ComplianceTopicArn')) compliance[`${person.protocol}:${person.endpoint}`] = messages.length;
    if (person.topicArn === stack.account.output('OperatorTopicArn')) operatorAlerts += messages.length;
  }
  await takeMessages(stack.account, queueUrlOf(stack.account, 'WebhooksQueue'));
  const undelivered = (await takeMessages(stack.account, queueUrlOf(stack.account, 'NotificationsUndelivered'))).length;
  return { compliance, operatorAlerts, undelivered };
}

const isCompliancePublish = (call: AwsCall | undefined) =>
  call?.action === 'sns:Publish' && new URLSearchParams(call.body).get('TopicArn') === stack.account.output('ComplianceTopicArn');

/** One case: break call n, then check again until a check ends with nothing failed and nothing stopped. */
async function breakAndRecheck(n: number, when: 'before' | 'after'): Promise<string[]> {
  const label = `${when} call ${n} (${script[n - 1]!.action})`;
  edition += 1;
  mof.files.set(LIST, may2024Amended(edition));
  stack.gateway.resetCalls();
  stack.gateway.failAt({ principal: stack.check.definition.roleLogicalId, n, when });
  const runs: Array<{ failed: boolean; stopped: boolean }> = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const { result, error } = await stack.check.invoke<CheckResult>({});
    runs.push({ failed: error !== undefined, stopped: result?.screening?.problem != null });
    if (result && result.screening?.problem === null) break;
  }
  const problems: string[] = [];
  const broken = stack.gateway.calls.find((c) => c.failed);
  if (!broken) problems.push(`${label}: the fault never fired (the run made ${stack.gateway.calls.length} calls)`);
  const last = runs.at(-1)!;
  if (last.failed || last.stopped) problems.push(`${label}: still ${last.failed ? 'failing' : 'stopped'} after ${runs.length} checks`);

  const items = await tableItems(stack.account);
  const version = Number(items.find((i) => i.sk === 'STATE')?.version);
  const toCompliance = published(stack).filter((p) => p.topicArn === stack.account.output('ComplianceTopicArn'));
  const digests = toCompliance.filter((p) => /potential match/.test(p.subject)).length;
  const statuses = toCompliance.map((p) => /re-screening (stopped|resumed)/.exec(p.subject)?.[1]).filter(Boolean);
  const got = await delivered();
  const allowed = isCompliancePublish(broken) && broken?.failed === 'after' ? 2 : 1;
  if (digests < 1 || digests > allowed) problems.push(`${label}: ${digests} compliance digests published, expected ${allowed === 1 ? 1 : '1 or 2'}`);
  for (const who of [`email:${MLRO}`, `sms:${MLRO_PHONE}`]) {
    if (got.compliance[who] !== toCompliance.length) problems.push(`${label}: ${who} received ${got.compliance[who]} of ${toCompliance.length} compliance messages`);
  }
  const screening = await screeningItems(stack);
  const pairs = hitPairs(screening, listRun(version));
  if (JSON.stringify(pairs) !== JSON.stringify(expectedPairs)) problems.push(`${label}: version ${version} HIT items ${pairs.join(', ')}`);
  const run = screening.find((i) => i.sk === listRun(version));
  if (!run?.sentAt) problems.push(`${label}: version ${version}'s run is not marked sent`);
  const state = screening.find((i) => i.sk === 'SCREENING#STATE');
  if (state?.screenedVersion !== version || state.problem !== undefined) problems.push(`${label}: the cursor is ${JSON.stringify(state)} after version ${version}`);

  const troubled = runs.filter((r) => r.failed || r.stopped).length;
  const stopped = runs.filter((r) => r.stopped).length;
  // Compliance hears that screening stopped, and that it resumed: no news must not pass for no match.
  const expectedStatuses = stopped > 0 ? ['stopped', 'resumed'] : [];
  if (JSON.stringify(statuses) !== JSON.stringify(expectedStatuses)) problems.push(`${label}: compliance heard ${JSON.stringify(statuses)} after ${stopped} stopped checks`);
  // A failed check alerts once; stopped re-screening alerts when it stops and when it works again.
  if (got.operatorAlerts < Math.min(troubled, 1) || got.operatorAlerts > troubled + stopped) {
    problems.push(`${label}: ${got.operatorAlerts} operator alerts for ${troubled} failed or stopped checks`);
  }
  if (got.undelivered !== 0) problems.push(`${label}: ${got.undelivered} messages SNS could not deliver`);
  return problems;
}

const isChangeDigest = (call: AwsCall) => call.action === 'sns:Publish' && new URLSearchParams(call.body).get('TopicArn') === stack.account.output('ChangeTopicArn');

/** Re-screening's calls: those after the list's own publishing (its digest and the marks after it), which faults.test.ts breaks. */
function screeningStep(): AwsCall[] {
  const digest = script.findIndex(isChangeDigest);
  const first = script.findIndex((c, i) => i > digest && c.action === 'dynamodb:GetItem');
  return script.slice(first);
}

describeWithMoto('a changed run with re-screening, broken at one AWS call, then checked again', () => {
  it('re-screens after the list is published: reads the customer file, records the hits, then sends the digest, then marks it sent', () => {
    const step = screeningStep();
    expect(step[0]!.n).toBeGreaterThan(script.findIndex(isChangeDigest) + 1);
    const at = (predicate: (c: AwsCall) => boolean) => step.findIndex(predicate);
    const readFile = at((c) => c.action === 's3:GetObject');
    const writeHits = step.findLastIndex((c) => c.action === 'dynamodb:BatchWriteItem');
    const digest = at(isCompliancePublish);
    expect(readFile).toBeGreaterThanOrEqual(0);
    expect(writeHits).toBeGreaterThan(readFile);
    expect(digest).toBeGreaterThan(writeHits);
    expect(step.slice(digest + 1).some((c) => c.action === 'dynamodb:UpdateItem')).toBe(true);
    expect(script.filter(isCompliancePublish)).toHaveLength(1);
    expect(script.filter((c) => c.action === 's3:GetObject')).toHaveLength(1);
  });

  it.each(['before', 'after'] as const)('sends each digest once and records every hit, broken %s each call', async (when) => {
    const problems: string[] = [];
    for (const n of breakPoints(screeningStep(), when)) problems.push(...(await breakAndRecheck(n, when)));
    expect(problems).toEqual([]);
  }, 600_000);
});
