import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../aws/dynamodb-store';
import { lockDataDir } from './data-dir-lock';

/**
 * The CLI's store: dynalite in this process, on the loopback interface only, persisting to LevelDB under the data
 * dir, so that a local run keeps its list versions between invocations without an AWS account.
 */

// dynalite ships no type declarations; this is the part of its API used here.
const dynalite = require('dynalite') as (options: { path?: string; createTableMs?: number }) => Server;

export const EMBEDDED_TABLE = 'jp-sanctions-monitor';

export interface EmbeddedDynamoDb {
  endpoint: string;
  client: DynamoDBDocumentClient;
  tableName: string;
  close(): Promise<void>;
}

export async function startEmbeddedDynamoDb({ dataDir }: { dataDir: string }): Promise<EmbeddedDynamoDb> {
  const path = join(dataDir, 'dynamodb');
  await mkdir(path, { recursive: true });
  // One process per store: a second one is told the store is busy, before dynalite can crash on LevelDB's lock.
  const unlock = await lockDataDir(dataDir);
  const server = dynalite({ path, createTableMs: 0 });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const close = async () => {
    // The document client's destroy is a no-op; the base client owns the keep-alive sockets that would hold the server open.
    base.destroy();
    try {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    } finally {
      await unlock();
    }
  };
  try {
    await ensureTable(base, EMBEDDED_TABLE);
  } catch (error) {
    await close();
    throw error;
  }
  return { endpoint, client: DynamoDBDocumentClient.from(base), tableName: EMBEDDED_TABLE, close };
}

/** Creates the store's table unless it exists, and waits until it is usable (milliseconds with `createTableMs: 0`). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const status = await tableStatus(client, tableName);
    if (status === 'ACTIVE') return;
    if (status === undefined) await client.send(new CreateTableCommand(createTableInput(tableName)));
    else await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}
