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

  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(key);
    const now = after.get(key);
    const wasListed = old?.status === 'listed';
    const isListed = now?.status === 'listed';
    if (now && isListed && !old) changes.push(event('designated', key, null, now, [], current));
    else if (old && wasListed && !isListed) changes.push(event('delisted', key, old, now ?? null, [], current));
    else if (old && now && !wasListed && isListed) {
      // A stored tombstone keeps the entry as it was last listed; an XLSX 削除 row keeps nothing to compare.
      const fields = old.name.ja || old.name.en ? compareDesignations(old, now).material : [];
      changes.push(event('relisted', key, old, now, fields, current));
    } else if (old && now && wasListed && isListed) {
      const { material, cosmetic: fields } = compareDesignations(old, now);
      if (material.length > 0) changes.push(event('amended', key, old, now, material, current));
      else if (fields.length > 0) cosmetic.push({ type: 'cosmetic', key, regime: now.regime, name: now.name, fields });
    }
  }

  const count = (type: ChangeType) => changes.filter((c) => c.type === type).length;
  return {
    schemaVersion: CHANGE_SCHEMA_VERSION,
    summary: { designated: count('designated'), delisted: count('delisted'), amended: count('amended'), relisted: count('relisted') },
    changes,
    notices: [...notices, ...cosmetic],
  };
}

function event(
  type: ChangeType,
  key: string,
  before: Designation | null,
  after: Designation | null,
  fields: FieldChange[],
  source: SourceRef,
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
    effectiveOn: effectiveDate(type, after),
    fields,
    before,
    after,
    source,
  };
}

function effectiveDate(type: ChangeType, after: Designation | null): string | null {
  switch (type) {
    case 'designated':
    case 'relisted':
      return after!.amendedOn.at(-1) ?? after!.designatedOn;
    case 'delisted':
      return after?.deletedOn ?? null;
    case 'amended':
      return after!.amendedOn.at(-1) ?? null;
  }
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
