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

/** The hex SHA-256 of a text (as UTF-8) or of bytes: list files, change ids, endpoint ids. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hash of what an entry says, leaving out where it was read from (row numbers move without any change). */
export function contentHash(entry: Designation): string {
  const { source: _source, ...content } = entry;
  return sha256Hex(canonicalJson(content));
}
