import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import { S3Archive } from '../../shared/aws/s3-archive';
import { sqsClient } from '../../shared/aws/sqs-client';
import { DynamoDbDeliveryLog } from '../../shared/aws/webhook-delivery-log';
import { SqsDeliveryQueue } from '../../shared/aws/webhook-queue';
import { SecretsManagerSigningKeys } from '../../shared/aws/webhook-secrets';
import { deliverBatch, type BatchDependencies, type BatchResponse } from '../../shared/webhooks/deliver-batch';
import { webhookEndpoint } from '../../shared/webhooks/endpoints';
import { postWebhook } from '../../shared/webhooks/http-post';
import { QueuedMessage } from '../../shared/webhooks/queued-message';
import { RetryPolicy } from '../../shared/webhooks/retry-policy';
import { readDeliveryConfig } from './config';

const logger = new Logger({ serviceName: 'jp-sanctions-monitor' });
type Wiring = Omit<BatchDependencies, 'remainingMs'>;
let wiring: Wiring | undefined;

/** Built once per container: clients keep their connections, and the signing keys their cache, between batches. */
function wire(): Wiring {
  const config = readDeliveryConfig(process.env);
  const policy = RetryPolicy.parse({ maxReceives: config.MAX_RECEIVES, attemptTimeoutMs: config.ATTEMPT_TIMEOUT_MS });
  return {
    endpoints: config.WEBHOOK_ENDPOINTS.map(webhookEndpoint),
    log: new DynamoDbDeliveryLog({ client: DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName: config.TABLE_NAME }),
    keys: new SecretsManagerSigningKeys({ client: new SecretsManagerClient({}) }),
    queue: new SqsDeliveryQueue({ client: sqsClient(), queueUrl: config.QUEUE_URL, deadLetterQueueUrl: config.DEAD_LETTER_QUEUE_URL }),
    events: new S3Archive(new S3Client({}), config.ARCHIVE_BUCKET),
    post: (url, body, headers) => postWebhook(url, body, headers, { timeoutMs: policy.attemptTimeoutMs, allowLoopback: config.ALLOW_LOOPBACK }),
    logger,
    policy,
    now: () => new Date(),
    sleep: (ms) => sleep(ms).then(() => undefined),
    random: Math.random,
  };
}

/**
 * The webhook queue's consumer (SQS event source, ReportBatchItemFailures). Throws only if it cannot start
 * (configuration); every per-message failure is a batch item failure, so one bad endpoint never fails the batch.
 */
export async function handler(event: SQSEvent, context: Context): Promise<BatchResponse> {
  logger.addContext(context);
  wiring ??= wire();
  const messages = event.Records.map((record) => QueuedMessage.parse(record));
  return deliverBatch(messages, { ...wiring, remainingMs: () => context.getRemainingTimeInMillis() });
}
