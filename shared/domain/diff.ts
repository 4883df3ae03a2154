import {
  CHANGE_SCHEMA_VERSION,
  type ChangeEvent,
  type ChangeSet,
  type ChangeType,
  type FieldChange,
  type Notice,
  type SourceRef,
} from './change-event';
import { compareDesignations } from './compare';
import { canonicalJson, contentHash, sha256Hex } from './content-hash';
import type { Designation } from './designation';
import { alignRegimes, alignedKey, type RegimeAlignment } from './identity';

/**
 * Previous snapshot vs next list → what changed, in a compliance analyst's terms. `previous` may hold
 * tombstones (status `deleted`) of earlier delistings, which is what makes a relisting recognisable.
 * Row order never matters; the output is sorted by key so the same input always gives the same output.
 */
export function diffLists(
  previous: readonly Designation[],
  next: readonly Designation[],
  current: SourceRef,
  alignment: RegimeAlignment = alignRegimes(previous, next),
): ChangeSet {
  const { mapping, notices } = alignment;
  const before = indexBy(previous, (e) => alignedKey(e, mapping));
  const after = indexBy(next, (e) => e.key);
  const changes: ChangeEvent[] = [];
  const cosmetic: Notice[] = [];
  const restated: Notice[] = [];
  const fileDate = fileDateOf(current.file);
  const titles = previousTitles(previous, mapping);

  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(key);
    const now = withRegimeTitle(after.get(key), titles);
    const wasListed = old?.status === 'listed';
    const isListed = now?.status === 'listed';
    if (now && isListed && !old) changes.push(event('designated', key, null, now, [], current, fileDate));
    else if (old && wasListed && !isListed) changes.push(event('delisted', key, old, now ?? null, [], current, fileDate));
    else if (old && now && !wasListed && isListed) {
      // A stored tombstone keeps the entry as it was last listed; an XLSX 削除 row keeps nothing to compare.
      const fields = old.name.ja || old.name.en ? compareDesignations(old, now).material : [];
      changes.push(event('relisted', key, old, now, fields, current, fileDate));
    } else if (old && now && wasListed && isListed) {
      const comparison = compareDesignations(old, now);
      if (comparison.material.length > 0) changes.push(event('amended', key, old, now, comparison.material, current, fileDate));
      else if (comparison.restated.length > 0) {
        restated.push({ type: 'restated', key, regime: now.regime, name: now.name, fields: comparison.restated });
      } else if (comparison.cosmetic.length > 0) {
        cosmetic.push({ type: 'cosmetic', key, regime: now.regime, name: now.name, fields: comparison.cosmetic });
      }
    }
  }

  const count = (type: ChangeType) => changes.filter((c) => c.type === type).length;
  return {
    schemaVersion: CHANGE_SCHEMA_VERSION,
    summary: { designated: count('designated'), delisted: count('delisted'), amended: count('amended'), relisted: count('relisted') },
    changes,
    notices: [...notices, ...restated, ...cosmetic],
  };
}

function event(
  type: ChangeType,
  key: string,
  before: Designation | null,
  after: Designation | null,
  fields: FieldChange[],
  source: SourceRef,
  fileDate: string | null,
): ChangeEvent {
  // A delisting names the entry as it stood while listed (an XLSX 削除 row keeps nothing but its number), under
  // the key subscribers knew it by; every other change uses the new edition's key.
  const shown = type === 'delisted' ? before! : after!;
  return {
    schemaVersion: CHANGE_SCHEMA_VERSION,
    id: eventId(type, key, before, after, source),
    type,
    key: shown.key,
    regime: shown.regime,
    noticeNumber: shown.noticeNumber,
    entityType: shown.entityType,
    name: shown.name,
    ...effectiveDate(type, before, after, fileDate),
    fields,
    before,
    after,
    source,
  };
}

/**
 * An amendment is dated by the 改訂 stamp the new edition added (the latest, if several); one without a new stamp
 * (an edit MOF did not stamp, or a workbook compared with a CSV that states a fact differently) is dated by the new
 * file's date and marked unstamped, never by an old stamp that has nothing to do with it.
 */
function effectiveDate(
  type: ChangeType,
  before: Designation | null,
  after: Designation | null,
  fileDate: string | null,
): Pick<ChangeEvent, 'effectiveOn' | 'stamped'> {
  switch (type) {
    case 'designated':
    case 'relisted':
      return { effectiveOn: after!.amendedOn.at(-1) ?? after!.designatedOn, stamped: true };
    case 'delisted':
      return after?.deletedOn ? { effectiveOn: after.deletedOn, stamped: true } : { effectiveOn: null, stamped: false };
    case 'amended': {
      const known = new Set(before!.amendedOn);
      const stamp = after!.amendedOn.filter((d) => !known.has(d)).at(-1);
      return stamp ? { effectiveOn: stamp, stamped: true } : { effectiveOn: fileDate, stamped: false };
    }
  }
}

/** `shisantouketsu20260828.csv` → `2026-08-28`: MOF names each edition by its date. */
export function fileDateOf(file: string | null): string | null {
  const m = file === null ? null : /(\d{4})(\d{2})(\d{2})(?!\d)/.exec(file);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Regime titles the previous snapshot knew, under the new edition's regime numbers. */
function previousTitles(previous: readonly Designation[], mapping: ReadonlyMap<number, number>): Map<number, string> {
  const titles = new Map<number, string>();
  for (const entry of previous) {
    // A regime that did not continue lends its title to none: its number may now be another regime's.
    const number = mapping.get(entry.regime.number);
    if (number !== undefined && entry.regime.title && !titles.has(number)) titles.set(number, entry.regime.title);
  }
  return titles;
}

/** A CSV names no regime; the title the previous snapshot knew still holds for it, new designations included. */
function withRegimeTitle(entry: Designation | undefined, titles: ReadonlyMap<number, string>): Designation | undefined {
  const title = entry && entry.regime.title === null ? titles.get(entry.regime.number) : undefined;
  return title === undefined ? entry : { ...entry!, regime: { ...entry!.regime, title } };
}
/** Same change, same file → same id; the file's hash keeps a later identical change (a second delisting) distinct. */
function eventId(type: ChangeType, key: string, before: Designation | null, after: Designation | null, source: SourceRef): string {
  const basis = canonicalJson([type, key, before && contentHash(before), after && contentHash(after), source.sha256]);
  return `chg_${sha256Hex(basis).slice(0, 32)}`;
}

function indexBy(entries: readonly Designation[], keyOf: (e: Designation) => string): Map<string, Designation> {
  const index = new Map<string, Designation>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (index.has(key)) throw new Error(`two entries share the key ${key}`);
    index.set(key, entry);
  }
  return index;
}
