import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbHistoryReader } from '../shared/aws/dynamodb-history';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { History } from '../shared/query/history';

/** Where `demo` keeps its replay, so that `serve` can show it afterwards. */
export const DEMO_DATA_DIR = join('.data', 'demo');
const CHECK_DATA_DIR = '.data';

export interface OpenedHistory {
  history: History;
  /** What is being read, for the first line the command prints. */
  description: string;
  close(): Promise<void>;
}

/**
 * The history of a deployed table (`--table`, read with the caller's AWS credentials; the reader only gets and
 * queries), or of the embedded store in a data dir. Without either: the check's `.data`, or the demo's replay when
 * only the demo has run here.
 */
export async function openHistory(options: { dataDir?: string; table?: string }): Promise<OpenedHistory> {
  if (options.table) {
    const client = new DynamoDBClient({});
    return {
      history: new History(new DynamoDbHistoryReader({ client: DynamoDBDocumentClient.from(client), tableName: options.table })),
      description: `table ${options.table} (read-only, with your AWS credentials)`,
      close: async () => client.destroy(),
    };
  }
  const dataDir = options.dataDir ?? (!existsSync(join(CHECK_DATA_DIR, 'dynamodb')) && existsSync(DEMO_DATA_DIR) ? DEMO_DATA_DIR : CHECK_DATA_DIR);
  const dynamo = await startEmbeddedDynamoDb({ dataDir });
  return {
    history: new History(new DynamoDbHistoryReader({ client: dynamo.client, tableName: dynamo.tableName })),
    description: `the embedded store in ${dataDir}`,
    close: () => dynamo.close(),
  };
}
