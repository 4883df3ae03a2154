import { createHash } from 'node:crypto';
import type { Designation } from './designation';

/** JSON with object keys sorted, so that equal values always serialize to equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hash of what an entry says, leaving out where it was read from (row numbers move without any change). */
export function contentHash(entry: Designation): string {
  const { source: _source, ...content } = entry;
  return sha256Hex(canonicalJson(content));
}
