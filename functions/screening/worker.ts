import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { S3Archive } from '../../shared/aws/s3-archive';
import { S3ScreeningBatches } from '../../shared/aws/s3-screening-batches';
import { BatchWorker, type BatchSummary } from '../../shared/check/batch-worker';
import { CUSTOMER_COLUMNS } from '../../shared/screening/customers';
import { readScreeningConfig } from './config';

/**
 * A child of the distributed map: one batch of the customer file's rows (shared/check/batch-worker.ts). The worker,
 * and with it the list's index, lives as long as the container, which serves many batches.
 */
const Item = z.object({ row: z.number().int().nonnegative(), values: z.partialRecord(z.enum(CUSTOMER_COLUMNS), z.string()) });
export const WorkerEvent = z.object({
  Items: z.array(Item).min(1),
  BatchInput: z.object({
    trigger: z.enum(['customers', 'list']),
    version: z.number().int().positive(),
    run: z.number().int().nonnegative(),
    previous: z.number().int().nonnegative(),
  }),
});

let worker: BatchWorker | undefined;

function wire(): BatchWorker {
  const config = readScreeningConfig(process.env);
  const s3 = new S3Client({});
  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return new BatchWorker({
    store: new DynamoDbSnapshotStore({ client: dynamo, tableName: config.TABLE_NAME, overflow: new S3Archive(s3, config.ARCHIVE_BUCKET) }),
    batches: new S3ScreeningBatches(s3, config.ARCHIVE_BUCKET),
    threshold: config.SCREENING_THRESHOLD,
    location: `s3://${config.ARCHIVE_BUCKET}/${config.CUSTOMERS_KEY}`,
  });
}

export async function handler(event: unknown): Promise<BatchSummary & { hits: number }> {
  worker ??= wire();
  const { Items, BatchInput } = WorkerEvent.parse(event);
  return worker.screen(BatchInput, Items);
}
