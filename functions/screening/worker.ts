import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { S3Archive } from '../../shared/aws/s3-archive';
import { S3ScreeningBatches } from '../../shared/aws/s3-screening-batches';
import { CUSTOMER_COLUMNS } from '../../shared/screening/customers';
import { screenBatch } from '../../shared/screening/batch-screening';
import { ScreeningIndex } from '../../shared/screening/screening-index';
import { readScreeningConfig } from './config';

/**
 * A child of the distributed map: one batch of the customer file's rows, screened against the whole list of the
 * run's version. The index is built once per container and version (a container serves many batches), the
 * batch's previous fingerprints are one GET, and its results are written before it returns, so that a retried
 * batch rewrites the same files and the final step finds every batch's work in the bucket.
 */
const Item = z.object({ row: z.number().int().nonnegative(), values: z.partialRecord(z.enum(CUSTOMER_COLUMNS), z.string()) });
export const WorkerEvent = z.object({
  Items: z.array(Item).min(1),
  BatchInput: z.object({ version: z.number().int().positive(), run: z.number().int().positive(), previous: z.number().int().nonnegative() }),
});

let wired: ReturnType<typeof wire> | undefined;
let index: { version: number; index: ScreeningIndex } | undefined;

function wire() {
  const config = readScreeningConfig(process.env);
  const s3 = new S3Client({});
  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return {
    config,
    store: new DynamoDbSnapshotStore({ client: dynamo, tableName: config.TABLE_NAME, overflow: new S3Archive(s3, config.ARCHIVE_BUCKET) }),
    batches: new S3ScreeningBatches(s3, config.ARCHIVE_BUCKET),
  };
}

export async function handler(event: unknown): Promise<{ from: number; to: number; customers: number; screened: number; hits: number }> {
  wired ??= wire();
  const { Items, BatchInput } = WorkerEvent.parse(event);
  const { version, run, previous } = BatchInput;
  if (index?.version !== version) {
    const entries = (await wired.store.loadSnapshot(version)).filter((e) => e.status === 'listed');
    index = { version, index: new ScreeningIndex(entries) };
  }
  const from = Items[0]!.row;
  const prints = previous > 0 ? await wired.batches.loadPrints(previous, from) : null;
  const location = `s3://${wired.config.ARCHIVE_BUCKET}/${wired.config.CUSTOMERS_KEY}`;
  const result = screenBatch(index.index, Items, prints, { threshold: wired.config.SCREENING_THRESHOLD, location, earlier: previous > 0 });
  const summary = { from, to: Items.at(-1)!.row, customers: result.customers, screened: result.screened };
  await wired.batches.saveBatch(run, result.prints, result.hits, summary);
  return { ...summary, hits: result.hits.length };
}
