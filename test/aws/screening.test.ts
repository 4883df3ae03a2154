import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { CustomerScreening } from '../../shared/screening/schemas';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { startMofServer, type MofServer } from '../support/mof-server';
import { againstMofServer, provision, startEmulatedStack, takePersonMessages, type EmulatedStack, type PersonMessage, type StackOptions } from './harness';
import { describeWithMoto } from './moto';
import {
  CUSTOMER_FILE,
  CUSTOMERS,
  CUSTOMERS_KEY,
  type CustomerRow,
  customersRun,
  expectedInitial,
  expectedMay2024,
  listRun,
  hitPairs,
  matchPairs,
  MLRO,
  MLRO_PHONE,
  published,
  type Published,
  SCREENING_EXAMPLE_CONFIG,
  screeningItems,
  uploadCustomerFile,
} from './rescreening';

/**
 * Re-screening deployed: the example configuration with `screening` on (an email and an SMS recipient), its real
 * bundles in the emulated account, a customer file (test/aws/rescreening.ts) uploaded where the stack's output
 * says, and the 24 May 2024 designations (one Russian individual, nine Russian entities, two Cyprus shipping
 * companies) as the change.
 */
const LIST = 'shisantouketsu20260828.csv';

let mof: MofServer;
let stack: EmulatedStack;
let options: StackOptions;
/** What the screening code finds for this file against the twelve entries of 24 May: what the deployed check must report. */
let expected: CustomerScreening;
/** And against the whole list the day before: the initial screening when screening is switched on. */
let initial: CustomerScreening;

beforeAll(async () => {
  [expected, initial] = await Promise.all([expectedMay2024(), expectedInitial()]);

  mof = await startMofServer();
  options = againstMofServer(mof);
  mof.files.set(LIST, CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
  stack = await startEmulatedStack(SCREENING_EXAMPLE_CONFIG, options);
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await mof?.close();
});

interface CheckResult {
  outcome: string;
  summary?: Record<string, number>;
  screening?: { runs: Array<{ version: number; customers: number; entries: number; customersHit: number; matches: number; sent: boolean }>; problem: string | null };
}

async function runCheck(): Promise<CheckResult> {
  const { result, error } = await stack.check.invoke<CheckResult>({});
  if (error !== undefined) throw new Error(`check failed: ${error}`);
  return result!;
}

const expectedPairs = () => matchPairs(expected);
const summaryOf = (trigger: 'list' | 'customers', version: number, customers: number, entries: number, screening: CustomerScreening) => ({
  trigger, version, customers, entries, customersHit: screening.hits.length, matches: matchPairs(screening).length, sent: true,
});

const topic = (name: 'ComplianceTopicArn' | 'ChangeTopicArn' | 'OperatorTopicArn') => stack.account.output(name);

/** Every stand-in's messages since the last look, by `protocol:endpoint`. */
async function inboxes(): Promise<Record<string, PersonMessage[]>> {
  const entries = await Promise.all(stack.account.people.map(async (p) => [`${p.protocol}:${p.endpoint}`, await takePersonMessages(stack.account, p)] as const));
  return Object.fromEntries(entries);
}

/** What a compliance message is, by its subject: potential matches, or re-screening stopped or resumed. */
const kindOf = (p: Published) => (/potential match/.test(p.subject) ? 'matches' : /re-screening (stopped|resumed)/.exec(p.subject)?.[1] ?? p.subject);
const emailOf = (p: Published) => (JSON.parse(p.message) as { email: string }).email;
const stateItem = async () => (await screeningItems(stack)).find((i) => i.sk === 'SCREENING#STATE');
/** The email names each customer with a match in a block of its own: score and entry key, and why (the name that matched). */
function expectEmailNames(email: string, screening: CustomerScreening): void {
  const blocks = email.split(/\n(?=\s*顧客 Customer )/);
  for (const hit of screening.hits) {
    const block = blocks.filter((b) => new RegExp(`^\\s*顧客 Customer ${hit.customerId}$`, 'm').test(b));
    expect([hit.customerId, block.length]).toEqual([hit.customerId, 1]);
    for (const match of hit.matches) {
      expect(block[0]).toContain(`${match.score.toFixed(3)}  ${match.key}`);
      expect(block[0]).toContain(`"${match.matchedName}"`);
    }
  }
  for (const c of CUSTOMERS.filter((x) => !screening.hits.some((h) => h.customerId === x.id))) expect([c.id, email.includes(c.id)]).toEqual([c.id, false]);
}

/** Where a customer's data could show: its id, its name, and each word of the name of four characters or more. */
const customerData = (c: CustomerRow) => [c.id, c.name, ...c.name.split(/\s+/).filter((w) => w.length >= 4)];

describeWithMoto('re-screening the customer file in an emulated account', () => {
  it('the screening parts of the template are in the account: the compliance topic, its two recipients, the check told where to look', () => {
    const recipients = stack.account.people.filter((p) => p.topicArn === topic('ComplianceTopicArn'));
    expect(recipients.map((p) => `${p.protocol}:${p.endpoint}`).sort()).toEqual([`email:${MLRO}`, `sms:${MLRO_PHONE}`]);
    expect(stack.check.environment).toMatchObject({ CUSTOMERS_KEY, COMPLIANCE_TOPIC_ARN: topic('ComplianceTopicArn'), ARCHIVE_BUCKET: stack.account.bucketName });
    expect(stack.check.environment).not.toHaveProperty('SCREENING_THRESHOLD');
  });

  it('the customer file is made of variants, not of the list’s own names, and the screening code finds each labelled one', () => {
    const rows = CsvRecords.excerpt().rows.map((r) => r.join(','));
    for (const c of CUSTOMERS) expect([c.id, rows.some((r) => r.includes(c.name))]).toEqual([c.id, false]);
    for (const c of CUSTOMERS.filter((x) => x.variantOf)) {
      expect([c.id, expected.hits.find((h) => h.customerId === c.id)?.matches.map((m) => m.key)]).toEqual([c.id, expect.arrayContaining([c.variantOf])]);
    }
    const mustNotMatch = CUSTOMERS.filter((c) => !c.variantOf).map((c) => c.id);
    expect(expected.hits.filter((h) => mustNotMatch.includes(h.customerId))).toEqual([]);
  });

  it('baseline: the initial screening, every customer against the whole list; the names of 24 May match nothing yet', async () => {
    const labelled = CUSTOMERS.filter((c) => c.variantOf).map((c) => c.id);
    expect(initial.hits.map((h) => h.customerId)).not.toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${labelled.join('|')})$`))]));
    // The name listed long before is the one an initial screening is for.
    expect(matchPairs(initial)).toContain('C-1009 029-000741');

    await uploadCustomerFile(stack);
    stack.gateway.resetCalls();
    const report = await runCheck();
    const listed = CsvRecords.excerpt().rows.length - MAY_2024_KEYS.length;
    expect(report).toMatchObject({ outcome: 'baseline', screening: { runs: [summaryOf('customers', 1, CUSTOMERS.length, listed, initial)], problem: null } });
    const compliance = published(stack).filter((p) => p.topicArn === topic('ComplianceTopicArn'));
    expect(compliance).toHaveLength(1);
    expectEmailNames(emailOf(compliance[0]!), initial);
    const got = await inboxes();
    expect([got[`email:${MLRO}`]?.length, got[`sms:${MLRO_PHONE}`]?.length]).toEqual([1, 1]);
    expect(hitPairs(await screeningItems(stack), customersRun(1))).toEqual(matchPairs(initial));
  });

  it('24 May 2024: one compliance digest naming each customer, entry, score and why; SMS without customer data; recorded once per customer and entry', async () => {
    mof.files.set(LIST, CsvRecords.excerpt().toBytes());
    stack.gateway.resetCalls();
    const report = await runCheck();
    expect(report).toMatchObject({ outcome: 'changed', summary: { designated: 12, delisted: 0, amended: 0, relisted: 0 } });
    expect(report.screening).toEqual({ runs: [summaryOf('list', 2, CUSTOMERS.length, 12, expected)], problem: null });

    const compliance = published(stack).filter((p) => p.topicArn === topic('ComplianceTopicArn'));
    expect(compliance).toHaveLength(1);
    expect(compliance[0]!.structure).toBe('json');
    const parts = JSON.parse(compliance[0]!.message) as { default: string; email: string; sms: string };
    expect(Object.keys(parts).sort()).toEqual(['default', 'email', 'sms']);
    expectEmailNames(parts.email, expected);
    for (const c of CUSTOMERS) for (const data of customerData(c)) expect([c.id, data, parts.sms.includes(data)]).toEqual([c.id, data, false]);

    // Customer data goes to the compliance topic only: not to change subscribers, webhooks, or operators.
    const elsewhere = published(stack).filter((p) => p.topicArn !== topic('ComplianceTopicArn'));
    expect(elsewhere.length).toBeGreaterThan(0);
    const batches = stack.gateway.calls.filter((c) => c.action === 'sns:PublishBatch').map((c) => c.body ?? '');
    for (const text of [...elsewhere.map((p) => p.message), ...batches]) for (const c of CUSTOMERS) expect(text.includes(c.id)).toBe(false);

    const got = await inboxes();
    expect(got[`email:${MLRO}`]).toHaveLength(1);
    expect(got[`sms:${MLRO_PHONE}`]).toHaveLength(1);
    expect(got[`email:${MLRO}`]![0]!.subject).toBe(compliance[0]!.subject);
    expect(got['email:compliance-team@example.com']).toHaveLength(1);
    expect(got['email:cloud-operations@example.com']).toEqual([]);

    const items = await screeningItems(stack);
    expect(hitPairs(items, listRun(2))).toEqual(expectedPairs());
    expect(await stateItem()).toMatchObject({ screenedVersion: 2, customerRuns: 1 });
    expect(await stateItem()).not.toHaveProperty('problem');
    expect(items.find((i) => i.sk === listRun(2))).toMatchObject({ hits: expectedPairs().length, sentAt: expect.any(String) });
    expect(items.every((i) => i.pk === 'LIST#mof')).toBe(true);
  });

  it('the next check sends nothing more to compliance, and records nothing new', async () => {
    const before = await screeningItems(stack);
    stack.gateway.resetCalls();
    expect(await runCheck()).toMatchObject({ outcome: 'unchanged' });
    expect(published(stack).filter((p) => p.topicArn === topic('ComplianceTopicArn'))).toEqual([]);
    const got = await inboxes();
    expect([got[`email:${MLRO}`], got[`sms:${MLRO_PHONE}`]]).toEqual([[], []]);
    expect((await screeningItems(stack)).map((i) => i.sk).sort()).toEqual(before.map((i) => i.sk).sort());
  });
});

describeWithMoto('re-screening while the customer file is missing', () => {
  beforeAll(async () => {
    mof.files.set(LIST, CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
    await provision(stack, options);
    await uploadCustomerFile(stack);
    expect(await runCheck()).toMatchObject({ outcome: 'baseline', screening: { problem: null } });
    await inboxes();
  }, 120_000);

  it('24 May 2024 with the file gone: operator and compliance recipients are told its bucket and key, subscribers still get their digest, the version is owed', async () => {
    // The deployer removed it (the versioned bucket keeps it behind a delete marker; the check reads the current one).
    await stack.account.clients.s3.send(new DeleteObjectCommand({ Bucket: stack.account.bucketName, Key: CUSTOMERS_KEY }));
    mof.files.set(LIST, CsvRecords.excerpt().toBytes());
    stack.gateway.resetCalls();
    const report = await runCheck();
    expect(report).toMatchObject({ outcome: 'changed', summary: { designated: 12 } });
    expect(report.screening).toEqual({ runs: [], problem: expect.stringContaining(`s3://${stack.account.bucketName}/${CUSTOMERS_KEY} does not exist, or the check may not read it`) });

    // The check asked for that key, allowed; S3 answered as it answers a role that may not list the bucket.
    const reads = stack.gateway.calls.filter((c) => c.principal === stack.check.definition.roleLogicalId && c.action === 's3:GetObject');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((c) => c.denied)).toEqual([]);

    const sent = published(stack);
    const alerts = sent.filter((p) => p.topicArn === topic('OperatorTopicArn'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain(`s3://${stack.account.bucketName}/${CUSTOMERS_KEY}`);
    // The compliance recipients hear that they are not being screened for, and why; no digest of matches.
    const compliance = sent.filter((p) => p.topicArn === topic('ComplianceTopicArn'));
    expect(compliance.map(kindOf)).toEqual(['stopped']);
    expect(emailOf(compliance[0]!)).toContain(`s3://${stack.account.bucketName}/${CUSTOMERS_KEY}`);
    const got = await inboxes();
    expect(got['email:cloud-operations@example.com']).toHaveLength(1);
    for (const who of ['email:compliance-team@example.com', 'email:russia-desk@example.com', 'sms:+819012345678']) expect([who, got[who]?.length]).toEqual([who, 1]);
    expect([got[`email:${MLRO}`]?.length, got[`sms:${MLRO_PHONE}`]?.length]).toEqual([1, 1]);
    expect(hitPairs(await screeningItems(stack), listRun(2))).toEqual([]);
    const state = await stateItem();
    expect(state).toMatchObject({ screenedVersion: 1 });
    expect(JSON.parse(String(state?.problem))).toMatchObject({ reason: expect.stringContaining(CUSTOMERS_KEY) });
  });

  it('the same problem at the next check: the operator is not told again the same day', async () => {
    stack.gateway.resetCalls();
    expect(await runCheck()).toMatchObject({ outcome: 'unchanged', screening: { runs: [], problem: expect.stringContaining(CUSTOMERS_KEY) } });
    expect(published(stack)).toEqual([]);
    expect(Object.values(await inboxes()).flat()).toEqual([]);
  });

  it('once the file is back, the next check screens the version it owes: one digest, its hits recorded, operator and compliance told', async () => {
    await uploadCustomerFile(stack);
    stack.gateway.resetCalls();
    const report = await runCheck();
    expect(report).toMatchObject({ outcome: 'unchanged' });
    expect(report.screening).toEqual({ runs: [summaryOf('list', 2, CUSTOMERS.length, 12, expected)], problem: null });
    const compliance = published(stack).filter((p) => p.topicArn === topic('ComplianceTopicArn'));
    expect(compliance.map(kindOf)).toEqual(['matches', 'resumed']);
    expect(emailOf(compliance[1]!)).toMatch(/Screened on resuming: version 2\b/);
    expect(published(stack).filter((p) => p.topicArn === topic('OperatorTopicArn'))).toHaveLength(1);
    const got = await inboxes();
    expect([got[`email:${MLRO}`]?.length, got[`sms:${MLRO_PHONE}`]?.length]).toEqual([2, 2]);
    expect(got['email:compliance-team@example.com']).toEqual([]);
    expect(hitPairs(await screeningItems(stack), listRun(2))).toEqual(expectedPairs());
    expect(await stateItem()).toMatchObject({ screenedVersion: 2, customerRuns: 1 });
    expect(await stateItem()).not.toHaveProperty('problem');

    stack.gateway.resetCalls();
    await runCheck();
    expect(published(stack)).toEqual([]);
  });
});

describeWithMoto('a template whose check would read another key fails in the emulated account', () => {
  afterAll(() => provision(stack, options), 60_000);

  it('CUSTOMERS_KEY naming a key the role does not grant: S3 refuses it, no match reaches compliance, the operator hears', async () => {
    const other = 'screening/other-customers.csv';
    const variant = JSON.parse(JSON.stringify(stack.template)) as typeof stack.template;
    const [fn] = Object.entries(variant.Resources).find(([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith('CheckFunction'))!;
    ((variant.Resources[fn]!.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables).CUSTOMERS_KEY = other;
    mof.files.set(LIST, CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
    await provision(stack, options, variant);
    // The file is there, under both keys: only the grant stands in the way.
    await uploadCustomerFile(stack);
    await stack.account.clients.s3.send(new PutObjectCommand({ Bucket: stack.account.bucketName, Key: other, Body: CUSTOMER_FILE }));
    stack.gateway.resetCalls();
    expect(await runCheck()).toMatchObject({ outcome: 'baseline' });
    mof.files.set(LIST, CsvRecords.excerpt().toBytes());
    const report = await runCheck();
    expect(report).toMatchObject({ outcome: 'changed', screening: { runs: [], problem: expect.stringContaining(other) } });

    const refused = stack.gateway.calls.filter((c) => c.action === 's3:GetObject' && c.denied);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const call of refused) expect(call.denied).toContain(`arn:aws:s3:::${stack.account.bucketName}/${other}`);
    // Told once, at the first check that met the problem: the operator, and compliance that screening stopped.
    expect(published(stack).filter((p) => p.topicArn === topic('ComplianceTopicArn')).map(kindOf)).toEqual(['stopped']);
    const alerts = published(stack).filter((p) => p.topicArn === topic('OperatorTopicArn'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain(other);
  });
});
