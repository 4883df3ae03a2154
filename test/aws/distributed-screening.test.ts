import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CsvRecords } from '../support/fixtures';
import { startMofServer, type MofServer } from '../support/mof-server';
import { againstMofServer, startEmulatedStack, tableItems, takePersonMessages, type EmulatedStack } from './harness';
import { startFunction, type RunningFunction } from './lambda-runtime';
import { describeWithMoto } from './moto';
import { CUSTOMER_FILE, CUSTOMERS_KEY, customersRun, expectedMay2024, hitPairs, LARGE_FILE_CUSTOMERS, largeCustomerFile, matchPairs, MLRO, SCREENING_EXAMPLE_CONFIG, screeningItems } from './rescreening';

/**
 * The distributed screening's worker and steps, as their esbuild bundles, in the emulated account: real S3,
 * DynamoDB and SNS calls through the gateway that enforces each function's role from the template. The state
 * machine itself cannot run here (moto rejects ItemBatcher and ProcessorConfig): the test does what it would, in its
 * order, with the input EventBridge gives it (the uploaded object's version): start, each batch as the CSV item
 * reader and item batcher hand it (the five columns given, rows numbered from 0), a batch failing once and retried,
 * then finish, retried too; a second delivery of the same upload waiting its turn, then leaving the version screened;
 * and a file the check holds, left to the check.
 */
const LIST = 'shisantouketsu20260828.csv';
const COLUMNS = ['id', 'name', 'dob', 'country', 'entityType'] as const;
const BATCH = 1_500;

let mof: MofServer;
let stack: EmulatedStack;
let worker: RunningFunction;
let steps: RunningFunction;

beforeAll(async () => {
  mof = await startMofServer();
  mof.files.set(LIST, CsvRecords.excerpt().toBytes());
  stack = await startEmulatedStack(SCREENING_EXAMPLE_CONFIG, againstMofServer(mof));
  const definition = (prefix: string) => stack.account.functions.find((f) => f.logicalId.startsWith(prefix))!;
  const start = (prefix: string) => startFunction(stack.assemblyDirectory, definition(prefix), { awsEndpoint: stack.gateway.endpoint });
  [worker, steps] = await Promise.all([start('ScreeningWorkerFunction'), start('ScreeningStepsFunction')]);
}, 240_000);
afterAll(async () => {
  await Promise.all([worker?.stop(), steps?.stop()]);
  await stack?.stop();
  await mof?.close();
});

/** The customer file's rows as the item reader and batcher hand them to the workers. */
function batches(file: string, run: object): Array<{ Items: Array<{ row: number; values: Record<string, string> }>; BatchInput: object }> {
  const rows = file.trimEnd().split('\n').map((line, row) => ({ row, values: Object.fromEntries(line.split(',').map((v, k) => [COLUMNS[k]!, v])) }));
  const result = [];
  for (let from = 0; from < rows.length; from += BATCH) result.push({ Items: rows.slice(from, from + BATCH), BatchInput: run });
  return result;
}

async function invoke<T>(fn: RunningFunction, event: unknown): Promise<T> {
  const { result, error } = await fn.invoke<T>(event);
  if (error !== undefined) throw new Error(`${fn.definition.logicalId} failed: ${error}`);
  return result!;
}

/** An upload, and the execution input EventBridge makes of its event: the object's version. */
async function upload(body: string): Promise<{ object: { versionId: string } }> {
  const put = await stack.account.clients.s3.send(new PutObjectCommand({ Bucket: stack.account.bucketName, Key: CUSTOMERS_KEY, Body: body, ContentType: 'text/csv' }));
  expect(put.VersionId).toEqual(expect.any(String));
  return { object: { versionId: put.VersionId! } };
}

type RunStep = { trigger: string; version: number; run: number; previous: number; versionId: string; next: string };

describeWithMoto('the distributed screening’s bundles in an emulated account', () => {
  it('a file the check holds is left to the check: no run number taken, nothing screened', async () => {
    const { error } = await stack.check.invoke({});
    expect(error).toBeUndefined();
    const request = await upload(CUSTOMER_FILE);
    expect(await invoke<RunStep>(steps, { step: 'start', request })).toMatchObject({ run: 0, versionId: request.object.versionId, next: 'leave' });
    expect((await tableItems(stack.account)).filter((i) => String(i.sk).startsWith('SCREENING#CLAIM#'))).toEqual([]);
  }, 120_000);

  it('screens an uploaded file above the check’s limit batch by batch, a failed batch retried, one digest though the final step runs twice; the same upload delivered twice runs once', async () => {
    const file = largeCustomerFile();
    const request = await upload(file);
    const mlro = stack.account.people.find((p) => p.protocol === 'email' && p.endpoint === MLRO)!;
    await takePersonMessages(stack.account, mlro);

    const run = await invoke<RunStep>(steps, { step: 'start', request });
    expect(run).toMatchObject({ trigger: 'customers', version: 1, versionId: request.object.versionId, next: 'screen' });
    // EventBridge delivers the same event again: a second execution takes the next number and waits its turn.
    const again = await invoke<RunStep>(steps, { step: 'start', request });
    expect(again).toMatchObject({ run: run.run + 1, next: 'wait' });

    const all = batches(file, run);
    expect(all.length).toBeGreaterThan(2);
    // The second batch's second AWS call (a batch file's PUT) fails after it took effect. The gateway numbers a
    // principal's calls from its start, and the worker's calls are all in its log.
    const workerCalls = () => stack.gateway.calls.filter((c) => c.principal === worker.definition.roleLogicalId).length;
    let failures = 0;
    for (const batch of all) {
      if (batch === all[1]) stack.gateway.failAt({ principal: worker.definition.roleLogicalId, n: workerCalls() + 2, when: 'after' });
      const first = await worker.invoke(batch);
      if (first.error !== undefined) {
        failures++;
        // Step Functions retries the child: the batch rewrites its own files.
        await invoke(worker, batch);
      }
    }
    expect(failures).toBe(1);
    expect(stack.gateway.calls.filter((c) => c.principal === worker.definition.roleLogicalId && c.denied)).toEqual([]);

    // A newer file is uploaded before the final step: the run records the version it screened.
    await upload(CUSTOMER_FILE);
    const summary = await invoke<{ customers: number; customersHit: number }>(steps, { step: 'finish', input: run });
    expect(summary.customers).toBe(LARGE_FILE_CUSTOMERS);
    expect(await invoke(steps, { step: 'finish', input: run })).toEqual(summary);
    const header = (await tableItems(stack.account)).find((i) => i.sk === customersRun(run.run))!;
    expect(JSON.parse(String(header.run)).customerFile).toMatchObject({ sha256: createHash('sha256').update(file).digest('hex'), objectVersion: run.versionId });

    // Every match recorded, against the whole list as of version 1; the May 2024 variants among them.
    const items = await screeningItems(stack);
    const recorded = hitPairs(items, customersRun(run.run));
    for (const pair of matchPairs(await expectedMay2024())) expect(recorded).toContain(pair);
    const digests = (await takePersonMessages(stack.account, mlro)).filter((m) => m.subject.includes('顧客照合'));
    expect(digests).toHaveLength(1);

    // Its turn now, the second execution finds its version screened by the run before it, and leaves it.
    expect(await invoke<RunStep>(steps, { step: 'turn', input: again })).toMatchObject({ run: again.run, previous: run.run, next: 'leave' });
    const mine = [worker, steps].map((f) => f.definition.roleLogicalId);
    expect(stack.gateway.calls.filter((c) => mine.includes(c.principal) && c.denied)).toEqual([]);
  }, 600_000);

  it('a failed run tells the operator and the compliance topic', async () => {
    const mlro = stack.account.people.find((p) => p.protocol === 'email' && p.endpoint === MLRO)!;
    await takePersonMessages(stack.account, mlro);
    await invoke(steps, { step: 'fail', input: { trigger: 'customers', version: 1, run: 9, previous: 8, versionId: 'null' }, error: { Error: 'Error', Cause: JSON.stringify({ errorMessage: 'customers.csv row 7, column dob: not a date' }) } });
    const told = await takePersonMessages(stack.account, mlro);
    expect(told.map((m) => m.message).join('\n')).toContain('row 7, column dob: not a date');
  }, 120_000);
});
