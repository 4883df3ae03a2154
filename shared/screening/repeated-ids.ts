import { createHash } from 'node:crypto';

/**
 * Finding a customer id repeated across the batches of a deployed screening, without holding ten million ids: each
 * batch keeps an id digest (per customer, the first 8 bytes of the id's sha256 and its row, 12 bytes, sorted by
 * hash; 18 KB a batch of 1,500, 80 MB of hashes for ten million), and the final step sorts every batch's hashes
 * together and looks for neighbours that are equal. Two different ids share 64 bits of sha256 with a chance of
 * about n² / 2⁶⁵ (3 in a million for ten million customers): an id reported repeated is, for all purposes, repeated.
 * The digest names rows, never the id itself, as the reader's errors do.
 */
const ENTRY = 12;

export function idDigest(customers: ReadonlyArray<{ id: string; row: number }>): Uint8Array {
  const entries = customers.map(({ id, row }) => ({ hash: createHash('sha256').update(id, 'utf8').digest().readBigUInt64BE(0), row }));
  entries.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.row - b.row));
  const bytes = Buffer.alloc(entries.length * ENTRY);
  entries.forEach(({ hash, row }, i) => {
    bytes.writeBigUInt64BE(hash, i * ENTRY);
    bytes.writeUInt32BE(row, i * ENTRY + 8);
  });
  return bytes;
}

/**
 * How many of the ids in `before` (one run's id digests) are in none of `after` (the next run's), and how many
 * `before` held: what a file lost at once, counted without holding either run's ids (sorted hashes, merged).
 */
export function lostIds(before: readonly Uint8Array[], after: readonly Uint8Array[]): { lost: number; of: number } {
  const [had, has] = [sortedHashes(before), sortedHashes(after)];
  let lost = 0;
  for (let i = 0, j = 0; i < had.length; i++) {
    while (j < has.length && has[j]! < had[i]!) j++;
    if (j === has.length || has[j] !== had[i]) lost++;
  }
  return { lost, of: had.length };
}

function sortedHashes(digests: readonly Uint8Array[]): BigUint64Array {
  const hashes = new BigUint64Array(digests.reduce((n, d) => n + d.length / ENTRY, 0));
  let at = 0;
  for (const digest of digests) {
    const view = Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength);
    for (let i = 0; i < view.length; i += ENTRY) hashes[at++] = view.readBigUInt64BE(i);
  }
  return hashes.sort();
}

/** The rows (file row indexes, from 0) of each id found more than once across the digests, first rows first. */
export function repeatedIds(digests: readonly Uint8Array[]): number[][] {
  const hashes = sortedHashes(digests);
  const repeated = new Set<bigint>();
  for (let i = 1; i < hashes.length; i++) if (hashes[i] === hashes[i - 1]) repeated.add(hashes[i]!);
  if (repeated.size === 0) return [];
  const rows = new Map<bigint, number[]>([...repeated].map((h) => [h, []]));
  for (const digest of digests) {
    const view = Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength);
    for (let i = 0; i < view.length; i += ENTRY) rows.get(view.readBigUInt64BE(i))?.push(view.readUInt32BE(i + 8));
  }
  return [...rows.values()].map((r) => r.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}
