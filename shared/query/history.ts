import type { ChangeEvent } from '../domain/change-event';
import type { ListState, VersionRecord } from '../records';
import { decodeCursor, encodeCursor } from './cursor';
import { Problem } from './problem';
import type { ChangePosition, HistoryReader, StoredChange } from './read-port';
import type {
  ChangesPage,
  ChangesQuery,
  EntriesPage,
  EntriesQuery,
  EntryDetail,
  ExportDocument,
  Status,
  VersionSummary,
  VersionsQuery,
} from './schemas';
import { matchesSearch, searchText } from './search';
import { z } from 'zod';

/**
 * The read side: what the API, `serve` and the CLI's history commands answer, over a read-only store port. Every
 * answer first reads the committed version from the state and reads nothing past it.
 */

export interface HistoryOptions {
  listId?: string;
  /** The staleness alarm's threshold (monitor.config.json alarms.staleAfterHours). */
  staleAfterHours?: number;
  clock?: () => Date;
}

/** Change events read from the store per round while filtering. */
const CHANGE_BATCH = 500;

export class History {
  readonly listId: string;
  private readonly staleAfterHours: number;
  private readonly clock: () => Date;

  constructor(
    private readonly reader: HistoryReader,
    options: HistoryOptions = {},
  ) {
    this.listId = options.listId ?? 'mof';
    this.staleAfterHours = options.staleAfterHours ?? 6;
    this.clock = options.clock ?? (() => new Date());
  }

  async status(): Promise<Status> {
    const [state, screening] = await Promise.all([this.reader.loadState(), this.reader.loadScreeningState()]);
    const lastSuccess = state?.lastSuccessAt ? Date.parse(state.lastSuccessAt) : undefined;
    return {
      list: this.listId,
      committedVersion: state?.version ?? 0,
      publishedVersion: state?.publishedVersion ?? 0,
      entryCount: state?.entryCount ?? 0,
      source: state?.source ?? null,
      lastCheck:
        state?.lastCheckedAt && state.lastOutcome ? { at: state.lastCheckedAt, outcome: state.lastOutcome, reason: state.lastReason } : null,
      lastSuccessAt: state?.lastSuccessAt ?? null,
      hold: state?.hold ? { file: state.hold.file, sha256: state.hold.sha256, reasons: state.hold.reasons, since: state.hold.since } : null,
      screening: screening && {
        screenedVersion: screening.screenedVersion,
        customerRuns: screening.customerRuns,
        stopped: screening.problem && { since: screening.problem.since, reason: screening.problem.reason },
      },
      stale: lastSuccess === undefined || this.clock().getTime() - lastSuccess > this.staleAfterHours * 3_600_000,
      staleAfterHours: this.staleAfterHours,
    };
  }

  async versions(query: VersionsQuery): Promise<{ items: VersionSummary[]; next: string | null }> {
    const before = query.cursor ? decodeCursor(query.cursor, 'versions', '', { before: z.number().int().positive() }).before : undefined;
    const state = await this.reader.loadState();
    const upTo = state?.version ?? 0;
    // One more than asked says whether there is a next page without a second round trip.
    const records = await this.reader.listVersions({ upTo, before, limit: query.limit + 1 });
    const items = records.slice(0, query.limit).map((record) => summarize(record, state));
    const last = items.at(-1);
    return { items, next: records.length > query.limit && last ? encodeCursor('versions', '', { before: last.version }) : null };
  }

  async version(version: number): Promise<{ record: VersionSummary; changes: ChangeEvent[] }> {
    const state = await this.reader.loadState();
    const record = await this.reader.loadVersion(version, state?.version ?? 0);
    if (!record) throw Problem.notFound(`version ${version} is not committed (the committed version is ${state?.version ?? 0})`);
    const changes = await this.reader.listChanges({ after: { version, seq: -1 }, upTo: version, limit: Infinity });
    return { record: summarize(record, state), changes: changes.map((c) => c.event) };
  }

  async changes(query: ChangesQuery): Promise<ChangesPage> {
    const filters = JSON.stringify([query.type ?? null, query.regime ?? null, query.entityType ?? null, query.from ?? null, query.to ?? null]);
    if (query.cursor === undefined && query.since === undefined) throw Problem.badRequest('since is required (a version number, e.g. 0, or an ISO date-time); or pass cursor');
    const state = await this.reader.loadState();
    const upTo = state?.version ?? 0;
    let after: ChangePosition;
    if (query.cursor !== undefined) {
      const c = decodeCursor(query.cursor, 'changes', filters, { v: z.number().int().nonnegative(), s: z.number().int().min(-1) });
      after = { version: c.v, seq: c.s };
    } else {
      after = { version: await this.versionAt(query.since!, upTo), seq: Number.MAX_SAFE_INTEGER };
    }
    const wanted = (e: ChangeEvent) =>
      (query.type === undefined || e.type === query.type) &&
      (query.regime === undefined || e.regime.number === query.regime) &&
      (query.entityType === undefined || e.entityType === query.entityType) &&
      (query.from === undefined || (e.effectiveOn !== null && e.effectiveOn >= query.from)) &&
      (query.to === undefined || (e.effectiveOn !== null && e.effectiveOn <= query.to));

    // Unfiltered, one more than the page says whether there is a next; filtered, read ahead in larger batches.
    const filtered = [query.type, query.regime, query.entityType, query.from, query.to].some((f) => f !== undefined);
    const batchSize = filtered ? Math.max(CHANGE_BATCH, query.limit) : query.limit + 1;
    const items: ChangeEvent[] = [];
    let last: StoredChange | undefined;
    let more = true;
    while (items.length < query.limit && more) {
      const batch = await this.reader.listChanges({ after: last ?? after, upTo, limit: batchSize });
      more = batch.length === batchSize;
      for (const change of batch) {
        if (wanted(change.event)) items.push(change.event);
        last = change;
        if (items.length === query.limit) {
          more = more || change !== batch.at(-1);
          break;
        }
      }
    }
    // A cursor at the last item returned: a page that ended at the limit may have more behind it.
    const next = more && last ? encodeCursor('changes', filters, { v: last.version, s: last.seq }) : null;
    return { items, next, committedVersion: upTo };
  }

  async entries(query: EntriesQuery): Promise<EntriesPage> {
    const filters = JSON.stringify([query.regime ?? null, query.status, query.q ?? null, query.entityType ?? null]);
    const afterKey = query.cursor ? decodeCursor(query.cursor, 'entries', filters, { after: z.string() }).after : '';
    const state = await this.reader.loadState();
    const upTo = state?.version ?? 0;
    const needle = query.q === undefined ? undefined : searchText(query.q);
    const matching = (await this.reader.loadEntries(upTo))
      .filter((e) => e.key > afterKey)
      .filter((e) => query.status === 'all' || e.status === query.status)
      .filter((e) => query.regime === undefined || e.regime.number === query.regime)
      .filter((e) => query.entityType === undefined || e.entityType === query.entityType)
      .filter((e) => needle === undefined || matchesSearch(e, needle))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const items = matching.slice(0, query.limit);
    const next = matching.length > query.limit ? encodeCursor('entries', filters, { after: items.at(-1)!.key }) : null;
    return { items, next, committedVersion: upTo };
  }

  async entry(key: string): Promise<EntryDetail> {
    const state = await this.reader.loadState();
    const upTo = state?.version ?? 0;
    const [entry, changes] = await Promise.all([this.reader.loadEntry(key, upTo), this.reader.changesOf(key, upTo)]);
    if (!entry && changes.length === 0) throw Problem.notFound(`no entry ${key} in the list or its history`);
    const versions = [...new Set(changes.map((c) => c.version))];
    const loaded = await Promise.all(versions.map((version) => this.reader.loadVersion(version, upTo)));
    const records = new Map(loaded.flatMap((record) => (record ? [[record.version, record] as const] : [])));
    const timeline = changes.map((c) => {
      const record = records.get(c.version);
      if (!record) throw new Error(`change ${c.event.id} belongs to version ${c.version}, which has no record`);
      return { version: c.version, committedAt: record.committedAt, file: c.event.source.file, sha256: c.event.source.sha256, change: c.event };
    });
    return { entry, timeline, committedVersion: upTo };
  }

  /** The committed versions that changed something, newest first, each with its changes: the Atom feed's entries. */
  async recentChanges(limit: number): Promise<{ state: ListState | null; versions: { record: VersionRecord; changes: ChangeEvent[] }[] }> {
    const state = await this.reader.loadState();
    const upTo = state?.version ?? 0;
    const versions: { record: VersionRecord; changes: ChangeEvent[] }[] = [];
    let before: number | undefined;
    while (versions.length < limit) {
      const records = await this.reader.listVersions({ upTo, before, limit: 50 });
      for (const record of records) {
        if (record.kind !== 'changes' || versions.length === limit) continue;
        const changes = await this.reader.listChanges({ after: { version: record.version, seq: -1 }, upTo: record.version, limit: Infinity });
        if (changes.length > 0) versions.push({ record, changes: changes.map((c) => c.event) });
      }
      if (records.length < 50) break;
      before = records.at(-1)!.version;
    }
    return { state, versions };
  }

  /** The list as of the committed version: listed entries only, by key. */
  async exportList(): Promise<ExportDocument> {
    const state = await this.reader.loadState();
    const upTo = state?.version ?? 0;
    const [entries, record] = await Promise.all([this.reader.loadEntries(upTo), this.reader.loadVersion(upTo, upTo)]);
    return {
      list: this.listId,
      version: upTo,
      committedAt: record?.committedAt ?? null,
      source: state?.source ?? null,
      entries: entries.filter((e) => e.status === 'listed').sort((a, b) => (a.key < b.key ? -1 : 1)),
    };
  }

  /** `since`: a version number as given, or the newest version committed at or before the moment. */
  private async versionAt(since: string, upTo: number): Promise<number> {
    if (/^\d+$/.test(since)) return Number(since);
    const moment = Date.parse(since);
    let before: number | undefined;
    for (;;) {
      const records = await this.reader.listVersions({ upTo, before, limit: 100 });
      const at = records.find((r) => Date.parse(r.committedAt) <= moment);
      if (at) return at.version;
      if (records.length < 100) return 0;
      before = records.at(-1)!.version;
    }
  }
}

function summarize(record: VersionRecord, state: ListState | null): VersionSummary {
  return { ...record, published: record.version <= (state?.publishedVersion ?? 0) };
}

