import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { DynamoDbScreeningLog } from '../shared/aws/dynamodb-screening-log';
import { DynamoDbSnapshotStore } from '../shared/aws/dynamodb-store';
import type { CheckDependencies } from '../shared/check';
import { GuardPolicy } from '../shared/domain/guards';
import { HttpListSource, MOF_INDEX_URL } from '../shared/http/list-source';
import type { DataDirLock } from '../shared/local/data-dir-lock';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { ConsoleNotifier } from '../shared/local/console-notifier';
import { FileArchive } from '../shared/local/file-archive';
import { FileCustomerSource } from '../shared/local/file-customer-source';
import { FileListSource } from '../shared/local/file-source';
import type { ListSource } from '../shared/ports';
import type { AcceptRequest } from '../shared/records';

const clock = { now: () => new Date() };

/**
 * `--source`: nothing for MOF's live index page, an http(s) URL for another index page (a mirror, a test
 * server), or a path to a list file on disk.
 */
export function listSource(source: string | undefined): ListSource {
  if (!source) return new HttpListSource(new URL(MOF_INDEX_URL), {}, clock);
  if (/^https?:\/\//i.test(source)) {
    const url = new URL(source);
    return new HttpListSource(url, { allowedHosts: [url.hostname], allowLoopbackHttp: true }, clock);
  }
  return /\.xlsx$/i.test(source) ? new FileListSource({ xlsx: source }) : new FileListSource({ csv: source });
}

export interface LocalRuntime {
  dependencies(source: ListSource): CheckDependencies;
  notifier: ConsoleNotifier;
  close(): Promise<void>;
}

/** The same use case as the Lambda, with an embedded DynamoDB-compatible store persisted in the data dir. */
/** Re-screening a customer file on disk after each change, as the deployed check does with the one in S3. */
export interface LocalScreening {
  customers: string;
  threshold: number;
  /** `--accept-customers`: a customer file that shrank, accepted deliberately. */
  accept?: AcceptRequest;
}

/** `lock`: the data dir's lock when the caller took it already (demo clears the dir first). */
export async function startLocalRuntime(dataDir: string, output: Writable, screening?: LocalScreening, lock?: DataDirLock): Promise<LocalRuntime> {
  const dynamo = await startEmbeddedDynamoDb({ dataDir, ...(lock && { lock }) });
  const archive = new FileArchive(join(dataDir, 'archive'));
  const store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName, overflow: archive });
  // Events too big for SNS are stored in the data dir's archive and shown by reference, as the deployed check sends them.
  const notifier = new ConsoleNotifier(output, archive);
  const screen = screening && {
    screening: {
      customers: new FileCustomerSource(screening.customers),
      log: new DynamoDbScreeningLog({ client: dynamo.client, tableName: dynamo.tableName }),
      notifier,
      threshold: screening.threshold,
      ...(screening.accept && { accept: screening.accept }),
    },
  };
  return {
    notifier,
    dependencies: (source) => ({ source, archive, store, notifier, clock, policy: GuardPolicy.parse({}), ...screen }),
    close: () => dynamo.close(),
  };
}
