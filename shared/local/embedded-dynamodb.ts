import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../aws/dynamodb-store';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { signatureProblem } from './request-signature';

/**
 * The CLI's store: dynalite in this process, on the loopback interface only, persisting to LevelDB under the data
 * dir, so that a local run keeps its list versions between invocations without an AWS account.
 *
 * One owner: the process holding the data dir's lock. Loopback is open to every local user and process, so the
 * port alone would let any of them PutItem or DeleteItem past the lock and the read-only API: every request must
 * be signed (AWS Signature Version 4, as DynamoDB checks it) with a secret drawn at random when the store starts
 * and known only to this process.
 */

// dynalite ships no type declarations; this is the part of its API used here.
const dynalite = require('dynalite') as (options: { path?: string; createTableMs?: number }) => Server;

export const EMBEDDED_TABLE = 'jp-sanctions-monitor';

export interface EmbeddedDynamoDb {
  endpoint: string;
  /** This process's own: a client of the store needs them (a handler under test reads them from its environment). */
  credentials: { accessKeyId: string; secretAccessKey: string };
  client: DynamoDBDocumentClient;
  tableName: string;
  close(): Promise<void>;
}

/** As dynalite: a request body over this is refused before it is held in memory. */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/**
 * Opens the data dir's store. `lock`: the data dir's lock, already taken by the caller (who had to do something
 * before opening it, such as clearing the dir); it is released on close either way.
 */
export async function startEmbeddedDynamoDb({ dataDir, lock }: { dataDir: string; lock?: DataDirLock }): Promise<EmbeddedDynamoDb> {
  const path = join(dataDir, 'dynamodb');
  await mkdir(path, { recursive: true });
  // One process per store: a second one is told the store is busy, before dynalite can crash on LevelDB's lock.
  const held = lock ?? (await lockDataDir(dataDir));
  const unlock = () => held.release();
  const credentials = { accessKeyId: `LOCAL${randomBytes(10).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(30).toString('base64') };
  const server = requireSignature(dynalite({ path, createTableMs: 0 }), credentials);
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
  const base = new DynamoDBClient({ endpoint, region: 'local', credentials });
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
  return { endpoint, credentials, client: DynamoDBDocumentClient.from(base), tableName: EMBEDDED_TABLE, close };
}

/**
 * Puts a signature check in front of dynalite's request handler: a request not signed with `credentials` is answered
 * as DynamoDB answers an unknown key (400 UnrecognizedClientException) and never reaches the store.
 */
function requireSignature(server: Server, credentials: { accessKeyId: string; secretAccessKey: string }): Server {
  const handlers = server.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
  if (handlers.length !== 1) throw new Error(`dynalite registered ${handlers.length} request handlers; expected one`);
  const [store] = handlers as [(request: IncomingMessage, response: ServerResponse) => void];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_REQUEST_BYTES) return refuse(response, 413, 'the request body is too large');
      const body = Buffer.concat(chunks);
      const problem = signatureProblem({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body }, credentials);
      if (problem) return refuse(response, 400, `${problem}: this store answers only the process that opened it`);
      // dynalite reads the body from the request's events: replay what was read, with the request's own fields.
      const replay = Object.assign(Readable.from(body.length > 0 ? [body] : []), { headers: request.headers, method: request.method, url: request.url });
      store(replay as unknown as IncomingMessage, response);
    });
  });
  return server;
}

function refuse(response: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ __type: 'com.amazon.coral.service#UnrecognizedClientException', message });
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(body) }).end(body);
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
