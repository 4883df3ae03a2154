import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ChangeEvent } from '../domain/change-event';
import { Designation } from '../domain/designation';
import { ConcurrentCommitError, type PayloadStore, type SnapshotStore } from '../ports';
import { batchWrite, eachLimited, isConditionFailure, WRITE_CONCURRENCY, type Item } from './dynamodb-writes';
import { ListPartition } from './list-partition';
import { DamagedItemError, OVERFLOW_REF, parseItem, parseItemJson, resolvePayload } from './stored-items';
import { CheckRecord, ListState, PublishProgress, VersionCommit, VersionNotification, VersionRecord, type SentChannel } from '../records';

/**
 * The snapshot store on one DynamoDB table (`pk`/`sk` strings), without transactions (dynalite has none).
 *
 * Items under `pk = LIST#<listId>`:
 * - `STATE`: the ListState, one native attribute per field (conditions read `version` and `publishedVersion`;
 *   operators read the rest in the console). Its `version` is the commit point: a version is committed iff it is
 *   at most `STATE.version`.
 * - `ENTRY#<key>`: `version` (the version that last wrote it), `content` (Designation JSON; absent = not in the
 *   snapshot), `prior` (the content at `priorVersion`, same encoding), `priorVersion` (= version − 1). Two-version
 *   MVCC: the writes of an unfinished commit sit at STATE.version + 1 and are invisible, and the snapshot of the
 *   version before the newest write stays exact.
 * - `VERSION#<n:10>`: `record` (VersionRecord JSON), `status` (pending | committed), `claimedAt`,
 *   `sourceSha256`, `published`, `publishedAt`. Created as the claim that admits one run per version.
 * - `CHANGE#<n:10>#<seq:5>`: `event` (ChangeEvent JSON), for history and the outbox.
 * - `SENT#<n:10>#digest`, `SENT#<n:10>#<event id>`: `sentAt`; one channel of version n went out (per-channel
 *   progress, so that a retry sends only what is missing).
 *
 * Payloads are JSON strings because they are never conditioned on and JSON keeps them exactly as written. A
 * payload over MAX_INLINE_BYTES (an entry or event no real list has, but one would block every later commit
 * against DynamoDB's 400 KB item limit) is put in the overflow store and kept as `@ref:<where>`; JSON never
 * starts with `@`, so the two cannot be confused.
 */

export interface DynamoDbSnapshotStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  listId?: string;
  clock?: () => Date;
  /** How long a claim on a version shuts out other files: Lambda's maximum run, so an expired claim's run is dead. */
  leaseMs?: number;
  /** Where payloads too big for an item go (the archive); without it such a commit fails, naming the payload. */
  overflow?: PayloadStore;
}

const DEFAULT_LEASE_MS = 15 * 60 * 1000;
const MAX_CHANGES = 100_000;
const STATE = 'STATE';
/** Two payloads (content and prior) and the keys stay well inside DynamoDB's 400 KB item. */
export const MAX_INLINE_BYTES = 180_000;
const ENTRY = 'ENTRY#';

/** What `recordCheck` leaves in fields that no check sets, so that STATE always parses as a ListState. */
const EMPTY_STATE: ListState = {
  version: 0,
  publishedVersion: 0,
  source: null,
  entryCount: 0,
  validators: null,
  lastCheckedAt: null,
  lastOutcome: null,
  lastReason: null,
  lastSuccessAt: null,
};

const EntryItem = z.object({
  sk: z.string(),
  version: z.number().int().positive(),
  content: z.string().optional(),
  prior: z.string().optional(),
  priorVersion: z.number().int().nonnegative(),
});
type EntryItem = z.infer<typeof EntryItem>;

const VersionItem = z.object({ record: z.string(), status: z.enum(['pending', 'committed']) });
const ChangeItem = z.object({ event: z.string() });

export class DynamoDbSnapshotStore implements SnapshotStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly partition: ListPartition;
  private readonly clock: () => Date;
  private readonly leaseMs: number;
  private readonly overflow: PayloadStore | undefined;

  constructor(options: DynamoDbSnapshotStoreOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.partition = new ListPartition(options.client, options.tableName, options.listId);
    this.clock = options.clock ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.overflow = options.overflow;
  }

  async loadState(): Promise<ListState | null> {
    const item = await this.partition.get(STATE);
    return item ? this.parse(ListState, item, STATE) : null;
  }

  async loadSnapshot(version: number): Promise<Designation[]> {
    if (version === 0) return [];
    const entries: Designation[] = [];
    for (const raw of await this.partition.queryPrefix(ENTRY)) {
      const item = this.parse(EntryItem, raw, String(raw.sk));
      const stored = this.contentAt(item, version);
      if (stored === undefined) continue;
      const entry = this.parseJson(Designation, await this.resolve(stored, item.sk), item.sk);
      if (`${ENTRY}${entry.key}` !== item.sk) throw new DamagedItemError(this.partition.name(item.sk), `holds the entry ${entry.key}`);
      entries.push(entry);
    }
    return entries;
  }

  async recordCheck(check: CheckRecord): Promise<void> {
    const success = check.outcome === 'baseline' || check.outcome === 'unchanged' || check.outcome === 'changed';
    const set: Partial<ListState> = {
      lastCheckedAt: check.at,
      lastOutcome: check.outcome,
      lastReason: check.reason,
      ...(check.validators !== undefined && { validators: check.validators }),
      ...(check.hold !== undefined && { hold: check.hold }),
      ...(success && { lastSuccessAt: check.at }),
    };
    const absent = Object.fromEntries(Object.entries(EMPTY_STATE).filter(([field]) => !(field in set)));
    await this.client.send(new UpdateCommand({ TableName: this.table, Key: this.partition.key(STATE), ...updateExpression(set, absent) }));
  }

  async commit(c: VersionCommit): Promise<void> {
    checkCommit(c);
    const base = c.baseVersion;
    const version = c.record.version;
    // A run that loaded its base before another run committed must stop before its claim can touch that version.
    if (((await this.loadState())?.version ?? 0) !== base) throw new ConcurrentCommitError(base);
    if (await this.claim(c)) await this.undoAbandonedWrites(c);

    const items = await Promise.all(
      c.writes.map(async (w) => {
        const sk = `${ENTRY}${w.key}`;
        return this.entryItem(version, w.key, await this.inline(w.entry && JSON.stringify(w.entry), sk), await this.inline(w.prior && JSON.stringify(w.prior), sk));
      }),
    );
    // The baseline has no committed entries to protect, and thousands of them: batches, not conditional puts.
    if (base === 0) await batchWrite(this.client, this.table, items.map((Item) => ({ PutRequest: { Item } })));
    else await eachLimited(items, WRITE_CONCURRENCY, (item) => this.putEntry(item, base));
    const events = await Promise.all(c.changes.map((event, seq) => this.inline(JSON.stringify(event), changeSk(version, seq))));
    await batchWrite(this.client, this.table, events.map((event, seq) => ({ PutRequest: { Item: { ...this.partition.key(changeSk(version, seq)), event } } })));

    await this.flipState(c);
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.partition.key(versionSk(version)),
        UpdateExpression: 'SET #status = :committed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':committed': 'committed' },
      }),
    );
  }

  async loadNotification(version: number): Promise<VersionNotification> {
    const sk = versionSk(version);
    const raw = await this.partition.get(sk);
    if (!raw) throw new Error(`version ${version} does not exist (${this.partition.name(sk)})`);
    const item = this.parse(VersionItem, raw, sk);
    // A crash between the commit point and the status update leaves a committed version marked pending.
    if (item.status !== 'committed' && ((await this.loadState())?.version ?? 0) < version) {
      throw new Error(`version ${version} is not committed`);
    }
    const record = this.parseJson(VersionRecord, item.record, sk);
    if (record.version !== version) throw new DamagedItemError(this.partition.name(sk), `holds version ${record.version}`);
    const changes: ChangeEvent[] = [];
    for (const change of await this.partition.queryPrefix(changePrefix(version))) {
      const sk = String(change.sk);
      changes.push(this.parseJson(ChangeEvent, await this.resolve(this.parse(ChangeItem, change, sk).event, sk), sk));
    }
    return { record, changes };
  }

  async loadProgress(version: number): Promise<PublishProgress> {
    const prefix = sentPrefix(version);
    const channels = (await this.partition.queryPrefix(prefix)).map((item) => String(item.sk).slice(prefix.length));
    return { digest: channels.includes(DIGEST), events: channels.filter((c) => c !== DIGEST) };
  }

  async markSent(version: number, channel: SentChannel): Promise<void> {
    const channels = 'digest' in channel ? [DIGEST] : channel.events;
    const sentAt = this.clock().toISOString();
    await batchWrite(this.client, this.table, channels.map((c) => ({ PutRequest: { Item: { ...this.partition.key(`${sentPrefix(version)}${c}`), sentAt } } })));
  }

  async markPublished(version: number): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.partition.key(STATE),
          UpdateExpression: 'SET #published = :v',
          ConditionExpression: '#version >= :v AND #published < :v',
          ExpressionAttributeNames: { '#version': 'version', '#published': 'publishedVersion' },
          ExpressionAttributeValues: { ':v': version },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const state = await this.loadState();
      if (!state || state.version < version) throw new Error(`version ${version} is not committed; nothing was published`);
      // Otherwise publishedVersion is already at or past `version`: a repeated call.
    }
    // STATE.publishedVersion is the outbox; this flag is history, so it is set second and never cleared.
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.partition.key(versionSk(version)),
        UpdateExpression: 'SET published = :true, publishedAt = if_not_exists(publishedAt, :now)',
        ConditionExpression: 'attribute_exists(sk)',
        ExpressionAttributeValues: { ':true': true, ':now': this.clock().toISOString() },
      }),
    );
  }

  /** Takes VERSION#n for this run; says whether it took over an unfinished claim (whose writes may linger). */
  private async claim(c: VersionCommit): Promise<boolean> {
    const now = this.clock();
    try {
      const { Attributes } = await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...this.partition.key(versionSk(c.record.version)),
            version: c.record.version,
            record: JSON.stringify(c.record),
            status: 'pending',
            claimedAt: now.toISOString(),
            sourceSha256: c.record.source.sha256,
            published: false,
          },
          // Same file: the same writes, so a retry may join or replace its own crashed run at any time.
          ConditionExpression: 'attribute_not_exists(sk) OR (#status = :pending AND (claimedAt < :expiry OR sourceSha256 = :sha))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':expiry': new Date(now.getTime() - this.leaseMs).toISOString(),
            ':sha': c.record.source.sha256,
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes !== undefined;
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentCommitError(c.baseVersion);
      throw error;
    }
  }

  /**
   * An abandoned run of another file may have written entries and change events for this version that this run
   * does not overwrite; once STATE flips they would become visible. Entries go back to their base content, as if
   * this version had left them unchanged; surplus change events are deleted.
   */
  private async undoAbandonedWrites(c: VersionCommit): Promise<void> {
    const version = c.record.version;
    const ours = new Set(c.writes.map((w) => `${ENTRY}${w.key}`));
    const abandoned = (
      await this.partition.query({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: '#version = :n',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':prefix': ENTRY, ':n': version },
      })
    )
      .map((raw) => this.parse(EntryItem, raw, String(raw.sk)))
      .filter((item) => !ours.has(item.sk));
    await eachLimited(abandoned, WRITE_CONCURRENCY, (item) => this.putEntry(this.entryItem(version, item.sk.slice(ENTRY.length), item.prior, item.prior), c.baseVersion));

    const surplus = await this.partition.query({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':from': changeSk(version, c.changes.length), ':to': changeSk(version, MAX_CHANGES - 1) },
    });
    await batchWrite(this.client, this.table, surplus.map((item) => ({ DeleteRequest: { Key: this.partition.key(String(item.sk)) } })));
  }

  private entryItem(version: number, key: string, content: string | null | undefined, prior: string | null | undefined): Item {
    return {
      ...this.partition.key(`${ENTRY}${key}`),
      version,
      priorVersion: version - 1,
      ...(content != null && { content }),
      ...(prior != null && { prior }),
    };
  }

  /** Fails when a version past `base` other than this one wrote the entry: another run committed first. */
  private async putEntry(item: Item, base: number): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(sk) OR #version <= :base OR #version = :n',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':base': base, ':n': base + 1 },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentCommitError(base);
      throw error;
    }
  }

  /** The commit point. publishedVersion is markPublished's alone: a commit must not move the outbox back. */
  private async flipState(c: VersionCommit): Promise<void> {
    const { publishedVersion, ...rest } = c.state;
    const update = updateExpression(rest, { publishedVersion });
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.partition.key(STATE),
          ...update,
          ConditionExpression: 'attribute_not_exists(sk) OR #base = :base',
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#base': 'version' },
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':base': c.baseVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentCommitError(c.baseVersion);
      throw error;
    }
  }

  /** The payload as stored: inline, or a reference to the overflow store when it is too big for an item. */
  private async inline<T extends string | null | undefined>(text: T, sk: string): Promise<T | string> {
    if (!text || Buffer.byteLength(text, 'utf8') <= MAX_INLINE_BYTES) return text;
    if (!this.overflow) throw new Error(`${this.partition.name(sk)}: a ${Buffer.byteLength(text, 'utf8')}-byte payload is over ${MAX_INLINE_BYTES} bytes and no overflow store is configured`);
    return `${OVERFLOW_REF}${await this.overflow.putPayload(text)}`;
  }

  private resolve(stored: string, sk: string): Promise<string> {
    return resolvePayload(stored, this.overflow, this.partition.name(sk));
  }

  private contentAt(item: EntryItem, version: number): string | undefined {
    if (item.version <= version) return item.content;
    if (item.priorVersion <= version) return item.prior;
    // Only one earlier content is kept: refuse rather than return a snapshot that is silently wrong.
    throw new Error(`${this.partition.name(item.sk)}: version ${version} cannot be rebuilt (the entry was rewritten at ${item.version})`);
  }

  private parse<T extends z.ZodType>(schema: T, value: unknown, sk: string): z.output<T> {
    return parseItem(schema, value, this.partition.name(sk));
  }

  private parseJson<T extends z.ZodType>(schema: T, text: string, sk: string): z.output<T> {
    return parseItemJson(schema, text, this.partition.name(sk));
  }
}

/** The table the store expects; on-demand, because a list check is a handful of requests a day. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
  };
}

export interface RequestCounter {
  /** Command names in the order sent, e.g. `GetItemCommand`; SDK retries of one command count once. */
  readonly sent: readonly string[];
  reset(): void;
}

/** Counts the DynamoDB requests a client sends, for the benchmark's cost figures and the tests' request budgets. */
export function countRequests(client: DynamoDBClient | DynamoDBDocumentClient): RequestCounter {
  const sent: string[] = [];
  // A document client shares its base client's stack; the cast only unifies the two stacks' input types.
  (client as DynamoDBClient).middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize' },
  );
  return { sent, reset: () => void sent.splice(0) };
}

function checkCommit(c: VersionCommit): void {
  const version = c.record.version;
  if (version !== c.baseVersion + 1) throw new Error(`version ${version} does not follow base ${c.baseVersion}`);
  if (c.state.version !== version) throw new Error(`the state to commit is at version ${c.state.version}, not ${version}`);
  if (c.changes.length > MAX_CHANGES) throw new Error(`${c.changes.length} change events exceed the ${MAX_CHANGES} a version can hold`);
  const keys = new Set<string>();
  for (const w of c.writes) {
    if (keys.has(w.key)) throw new Error(`entry ${w.key} is written twice`);
    keys.add(w.key);
    for (const e of [w.entry, w.prior]) if (e && e.key !== w.key) throw new Error(`the write for ${w.key} carries entry ${e.key}`);
  }
}

/** `SET` for `set`, and for `absent` only where the attribute does not exist yet; nulls stay nulls, undefined goes. */
function updateExpression(set: object, absent: object) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  const add = (field: string, value: unknown, keep: boolean) => {
    if (value === undefined) return;
    const i = parts.length;
    names[`#f${i}`] = field;
    values[`:f${i}`] = plain(value);
    parts.push(keep ? `#f${i} = if_not_exists(#f${i}, :f${i})` : `#f${i} = :f${i}`);
  };
  for (const [field, value] of Object.entries(set)) add(field, value, false);
  for (const [field, value] of Object.entries(absent)) add(field, value, true);
  return { UpdateExpression: `SET ${parts.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/** Drops undefined members (optional zod fields) that the document client refuses to marshall. */
function plain(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : JSON.parse(JSON.stringify(value));
}

function versionSk(version: number): string {
  return `VERSION#${String(version).padStart(10, '0')}`;
}

function changePrefix(version: number): string {
  return `CHANGE#${String(version).padStart(10, '0')}#`;
}

const DIGEST = 'digest';

function sentPrefix(version: number): string {
  return `SENT#${String(version).padStart(10, '0')}#`;
}

function changeSk(version: number, seq: number): string {
  return `${changePrefix(version)}${String(seq).padStart(5, '0')}`;
}
