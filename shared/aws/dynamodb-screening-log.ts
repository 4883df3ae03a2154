import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { CustomerRunClaim, CustomerRunStatus, ScreeningLog } from '../ports';
import { matchCount, RescreenRun, type RescreenRunId, rescreenRunId, ScreeningMatch, ScreeningProblem, ScreeningState } from '../screening/schemas';
import { batchWrite, isConditionFailure, type Item } from './dynamodb-writes';
import { ListPartition } from './list-partition';
import { DamagedItemError, parseItem, parseItemJson } from './stored-items';

/**
 * Re-screening's record, in the list's partition of the snapshot table:
 * - `SCREENING#STATE`: `screenedVersion` (the cursor), `customerFileSha256` (the file whose customers were all
 *   screened against the whole list), `customerRuns` and `problem` (what stops screening now, JSON or absent);
 * - `SCREENING#<n:10>` (a version's changes) and `SCREENING#CUSTOMERS#<m:10>` (the m-th screening of a customer
 *   file's new and changed customers): `run` (the RescreenRun without its hits, JSON), `hits` (how many HIT items
 *   it has), `sentAt` once the compliance digest went out;
 * - `<run>#HIT#<entry key>#<customer id>`: `customerId`, `customerName`, `order` (the customer's place in the
 *   file), `match` (ScreeningMatch JSON): one item per customer, entry and run, which is the unit a compliance
 *   officer clears;
 * - `SCREENING#RUNS`: `claimed`, the highest customers run number taken, by the check or the distributed screening
 *   (a counter written conditionally, so that two runs started at once take two numbers);
 * - `SCREENING#CLAIM#<m:10>`: `until`, how long whoever took run m may still record it, `by` (an execution's name,
 *   so that its retried step finds the number it took), and `ended` once it will record nothing (it stopped):
 *   what a run queued behind it waits on;
 * - `SCREENING#CUSTOMER#<customer id>`: `print`, a fingerprint of what was screened of that customer, so that a new
 *   customer file is screened for what it adds or changes only.
 * A run's HIT items are written before its header, so a header always has all its hits; HIT items of an attempt
 * that crashed before its header are deleted by the next attempt.
 */
export interface DynamoDbScreeningLogOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  listId?: string;
}

const STATE = 'SCREENING#STATE';
const RUNS = 'SCREENING#RUNS';
const RunsItem = z.object({ claimed: z.number().int().nonnegative() });
const CLAIM = 'SCREENING#CLAIM#';
const ClaimItem = z.object({ until: z.iso.datetime(), by: z.string().optional(), ended: z.boolean().optional() });
/** DynamoDB's item limit is 400 KB; a hit is a few KB, so this only stops something pathological, by name. */
const MAX_ITEM_BYTES = 350_000;

const StateItem = z.object({
  screenedVersion: z.number().int().nonnegative(),
  customerFileSha256: z.string().optional(),
  customerRuns: z.number().int().nonnegative().optional(),
  problem: z.string().optional(),
});
const PrintItem = z.object({ customerId: z.string(), print: z.string() });
const CUSTOMER = 'SCREENING#CUSTOMER#';
const RunItem = z.object({ run: z.string(), hits: z.number().int().nonnegative(), sentAt: z.string().optional() });
const HitItem = z.object({ customerId: z.string(), customerName: z.string(), order: z.number().int().nonnegative(), match: z.string() });
const RunHeader = RescreenRun.omit({ hits: true, sentAt: true });

export class DynamoDbScreeningLog implements ScreeningLog {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly partition: ListPartition;

  constructor(options: DynamoDbScreeningLogOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.partition = new ListPartition(options.client, options.tableName, options.listId);
  }

  async loadState(): Promise<ScreeningState | null> {
    const item = await this.partition.get(STATE);
    if (!item) return null;
    const { screenedVersion, customerFileSha256, customerRuns, problem } = parseItem(StateItem, item, this.partition.name(STATE));
    return parseItem(
      ScreeningState,
      {
        screenedVersion, customerFileSha256: customerFileSha256 ?? null, customerRuns: customerRuns ?? 0,
        problem: problem === undefined ? null : parseItemJson(z.unknown(), problem, this.partition.name(STATE)),
      },
      this.partition.name(STATE),
    );
  }

  async saveState(state: ScreeningState): Promise<void> {
    const valid = ScreeningState.parse(state);
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...this.partition.key(STATE),
          screenedVersion: valid.screenedVersion,
          ...(valid.customerFileSha256 && { customerFileSha256: valid.customerFileSha256 }),
          customerRuns: valid.customerRuns,
          ...(valid.problem && { problem: JSON.stringify(valid.problem) }),
        },
      }),
    );
  }

  async recordProblem(problem: ScreeningProblem | null): Promise<void> {
    const set = problem ? { UpdateExpression: 'SET problem = :problem', ExpressionAttributeValues: { ':problem': JSON.stringify(ScreeningProblem.parse(problem)) } } : { UpdateExpression: 'REMOVE problem' };
    await this.client.send(new UpdateCommand({ TableName: this.table, Key: this.partition.key(STATE), ...set, ConditionExpression: 'attribute_exists(sk)' })).catch((error: unknown) => {
      if (isConditionFailure(error)) throw new Error(`${this.partition.name(STATE)} does not exist: re-screening has no cursor yet`);
      throw error;
    });
  }

  async loadRun(id: RescreenRunId): Promise<RescreenRun | null> {
    const sk = runSk(id);
    const raw = await this.partition.get(sk);
    if (!raw) return null;
    const item = parseItem(RunItem, raw, this.partition.name(sk));
    const header = parseItemJson(RunHeader, item.run, this.partition.name(sk));
    if (runSk(rescreenRunId(header)) !== sk) {
      throw new DamagedItemError(this.partition.name(sk), `holds the ${header.trigger} run of version ${header.version}${header.customerRun ? `, customers run ${header.customerRun}` : ''}`);
    }
    const hits = await this.loadHits(sk);
    const matches = matchCount(hits);
    if (matches !== item.hits) throw new DamagedItemError(this.partition.name(sk), `records ${item.hits} hits, but ${matches} HIT items are stored`);
    return RescreenRun.parse({ ...header, hits, ...(item.sentAt && { sentAt: item.sentAt }) });
  }

  async recordRun(run: RescreenRun): Promise<void> {
    const valid = RescreenRun.parse(run);
    const sk = runSk(rescreenRunId(valid));
    if (await this.partition.get(sk)) return;
    const stale = await this.partition.queryPrefix(hitPrefix(sk));
    await batchWrite(this.client, this.table, stale.map((item) => ({ DeleteRequest: { Key: this.partition.key(String(item.sk)) } })));
    const hits = valid.hits.flatMap((hit, order) =>
      hit.matches.map((match) => this.sized({
        ...this.partition.key(`${hitPrefix(sk)}${match.key}#${hit.customerId}`),
        customerId: hit.customerId, customerName: hit.customerName, order, match: JSON.stringify(match),
      })),
    );
    await batchWrite(this.client, this.table, hits.map((Item) => ({ PutRequest: { Item } })));
    const { hits: _hits, sentAt: _sentAt, ...header } = valid;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: this.sized({ ...this.partition.key(sk), run: JSON.stringify(header), hits: hits.length }),
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    } catch (error) {
      // Another attempt recorded this version first: its record stands.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async markRunSent(id: RescreenRunId, at: string): Promise<void> {
    const sk = runSk(id);
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.partition.key(sk),
        UpdateExpression: 'SET sentAt = if_not_exists(sentAt, :at)',
        ConditionExpression: 'attribute_exists(sk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    ).catch((error: unknown) => {
      if (isConditionFailure(error)) throw new Error(`${this.partition.name(sk)} does not exist: a run must be recorded before it is sent`);
      throw error;
    });
  }

  async claimCustomerRun(after: number, claim: CustomerRunClaim): Promise<number> {
    if (claim.by) {
      // A retried step of the same execution: the number it took, if it took one (few are taken above `after`).
      for (let n = after + 1, last = await this.claimedCustomerRuns(); n <= last; n++) {
        const raw = await this.partition.get(claimSk(n));
        if (raw && parseItem(ClaimItem, raw, this.partition.name(claimSk(n))).by === claim.by) return n;
      }
    }
    for (;;) {
      const next = Math.max(await this.claimedCustomerRuns(), after) + 1;
      try {
        // Taken only if no one took it (or a higher one) since it was read: a racing start reads again.
        await this.client.send(new UpdateCommand({
          TableName: this.table,
          Key: this.partition.key(RUNS),
          UpdateExpression: 'SET claimed = :next',
          ConditionExpression: 'attribute_not_exists(claimed) OR claimed < :next',
          ExpressionAttributeValues: { ':next': next },
        }));
        await this.client.send(new PutCommand({ TableName: this.table, Item: { ...this.partition.key(claimSk(next)), until: claim.until, ...(claim.by && { by: claim.by }) } }));
        return next;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  async customerRunStatus(run: number): Promise<CustomerRunStatus> {
    if (await this.partition.get(runSk({ trigger: 'customers', run }))) return { state: 'recorded' };
    const raw = await this.partition.get(claimSk(run));
    if (!raw) return { state: 'unclaimed' };
    const claim = parseItem(ClaimItem, raw, this.partition.name(claimSk(run)));
    return claim.ended ? { state: 'ended' } : { state: 'claimed', until: claim.until };
  }

  async endCustomerRun(run: number): Promise<void> {
    await this.client.send(new UpdateCommand({
      TableName: this.table, Key: this.partition.key(claimSk(run)),
      UpdateExpression: 'SET ended = :ended, #until = if_not_exists(#until, :now)',
      ExpressionAttributeNames: { '#until': 'until' },
      ExpressionAttributeValues: { ':ended': true, ':now': new Date(0).toISOString() },
    }));
  }

  async claimedCustomerRuns(): Promise<number> {
    const raw = await this.partition.get(RUNS);
    return raw ? parseItem(RunsItem, raw, this.partition.name(RUNS)).claimed : 0;
  }

  async loadCustomerPrints(): Promise<Map<string, string>> {
    const prints = new Map<string, string>();
    for (const raw of await this.partition.queryPrefix(CUSTOMER)) {
      const item = parseItem(PrintItem, raw, this.partition.name(String(raw.sk)));
      prints.set(item.customerId, item.print);
    }
    return prints;
  }

  async saveCustomerPrints(changes: { set: ReadonlyMap<string, string>; remove: readonly string[] }): Promise<void> {
    await batchWrite(this.client, this.table, [
      ...[...changes.set].map(([customerId, print]) => ({ PutRequest: { Item: { ...this.partition.key(`${CUSTOMER}${customerId}`), customerId, print } } })),
      ...changes.remove.map((customerId) => ({ DeleteRequest: { Key: this.partition.key(`${CUSTOMER}${customerId}`) } })),
    ]);
  }

  /** The hits of a run, customer by customer in the file's order, each customer's matches best first. */
  private async loadHits(runSk: string): Promise<RescreenRun['hits']> {
    const byCustomer = new Map<string, { order: number; customerName: string; matches: ScreeningMatch[] }>();
    for (const raw of await this.partition.queryPrefix(hitPrefix(runSk))) {
      const sk = String(raw.sk);
      const item = parseItem(HitItem, raw, this.partition.name(sk));
      const match = parseItemJson(ScreeningMatch, item.match, this.partition.name(sk));
      const hit = byCustomer.get(item.customerId) ?? { order: item.order, customerName: item.customerName, matches: [] };
      hit.matches.push(match);
      byCustomer.set(item.customerId, hit);
    }
    return [...byCustomer]
      .sort(([, a], [, b]) => a.order - b.order)
      .map(([customerId, hit]) => ({
        customerId,
        customerName: hit.customerName,
        matches: hit.matches.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key)),
      }));
  }

  private sized(item: Item): Item {
    const bytes = Buffer.byteLength(JSON.stringify(item), 'utf8');
    if (bytes > MAX_ITEM_BYTES) throw new Error(`${this.partition.name(String(item.sk))}: ${bytes} bytes is over the ${MAX_ITEM_BYTES} an item may hold`);
    return item;
  }
}

function runSk(id: RescreenRunId): string {
  return id.trigger === 'list' ? `SCREENING#${String(id.version).padStart(10, '0')}` : `SCREENING#CUSTOMERS#${String(id.run).padStart(10, '0')}`;
}

function claimSk(run: number): string {
  return `${CLAIM}${String(run).padStart(10, '0')}`;
}

function hitPrefix(runSk: string): string {
  return `${runSk}#HIT#`;
}
