import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sampleChangeEvent } from '../cli/commands/webhook-sample';
import { DynamoDbDeliveryLog } from '../shared/aws/webhook-delivery-log';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { deliverBatch, type BatchDependencies } from '../shared/webhooks/deliver-batch';
import type { DeliveryAttempt, DeliveryState } from '../shared/webhooks/delivery-records';
import { webhookEndpoint } from '../shared/webhooks/endpoints';
import { postWebhook } from '../shared/webhooks/http-post';
import type { DeliveryLog } from '../shared/webhooks/ports';
import { QueuedMessage } from '../shared/webhooks/queued-message';
import { RetryPolicy } from '../shared/webhooks/retry-policy';
import { parseSigningSecrets } from '../shared/webhooks/signature';
import { verifyWebhook } from '../shared/webhooks/verify';

/**
 * `node --import tsx bench/webhooks.ts`: 1,000 change events delivered to a receiver on 127.0.0.1 that verifies
 * every signature, as the Lambda would (batches of 10, two batches at a time), with the delivery log in dynalite
 * over HTTP, then with an in-memory log to separate signing and HTTP from the log's cost. The delivering side runs
 * in a child process, so its peak RSS is its own, as a Lambda's memory would be; dynalite and the receiver stay here.
 */

const EVENTS = 1_000;
const BATCH = 10;
const CONCURRENT_BATCHES = 2;
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const TARGETS = { eventsPerSecond: 100, peakMb: 256 };

interface ChildResult {
  ms: number;
  peakMb: number;
  failures: number;
}

async function child(log: string, endpoint: string, url: string): Promise<void> {
  const sample = await sampleChangeEvent();
  const messages = Array.from({ length: EVENTS }, (_, i) => {
    const id = `chg_${createHash('sha256').update(`bench-${i}`).digest('hex').slice(0, 32)}`;
    return QueuedMessage.parse({
      messageId: `m-${i}`,
      receiptHandle: `r-${i}`,
      body: JSON.stringify({ ...sample, id }),
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: { kind: { dataType: 'String', stringValue: 'event' } },
    });
  });
  const keys = parseSigningSecrets(SECRET);
  const deps: BatchDependencies = {
    endpoints: [webhookEndpoint({ url, secretName: 'bench' })],
    log: log === 'dynamodb' ? dynamoLog(endpoint) : memoryLog(),
    keys: { keysFor: async () => keys },
    queue: {
      retryLater: async () => {
        throw new Error('no message may fail in this benchmark');
      },
      park: async () => {
        throw new Error('no message may be parked in this benchmark');
      },
    },
    events: {
      getEvent: async () => {
        throw new Error('no event goes by reference in this benchmark');
      },
    },
    post: (target, body, headers) => postWebhook(target, body, headers, { timeoutMs: 10_000, allowLoopback: true }),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    policy: RetryPolicy.parse({}),
    now: () => new Date(),
    sleep: async () => undefined,
    random: Math.random,
    remainingMs: () => 60_000,
  };

  let failures = 0;
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < messages.length) {
      const batch = messages.slice(next, next + BATCH);
      next += BATCH;
      failures += (await deliverBatch(batch, deps)).batchItemFailures.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_BATCHES }, worker));
  const result: ChildResult = { ms: performance.now() - start, peakMb: process.resourceUsage().maxRSS / 1024, failures };
  process.stdout.write(JSON.stringify(result));
}

function dynamoLog(endpoint: string): DeliveryLog {
  // The embedded store's own credentials, from the environment the parent set.
  const client = new DynamoDBClient({ endpoint, region: 'local' });
  return new DynamoDbDeliveryLog({ client: DynamoDBDocumentClient.from(client), tableName: 'jp-sanctions-monitor' });
}

function memoryLog(): DeliveryLog {
  const states = new Map<string, DeliveryState>();
  return {
    state: async (endpointId, eventId) => states.get(`${endpointId}/${eventId}`) ?? null,
    recordAttempt: async (input) => {
      const key = `${input.endpointId}/${input.eventId}`;
      const attempts = (states.get(key)?.attempts ?? 0) + 1;
      states.set(key, { endpointId: input.endpointId, eventId: input.eventId, url: input.url, attempts, ...(input.outcome === 'delivered' && { deliveredAt: input.at }) });
      return { ...input, attempt: attempts } satisfies DeliveryAttempt;
    },
    markParked: async () => undefined,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-bench-webhooks-'));
  const dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  let verified = 0;
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      verifyWebhook(Buffer.concat(chunks), request.headers, SECRET);
      verified++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  try {
    for (const log of ['dynamodb', 'memory']) {
      verified = 0;
      // Asynchronously: the receiver and dynalite answer the child from this process's event loop.
      // The store's credentials go by environment, not argv (which every local user can list).
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', __filename, '--child', log, dynamo.endpoint, url], {
        encoding: 'utf8',
        env: { ...process.env, AWS_ACCESS_KEY_ID: dynamo.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: dynamo.credentials.secretAccessKey },
      });
      const result = JSON.parse(stdout) as ChildResult;
      if (result.failures > 0 || verified !== EVENTS) throw new Error(`${log}: ${result.failures} failed, ${verified} of ${EVENTS} verified`);
      const perSecond = EVENTS / (result.ms / 1000);
      const ok = perSecond >= TARGETS.eventsPerSecond && result.peakMb <= TARGETS.peakMb;
      const name = log === 'dynamodb' ? 'delivery log in dynalite over HTTP' : 'delivery log in memory (signing and HTTP only)';
      process.stdout.write(
        `${ok ? 'ok  ' : 'MISS'} deliver ${EVENTS.toLocaleString('en')} signed events, ${name}: ${result.ms.toFixed(0)} ms, ` +
          `${perSecond.toFixed(0)} events/s (target ≥ ${TARGETS.eventsPerSecond}), peak ${result.peakMb.toFixed(0)} MB (target ≤ ${TARGETS.peakMb} MB)\n`,
      );
    }
  } finally {
    receiver.closeAllConnections();
    receiver.close();
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === '--child') void child(args[0]!, args[1]!, args[2]!);
else void main();
