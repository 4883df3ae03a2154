import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { S3Archive } from '../../shared/aws/s3-archive';
import { S3ScreeningBatches } from '../../shared/aws/s3-screening-batches';
import { SnsComplianceNotifier } from '../../shared/aws/sns-compliance-notifier';
import { SnsNotifier } from '../../shared/aws/sns-notifier';
import { type DistributedScreeningDependencies, failRun, finishRun, nextTurn, startRun } from '../../shared/check/distributed-screening';
import { readScreeningConfig } from './config';

/**
 * The state machine's own steps around the distributed map, one function: `start` pins the customer file's version
 * and fixes the list's version and the run number (or, for a version the check handed over, the run of that
 * version's changes), or leaves a file the check holds to the check; `turn` says whether the run before it is done;
 * `finish` records the run and sends its digest once (or stops a file that shrank, unless the execution's input
 * accepts it); `fail` tells the operator and the compliance channel that the
 * run stopped (the map failed after its retries).
 */
const RunInput = z.object({
  trigger: z.enum(['customers', 'list']),
  version: z.number().int().positive(),
  run: z.number().int().nonnegative(),
  previous: z.number().int().nonnegative(),
  versionId: z.string().min(1),
});
/**
 * The execution's input: `{ "object": { "versionId": … } }` from an upload (EventBridge, the event's version-id),
 * `{ "version": n }` from the check handing a version over.
 */
const RunRequest = z.object({
  version: z.number().int().positive().optional(),
  // An operator's execution accepting a customer file that shrank, as the check's event does.
  acceptCustomers: z.string().regex(/^[0-9a-f]{64}$/, 'expected the sha256 of the customer file (64 hex digits)').optional(),
  by: z.string().min(1).default('an execution input'),
  reason: z.string().min(1).default('accepted by an execution input without a reason'),
  // null or absent: a bucket without versioning (EventBridge's event then has no version-id); the newest is pinned.
  object: z.object({ versionId: z.string().min(1).nullish() }).loose().optional(),
}).loose();
export const StepEvent = z.discriminatedUnion('step', [
  z.object({ step: z.literal('start'), request: RunRequest.prefault({}), execution: z.string().min(1).optional() }),
  z.object({ step: z.literal('turn'), input: RunInput }),
  z.object({ step: z.literal('finish'), input: RunInput, request: RunRequest.prefault({}) }),
  z.object({ step: z.literal('fail'), input: RunInput, error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose() }),
]);

let dependencies: DistributedScreeningDependencies | undefined;

function wire(): DistributedScreeningDependencies {
  const config = readScreeningConfig(process.env);
  if (!config.COMPLIANCE_TOPIC_ARN || !config.OPERATOR_TOPIC_ARN) throw new Error('invalid screening configuration: the steps need COMPLIANCE_TOPIC_ARN and OPERATOR_TOPIC_ARN');
  const s3 = new S3Client({});
  const sns = new SNSClient({});
  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const archive = new S3Archive(s3, config.ARCHIVE_BUCKET);
  return {
    store: new DynamoDbSnapshotStore({ client: dynamo, tableName: config.TABLE_NAME, overflow: archive }),
    log: new DynamoDbScreeningLog({ client: dynamo, tableName: config.TABLE_NAME }),
    batches: new S3ScreeningBatches(s3, config.ARCHIVE_BUCKET),
    compliance: new SnsComplianceNotifier({ client: sns, topicArn: config.COMPLIANCE_TOPIC_ARN }),
    // Operator alerts only: this function publishes to no change topic, so it never stores an event by reference.
    notifier: new SnsNotifier({ client: sns, changeTopicArn: config.OPERATOR_TOPIC_ARN, operatorTopicArn: config.OPERATOR_TOPIC_ARN, events: archive }),
    clock: { now: () => new Date() },
    customersKey: config.CUSTOMERS_KEY,
    location: `s3://${config.ARCHIVE_BUCKET}/${config.CUSTOMERS_KEY}`,
    threshold: config.SCREENING_THRESHOLD,
  };
}

export async function handler(event: unknown): Promise<unknown> {
  dependencies ??= wire();
  const parsed = StepEvent.parse(event);
  if (parsed.step === 'start') {
    const { version, object } = parsed.request;
    return startRun(dependencies, version !== undefined ? { version } : object?.versionId ? { object: { versionId: object.versionId } } : {}, parsed.execution);
  }
  if (parsed.step === 'turn') return nextTurn(dependencies, parsed.input);
  if (parsed.step === 'finish') {
    const { acceptCustomers, by, reason } = parsed.request;
    return finishRun(dependencies, parsed.input, acceptCustomers ? { sha256: acceptCustomers, by, reason } : undefined);
  }
  await failRun(dependencies, parsed.input, describeError(parsed.error));
  return { failed: true };
}

/** Step Functions' error and cause; a Lambda error's cause is its JSON (errorMessage first). */
function describeError(error: { Error?: string; Cause?: string }): string {
  try {
    const cause = JSON.parse(error.Cause ?? '') as { errorMessage?: string };
    if (cause.errorMessage) return `${error.Error ?? 'error'}: ${cause.errorMessage}`;
  } catch {
    // not JSON: the cause as given
  }
  return [error.Error, error.Cause].filter(Boolean).join(': ') || 'unknown error';
}
