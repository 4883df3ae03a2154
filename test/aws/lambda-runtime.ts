import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { ACCOUNT, REGION, type EmulatedAccount, type EventSourceMapping, type FunctionDefinition } from './emulated-account';

/**
 * A function of the template run from its esbuild bundle (not the TypeScript sources) in a worker thread, with the
 * environment the template gives it plus the AWS variables Lambda sets, its SDK pointed at `awsEndpoint`.
 */
export interface RunningFunction {
  definition: FunctionDefinition;
  /** Module load of the bundle, in the worker. */
  loadMs: number;
  environment: Record<string, string>;
  /** Everything it wrote (Powertools logs and metrics), one JSON object per line where it is JSON. */
  logs: Array<Record<string, unknown>>;
  invoke<T = unknown>(event: unknown): Promise<{ result?: T; error?: string }>;
  stop(): Promise<void>;
}

export function bundlePath(assemblyDirectory: string, definition: FunctionDefinition): string {
  const bundle = path.join(assemblyDirectory, `asset.${definition.assetKey.replace(/\.zip$/, '')}`, 'index.mjs');
  if (!existsSync(bundle)) throw new Error(`no bundle for ${definition.logicalId} at ${bundle}`);
  return bundle;
}

export async function startFunction(
  assemblyDirectory: string,
  definition: FunctionDefinition,
  options: { awsEndpoint: string; overrides?: Record<string, string> },
): Promise<RunningFunction> {
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    TZ: 'UTC',
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_LAMBDA_FUNCTION_NAME: definition.logicalId,
    // The role's logical id as the access key: the gateway tells the functions' calls apart by it.
    AWS_ACCESS_KEY_ID: definition.roleLogicalId,
    AWS_SECRET_ACCESS_KEY: 'emulated',
    AWS_ENDPOINT_URL: options.awsEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...definition.environment,
    ...options.overrides,
  };
  const worker = new Worker(path.join(__dirname, 'lambda-worker.mjs'), {
    workerData: { bundle: bundlePath(assemblyDirectory, definition), functionName: definition.logicalId, timeoutMs: definition.timeoutSeconds * 1000 },
    env: environment,
    stdout: true,
    stderr: true,
  });
  const logs: Array<Record<string, unknown>> = [];
  for (const stream of [worker.stdout, worker.stderr]) {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) logs.push(line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : { text: line });
    });
  }
  const waiting = new Map<number, (answer: { result?: unknown; error?: string }) => void>();
  let ready: (loadMs: number) => void;
  let failed: (error: Error) => void;
  const loaded = new Promise<number>((resolve, reject) => ((ready = resolve), (failed = reject)));
  worker.on('message', (message: { ready?: true; loadMs?: number; id?: number; result?: unknown; error?: string }) => {
    if (message.ready) return ready(message.loadMs!);
    const resolve = waiting.get(message.id!);
    waiting.delete(message.id!);
    resolve?.(message.error !== undefined ? { error: message.error } : { result: message.result });
  });
  worker.on('error', (error) => {
    failed(error);
    for (const resolve of waiting.values()) resolve({ error: `worker crashed: ${error.message}` });
  });
  const loadMs = await loaded;
  let invocations = 0;
  return {
    definition,
    loadMs,
    environment,
    logs,
    invoke: <T>(event: unknown) =>
      new Promise<{ result?: T; error?: string }>((resolve) => {
        const id = ++invocations;
        waiting.set(id, resolve as (answer: { result?: unknown; error?: string }) => void);
        worker.postMessage({ id, event });
      }),
    stop: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Lambda's SQS event source mapping, as the template configures it: receive up to BatchSize messages, invoke,
 * delete what the function did not report as failed. Until the queue has nothing visible.
 */
export interface Drained {
  responses: Array<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;
  /** Receipt handles of the messages the function reported as failed: in flight until their visibility ends. */
  retrying: string[];
}

export async function drainQueue(account: EmulatedAccount, mapping: EventSourceMapping, fn: RunningFunction): Promise<Drained> {
  const queueUrl = account.emulatorQueueUrl(mapping.queueUrl);
  const drained: Drained = { responses: [], retrying: [] };
  for (;;) {
    const { Messages = [] } = await account.clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: mapping.batchSize,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) return drained;
    const { result, error } = await fn.invoke<{ batchItemFailures: Array<{ itemIdentifier: string }> }>(sqsEvent(mapping, Messages));
    if (error !== undefined) throw new Error(`${fn.definition.logicalId} failed its batch: ${error}`);
    drained.responses.push(result!);
    const failed = new Set(mapping.reportBatchItemFailures ? result!.batchItemFailures.map((f) => f.itemIdentifier) : []);
    drained.retrying.push(...Messages.filter((m) => failed.has(m.MessageId!)).map((m) => m.ReceiptHandle!));
    const done = Messages.filter((m) => !failed.has(m.MessageId!));
    if (done.length > 0) {
      await account.clients.sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }),
      );
    }
    if (failed.size === Messages.length) return drained;
  }
}

function sqsEvent(mapping: EventSourceMapping, messages: Message[]): SQSEvent {
  const queueName = mapping.queueUrl.split('/').pop()!;
  return {
    Records: messages.map(
      (m): SQSRecord => ({
        messageId: m.MessageId!,
        receiptHandle: m.ReceiptHandle!,
        body: m.Body ?? '',
        attributes: {
          ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
          SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
          SenderId: m.Attributes?.SenderId ?? 'emulated',
          ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        },
        messageAttributes: Object.fromEntries(
          Object.entries(m.MessageAttributes ?? {}).map(([name, a]) => [
            name,
            {
              dataType: a.DataType!,
              ...(a.StringValue !== undefined && { stringValue: a.StringValue }),
              ...(a.BinaryValue !== undefined && { binaryValue: Buffer.from(a.BinaryValue).toString('base64') }),
              stringListValues: [],
              binaryListValues: [],
            },
          ]),
        ),
        md5OfBody: m.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queueName}`,
        awsRegion: REGION,
      }),
    ),
  };
}
