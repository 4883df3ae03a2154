import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ChangeEvent } from '../domain/change-event';
import { Designation } from '../domain/designation';
import type { PayloadStore } from '../ports';
import type { ChangePosition, HistoryReader, StoredChange } from '../query/read-port';
import { ListState, VersionRecord } from '../records';
import type { ScreeningState } from '../screening/schemas';
import { DynamoDbScreeningLog } from './dynamodb-screening-log';
import { DamagedItemError, OVERFLOW_REF, parseItem, parseItemJson, resolvePayload } from './stored-items';

/**
 * The read side of the snapshot store's table (layout in dynamodb-store.ts). Only Get and Query: the API function's
 * role allows nothing else, and `serve --table` runs with a person's credentials.
 *
 * Reads need not be strongly consistent: every answer is bounded by the committed version read from STATE, and
 * the items of a version are written before STATE moves to it.
 */

const STATE = 'STATE';
const ENTRY = 'ENTRY#';
const VERSION = 'VERSION#';
const CHANGE = 'CHANGE#';
const MAX_SEQ = 99_999;

const EntryItem = z.object({
  sk: z.string(),
  version: z.number().int().positive(),
  content: z.string().optional(),
  prior: z.string().optional(),
  priorVersion: z.number().int().nonnegative(),
});
type EntryItem = z.infer<typeof EntryItem>;
const VersionItem = z.object({ sk: z.string(), record: z.string() });
const ChangeItem = z.object({ sk: z.string(), event: z.string() });

type Item = Record<string, unknown>;

export interface DynamoDbHistoryReaderOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  listId?: string;
  /** Where the store put payloads too big for an item (the archive); read only. */
  overflow?: Pick<PayloadStore, 'getPayload'>;
}

export class DynamoDbHistoryReader implements HistoryReader {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly pk: string;
  private readonly overflow: Pick<PayloadStore, 'getPayload'> | undefined;
  /** Re-screening's state, read through the screening log's own reader (a GetItem). */
  private readonly screening: Pick<DynamoDbScreeningLog, 'loadState'>;

  constructor(options: DynamoDbHistoryReaderOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.pk = `LIST#${options.listId ?? 'mof'}`;
    this.overflow = options.overflow;
    this.screening = new DynamoDbScreeningLog({ client: options.client, tableName: options.tableName, ...(options.listId && { listId: options.listId }) });
  }

  loadScreeningState(): Promise<ScreeningState | null> {
    return this.screening.loadState();
  }

  async loadState(): Promise<ListState | null> {
    // Strongly consistent: the bound of everything else read in the same answer.
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: this.key(STATE), ConsistentRead: true }));
    return Item ? this.parse(ListState, Item, STATE) : null;
  }

  async listVersions({ upTo, before, limit }: { upTo: number; before?: number; limit: number }): Promise<VersionRecord[]> {
    const last = Math.min(upTo, (before ?? Infinity) - 1);
    if (last < 1 || limit < 1) return [];
    const items = await this.query(
      { KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':from': versionSk(1), ':to': versionSk(last) }, ScanIndexForward: false },
      limit,
    );
    return items.map((raw) => this.versionRecord(raw));
  }

  async loadVersion(version: number, upTo: number): Promise<VersionRecord | null> {
    if (version < 1 || version > upTo) return null;
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: this.key(versionSk(version)) }));
    return Item ? this.versionRecord(Item) : null;
  }

  async listChanges({ after, upTo, limit }: { after: ChangePosition; upTo: number; limit: number }): Promise<StoredChange[]> {
    const start = after.seq >= MAX_SEQ ? { version: after.version + 1, seq: 0 } : { version: after.version, seq: after.seq + 1 };
    if (start.version > upTo || limit < 1) return [];
    const items = await this.query(
      {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':from': changeSk(start.version, start.seq), ':to': changeSk(upTo, MAX_SEQ) },
      },
      limit,
    );
    return Promise.all(items.map((raw) => this.storedChange(raw)));
  }

  async changesOf(key: string, upTo: number): Promise<StoredChange[]> {
    if (upTo < 1) return [];
    // Every event names its key at the top level; the filter saves the transfer, the parse below decides.
    // An event in the overflow store has only its reference inline: those are read and decided here.
    const candidates = await this.query({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      FilterExpression: 'contains(#event, :needle) OR begins_with(#event, :ref)',
      ExpressionAttributeNames: { '#event': 'event' },
      ExpressionAttributeValues: { ':from': changeSk(0, 0), ':to': changeSk(upTo, MAX_SEQ), ':needle': `"key":${JSON.stringify(key)}`, ':ref': OVERFLOW_REF },
    });
    return (await Promise.all(candidates.map((raw) => this.storedChange(raw)))).filter((change) => change.event.key === key);
  }

  async loadEntries(upTo: number): Promise<Designation[]> {
    if (upTo < 1) return [];
    const entries: Designation[] = [];
    for (const raw of await this.query({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':prefix': ENTRY } })) {
      const entry = await this.entryAt(raw, upTo);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  async loadEntry(key: string, upTo: number): Promise<Designation | null> {
    if (upTo < 1) return null;
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: this.key(`${ENTRY}${key}`) }));
    return Item ? await this.entryAt(Item, upTo) : null;
  }

  private async entryAt(raw: Item, version: number): Promise<Designation | null> {
    const item: EntryItem = this.parse(EntryItem, raw, String(raw.sk));
    let content: string | undefined;
    if (item.version <= version) content = item.content;
    else if (item.priorVersion <= version) content = item.prior;
    else throw new Error(`${this.name(item.sk)}: version ${version} cannot be read (the entry was rewritten at ${item.version})`);
    if (content === undefined) return null;
    const entry = this.parseJson(Designation, await this.resolve(content, item.sk), item.sk);
    if (`${ENTRY}${entry.key}` !== item.sk) throw new DamagedItemError(this.name(item.sk), `holds the entry ${entry.key}`);
    return entry;
  }

  private versionRecord(raw: Item): VersionRecord {
    const item = this.parse(VersionItem, raw, String(raw.sk));
    const record = this.parseJson(VersionRecord, item.record, item.sk);
    if (versionSk(record.version) !== item.sk) throw new DamagedItemError(this.name(item.sk), `holds version ${record.version}`);
    return record;
  }

  private async storedChange(raw: Item): Promise<StoredChange> {
    const item = this.parse(ChangeItem, raw, String(raw.sk));
    const match = /^CHANGE#(\d{10})#(\d{5})$/.exec(item.sk);
    if (!match) throw new DamagedItemError(this.name(item.sk), 'is not a change event key');
    return { version: Number(match[1]), seq: Number(match[2]), event: this.parseJson(ChangeEvent, await this.resolve(item.event, item.sk), item.sk) };
  }

  private resolve(stored: string, sk: string): Promise<string> {
    return resolvePayload(stored, this.overflow, this.name(sk));
  }

  /** Pages until `limit` items (all when unset). */
  private async query(input: Omit<QueryCommandInput, 'TableName'>, limit = Infinity): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          ...input,
          TableName: this.table,
          ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':pk': this.pk },
          ...(Number.isFinite(limit) && { Limit: limit - items.length }),
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length < limit);
    return items;
  }

  private parse<T extends z.ZodType>(schema: T, value: unknown, sk: string): z.output<T> {
    return parseItem(schema, value, this.name(sk));
  }

  private parseJson<T extends z.ZodType>(schema: T, text: string, sk: string): z.output<T> {
    return parseItemJson(schema, text, this.name(sk));
  }

  private key(sk: string): { pk: string; sk: string } {
    return { pk: this.pk, sk };
  }

  private name(sk: string): string {
    return `${this.table} ${this.pk}/${sk}`;
  }
}

function versionSk(version: number): string {
  return `${VERSION}${String(version).padStart(10, '0')}`;
}

function changeSk(version: number, seq: number): string {
  return `${CHANGE}${String(version).padStart(10, '0')}#${String(seq).padStart(5, '0')}`;
}
