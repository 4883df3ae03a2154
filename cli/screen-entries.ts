import { DynamoDbSnapshotStore } from '../shared/aws/dynamodb-store';
import type { Designation } from '../shared/domain/designation';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { SCREENED_CHANGE_TYPES } from '../shared/screening/changed-entries';
import { loadListFile } from './read-source';
import { storeDir } from './read-wiring';

/** What `screen` screens against, and where it came from (for the report). */
export interface ScreeningScope {
  entries: Designation[];
  /** The store's current version, when read from a data dir. */
  version: number | null;
  since: number | null;
}

/** The listed entries of a list file. */
export async function entriesOfListFile(path: string): Promise<ScreeningScope> {
  const { list } = await loadListFile(path);
  return { entries: list.entries.filter((e) => e.status === 'listed'), version: null, since: null };
}

/**
 * The current entries of the embedded store (the data dir of `check`), read through the store's own port: the
 * committed state's version and its snapshot. With `since`, only the entries designated, amended or relisted in
 * a version after it, from those versions' change records.
 */
export async function entriesOfStore(dataDir: string, since: number | null): Promise<ScreeningScope> {
  // A read: a mistyped data dir is refused, not created.
  const dynamo = await startEmbeddedDynamoDb({ dataDir: storeDir(dataDir) });
  try {
    const store = new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName });
    const version = (await store.loadState())?.version ?? 0;
    if (version === 0) throw new Error(`${dataDir} holds no committed list yet; run \`check\` first`);
    if (since !== null && since > version) throw new Error(`--since ${since} is after the current version ${version}`);
    const listed = (await store.loadSnapshot(version)).filter((e) => e.status === 'listed');
    if (since === null) return { entries: listed, version, since };
    const changed = new Set<string>();
    for (let v = since + 1; v <= version; v++) {
      for (const change of (await store.loadNotification(v)).changes) if (SCREENED_CHANGE_TYPES.has(change.type)) changed.add(change.key);
    }
    return { entries: listed.filter((e) => changed.has(e.key)), version, since };
  } finally {
    await dynamo.close();
  }
}
