import { jaroWinkler, lengthAware } from './jaro-winkler';

/**
 * The distinct token keys of the whole list in one key space (native or cross-script), with the names that hold
 * each, and a bigram index to find the keys close to a query token without comparing against all of them.
 */
export class TokenSpace {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly holders: number[][] = [];
  private readonly bigrams = new Map<number, number[]>();
  private readonly bigramCounts: number[] = [];
  private overlap = new Int32Array(0);
  private readonly memo = new Map<string, ReadonlyArray<readonly [keyId: number, similarity: number]>>();

  /** Records that name `nameId` holds `key`. Call for every token before the first lookup. */
  add(key: string, nameId: number): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.holders.push([]);
      const grams = bigramsOf(key);
      this.bigramCounts.push(grams.length);
      for (const gram of new Set(grams)) {
        const list = this.bigrams.get(gram);
        if (list) list.push(id);
        else this.bigrams.set(gram, [id]);
      }
    }
    const holders = this.holders[id]!;
    if (holders[holders.length - 1] !== nameId) holders.push(nameId);
  }

  get size(): number {
    return this.keys.length;
  }

  namesHolding(keyId: number): readonly number[] {
    return this.holders[keyId]!;
  }

  /**
   * Keys with similarity ≥ `min` to `key` (memoized: a customer file repeats given names), scored as compareNames
   * scores a pair (lengthAware: a short key inside a long one is discounted), so that keys it would never pair do not
   * make candidates. A key that starts the other keeps plain Jaro-Winkler: a name run together (Tiesan for Tie San) is
   * compared joined, with its first part's letters.
   */
  similar(key: string, min: number): ReadonlyArray<readonly [number, number]> {
    const memoKey = `${min}\u0000${key}`;
    const known = this.memo.get(memoKey);
    if (known) return known;
    if (this.overlap.length < this.keys.length) this.overlap = new Int32Array(this.keys.length);
    const grams = [...new Set(bigramsOf(key))];
    const touched: number[] = [];
    for (const gram of grams) {
      for (const id of this.bigrams.get(gram) ?? []) {
        if (this.overlap[id] === 0) touched.push(id);
        this.overlap[id]!++;
      }
    }
    const found: Array<readonly [number, number]> = [];
    const exact = this.ids.get(key);
    if (exact !== undefined) found.push([exact, 1]);
    for (const id of touched) {
      const shared = this.overlap[id]!;
      this.overlap[id] = 0;
      if (id === exact || (2 * shared) / (grams.length + this.bigramCounts[id]!) < 0.3) continue;
      const other = this.keys[id]!;
      const similarity = other.startsWith(key) || key.startsWith(other) ? jaroWinkler(key, other) : lengthAware(key, other);
      if (similarity >= min) found.push([id, similarity]);
    }
    if (this.memo.size > 100_000) this.memo.clear();
    this.memo.set(memoKey, found);
    return found;
  }
}

/**
 * Bigrams of the key padded at both ends, so that one- and two-letter keys have some and the start counts; as
 * numbers (two UTF-16 code units), which hash faster than two-letter strings when a whole list is indexed.
 */
function bigramsOf(key: string): number[] {
  const grams: number[] = [];
  let previous = 0x5e; // '^'
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    grams.push(previous * 0x10000 + code);
    previous = code;
  }
  grams.push(previous * 0x10000 + 0x24); // '$'
  return grams;
}
