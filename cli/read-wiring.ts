import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbHistoryReader } from '../shared/aws/dynamodb-history';
import { DynamoDbScreeningLog } from '../shared/aws/dynamodb-screening-log';
import { FileArchive } from '../shared/local/file-archive';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { History } from '../shared/query/history';

/** The data dir `check` uses by default; `demo` keeps its replay in its `demo/` subdirectory. */
export const CHECK_DATA_DIR = '.data';

export interface OpenedHistory {
  history: History;
  /** What is being read, for the first line the command prints. */
  description: string;
  close(): Promise<void>;
}

/**
 * The history of a deployed table (`--table`, read with the caller's AWS credentials; the reader only gets and
 * queries; `--archive-bucket` for the rare payload the store kept in the archive), or of the embedded store in a data dir (default `.data`); in a data dir where only `demo` has run, its
 * replay in `demo/`.
 */
export async function openHistory(options: { dataDir?: string; table?: string; archiveBucket?: string }): Promise<OpenedHistory> {
  if (options.table) {
    const client = new DynamoDBClient({});
    // Required only when asked for: every CLI command loads this module, and the S3 client is large.
    const s3 = options.archiveBucket ? new (require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3')).S3Client({}) : undefined;
    const overflow = s3 && new (require('../shared/aws/s3-archive') as typeof import('../shared/aws/s3-archive')).S3Archive(s3, options.archiveBucket!);
    return {
      history: new History(new DynamoDbHistoryReader({ client: DynamoDBDocumentClient.from(client), tableName: options.table, overflow })),
      description: `table ${options.table} (read-only, with your AWS credentials)`,
      close: async () => {
        client.destroy();
        s3?.destroy();
      },
    };
  }
  const dataDir = storeDir(options.dataDir);
  const dynamo = await startEmbeddedDynamoDb({ dataDir });
  return {
    history: new History(new DynamoDbHistoryReader({ client: dynamo.client, tableName: dynamo.tableName, overflow: new FileArchive(join(dataDir, 'archive')) })),
    description: `the embedded store in ${dataDir}`,
    close: () => dynamo.close(),
  };
}

/**
 * The data dir to read: the one given (default `.data`), or its `demo/` replay where only `demo` has run. A read
 * command never makes a store: a mistyped `--data-dir` would otherwise answer "nothing here" from a new, empty one.
 */
export function storeDir(given: string | undefined): string {
  const base = given ?? CHECK_DATA_DIR;
  if (existsSync(join(base, 'dynamodb'))) return base;
  if (existsSync(join(base, 'demo', 'dynamodb'))) return join(base, 'demo');
  const named = given === undefined ? `the default data dir ${base}` : `--data-dir ${base}`;
  throw new Error(`${named}: no store there (${existsSync(base) ? 'no dynamodb/ in it' : 'no such directory'}); run \`check\` or \`demo\` with it first, or name the data dir they used`);
}

export interface OpenedScreeningLog {
  log: DynamoDbScreeningLog;
  description: string;
  close(): Promise<void>;
}

/** Re-screening's records, from a deployed table (with the caller's AWS credentials) or the embedded store. */
export async function openScreeningLog(options: { dataDir?: string; table?: string }): Promise<OpenedScreeningLog> {
  if (options.table) {
    const client = new DynamoDBClient({});
    return {
      log: new DynamoDbScreeningLog({ client: DynamoDBDocumentClient.from(client), tableName: options.table }),
      description: `table ${options.table} (with your AWS credentials)`,
      close: async () => client.destroy(),
    };
  }
  const dataDir = storeDir(options.dataDir);
  const dynamo = await startEmbeddedDynamoDb({ dataDir });
  return {
    log: new DynamoDbScreeningLog({ client: dynamo.client, tableName: dynamo.tableName }),
    description: `the embedded store in ${dataDir}`,
    close: () => dynamo.close(),
  };
}
