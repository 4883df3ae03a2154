import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../shared/local/embedded-dynamodb';
import { CsvRecords, MAY_2024_KEYS } from './fixtures';

export interface May2024Workspace {
  dir: string;
  dynamo: EmbeddedDynamoDb;
}

/**
 * A temporary directory holding the real excerpt before and after the 24 May 2024 designations (`before.csv`,
 * `after.csv`), and the embedded DynamoDB-compatible store kept in it: what the check's re-screening suites start from.
 */
export async function openMay2024Workspace(prefix: string): Promise<May2024Workspace> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dynamo = await startEmbeddedDynamoDb({ dataDir: dir });
  const excerpt = CsvRecords.excerpt();
  writeFileSync(join(dir, 'before.csv'), excerpt.without(MAY_2024_KEYS).toBytes());
  writeFileSync(join(dir, 'after.csv'), excerpt.toBytes());
  return { dir, dynamo };
}

export async function closeMay2024Workspace({ dir, dynamo }: May2024Workspace): Promise<void> {
  await dynamo.close();
  rmSync(dir, { recursive: true, force: true });
}
