import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { CheckReport } from '../../shared/records';
import { itemBatches } from '../support/distributed-screening';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { startMofServer, type MofServer } from '../support/mof-server';
import { ACCOUNT, REGION } from './emulated-account';
import { againstMofServer, startEmulatedStack, tableItems, takePersonMessages, type EmulatedStack } from './harness';
import { startFunction, type RunningFunction } from './lambda-runtime';
import { describeWithMoto } from './moto';
import { CUSTOMER_FILE, CUSTOMERS_KEY, expectedMay2024, hitPairs, LARGE_FILE_CUSTOMERS, largeCustomerFile, listRun, matchPairs, MLRO, SCREENING_EXAMPLE_CONFIG, screeningItems } from './rescreening';

/**
 * A customer file too large for the check (200,001 customers: the bank's file of the re-screening suites, with its
 * unlisted customers repeated under new ids), after the 24 May 2024 designations, as bundles in the emulated
 * account: the check's bundle hands version 2 to the state machine by StartExecution (through the gateway, which
 * enforces the check's role from the template: states:StartExecution on that state machine), a retried check starts
 * no second execution, and the steps' and worker's bundles do what the execution would (moto cannot run the
 * distributed map; a stand-in state machine of the same ARN takes the start): every batch against the version's
 * twelve entries, the final step twice, one digest, every match recorded.
 */
const LIST = 'shisantouketsu20260828.csv';
const BATCH = 1_500;
const CUSTOMERS_IN_FILE = LARGE_FILE_CUSTOMERS;

let mof: MofServer;
let stack: EmulatedStack;
let worker: RunningFunction;
let steps: RunningFunction;
let stateMachineArn: string;

/** Step Functions' JSON protocol straight to moto (the test's own calls, not a function's). */
async function states<T>(operation: string, body: object): Promise<T> {
  const response = await fetch(stack.moto.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSStepFunctions.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=test/20261206/${REGION}/states/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${operation}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function invoke<T>(fn: RunningFunction, event: unknown): Promise<T> {
  const { result, error } = await fn.invoke<T>(event);
  if (error !== undefined) throw new Error(`${fn.definition.logicalId} failed: ${error}`);
  return result!;
}

beforeAll(async () => {
  mof = await startMofServer();
  mof.files.set(LIST, CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
  stack = await startEmulatedStack(SCREENING_EXAMPLE_CONFIG, againstMofServer(mof));
  const definition = (prefix: string) => stack.account.functions.find((f) => f.logicalId.startsWith(prefix))!;
  const start = (prefix: string) => startFunction(stack.assemblyDirectory, definition(prefix), { awsEndpoint: stack.gateway.endpoint });
  [worker, steps] = await Promise.all([start('ScreeningWorkerFunction'), start('ScreeningStepsFunction')]);
  // The stand-in: the ARN the check is told (SCREENING_STATE_MACHINE_ARN), a definition moto accepts.
  stateMachineArn = stack.check.definition.environment.SCREENING_STATE_MACHINE_ARN!;
  const name = stateMachineArn.split(':').pop()!;
  await states('CreateStateMachine', {
    name, roleArn: `arn:aws:iam::${ACCOUNT}:role/stand-in`,
    definition: JSON.stringify({ StartAt: 'Stand-in', States: { 'Stand-in': { Type: 'Pass', End: true } } }),
  });
}, 240_000);
afterAll(async () => {
  await Promise.all([worker?.stop(), steps?.stop()]);
  await stack?.stop();
  await mof?.close();
});

describeWithMoto('a customer file too large for the check, handed to the state machine (bundles in an emulated account)', () => {
  it('one execution per version though the check is retried, every batch against the version’s entries, one digest', async () => {
    const file = largeCustomerFile();
    await stack.account.clients.s3.send(new PutObjectCommand({ Bucket: stack.account.bucketName, Key: CUSTOMERS_KEY, Body: file, ContentType: 'text/csv' }));
    const baseline = CheckReport.parse(await invoke(stack.check, {}));
    // A baseline designates nothing: nothing handed over.
    expect(baseline.screening).toEqual({ runs: [], problem: null });

    mof.files.set(LIST, CsvRecords.excerpt().toBytes());
    const changed = CheckReport.parse(await invoke(stack.check, {}));
    expect(changed.outcome).toBe('changed');
    expect(changed.screening).toEqual({ runs: [], problem: null, handedOff: [{ version: 2, entries: 12, execution: 'version-2', started: true }] });

    // The check dies after its start and before it moves its cursor: Lambda's retry hands version 2 over again.
    await stack.account.clients.dynamodb.send(new UpdateItemCommand({
      TableName: stack.account.tableName,
      Key: { pk: { S: String((await tableItems(stack.account)).find((i) => i.sk === 'SCREENING#STATE')!.pk) }, sk: { S: 'SCREENING#STATE' } },
      UpdateExpression: 'SET screenedVersion = :v', ExpressionAttributeValues: { ':v': { N: '1' } },
    }));
    const retried = CheckReport.parse(await invoke(stack.check, {}));
    expect(retried.screening?.handedOff).toEqual([expect.objectContaining({ version: 2, execution: 'version-2' })]);
    const { executions } = await states<{ executions: Array<{ name: string; executionArn: string }> }>('ListExecutions', { stateMachineArn });
    expect(executions.map((e) => e.name)).toEqual(['version-2']);
    const { input } = await states<{ input: string }>('DescribeExecution', { executionArn: executions[0]!.executionArn });
    expect(JSON.parse(input)).toEqual({ version: 2 });
    const checkRole = stack.check.definition.roleLogicalId;
    expect(stack.gateway.calls.filter((c) => c.principal === checkRole && c.action === 'states:StartExecution').map((c) => c.denied ?? 'allowed')).toEqual(['allowed', 'allowed']);

    // What the execution does: start from its input, every batch as the item reader and batcher hand it, finish twice.
    const mlro = stack.account.people.find((p) => p.protocol === 'email' && p.endpoint === MLRO)!;
    await takePersonMessages(stack.account, mlro);
    const run = await invoke<{ trigger: string; version: number; run: number; previous: number; versionId: string }>(steps, { step: 'start', request: JSON.parse(input) });
    // Pinned to the file in the bucket at its start: the versioned archive's current version of the key.
    const head = await stack.account.clients.s3.send(new HeadObjectCommand({ Bucket: stack.account.bucketName, Key: CUSTOMERS_KEY }));
    expect(run).toEqual({ trigger: 'list', version: 2, run: 0, previous: 0, versionId: head.VersionId, next: 'screen' });
    expect(head.VersionId).toEqual(expect.any(String));
    // A newer file is uploaded while the execution runs: it is not what this run screens or records.
    await stack.account.clients.s3.send(new PutObjectCommand({ Bucket: stack.account.bucketName, Key: CUSTOMERS_KEY, Body: CUSTOMER_FILE, ContentType: 'text/csv' }));
    let hits = 0;
    for (const Items of itemBatches(file, BATCH)) hits += (await invoke<{ hits: number }>(worker, { Items, BatchInput: run })).hits;
    const summary = await invoke<{ customers: number; screened: number; customersHit: number }>(steps, { step: 'finish', input: run });
    expect(summary).toMatchObject({ customers: CUSTOMERS_IN_FILE, screened: CUSTOMERS_IN_FILE, customersHit: hits });
    expect(await invoke(steps, { step: 'finish', input: run })).toEqual(summary);

    const items = await screeningItems(stack);
    expect(hitPairs(items, listRun(2))).toEqual(matchPairs(await expectedMay2024()));
    const header = (await tableItems(stack.account)).find((i) => i.sk === listRun(2))!;
    expect(JSON.parse(String(header.run)).customerFile).toMatchObject({
      sha256: createHash('sha256').update(file).digest('hex'), customers: CUSTOMERS_IN_FILE, objectVersion: head.VersionId,
    });
    const digests = (await takePersonMessages(stack.account, mlro)).filter((m) => m.subject.includes('顧客照合'));
    expect(digests).toHaveLength(1);
    const roles = [worker, steps, stack.check].map((f) => f.definition.roleLogicalId);
    expect(stack.gateway.calls.filter((c) => roles.includes(c.principal) && c.denied)).toEqual([]);
  }, 600_000);
});
