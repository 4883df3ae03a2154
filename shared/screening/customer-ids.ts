/**
 * The ids seen so far in a customer file, and the row of each, in typed arrays: a file of ten million customers
 * must be checked for repeated ids without holding ten million strings (a Map of them is ~80 bytes a customer).
 * Each id is kept as a 64-bit hash (two 32-bit halves) in an open-addressing table, 12 bytes a slot: 16M slots
 * (192 MB) hold 10M ids. Two different ids share a 64-bit hash with a chance of about n²/2⁶⁵ (3·10⁻⁶ for ten
 * million): such a file would be refused as holding a repeated id, never screened with one customer missed.
 */
export class CustomerIds {
  private high: Uint32Array;
  private low: Uint32Array;
  /** Row number + 1 of the id in each slot; 0 marks an empty slot. */
  private rows: Uint32Array;
  private count = 0;

  constructor(capacity = 1 << 16) {
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
  }

  /** Records `id` at `row`; returns the row it was first seen at, or null if it is new. */
  add(id: string, row: number): number | null {
    if ((this.count + 1) * 4 > this.rows.length * 3) this.grow();
    const [h, l] = hash64(id);
    const at = this.find(h, l);
    if (this.rows[at] !== 0) return this.rows[at]! - 1;
    this.high[at] = h;
    this.low[at] = l;
    this.rows[at] = row + 1;
    this.count++;
    return null;
  }

  private find(h: number, l: number): number {
    const mask = this.rows.length - 1;
    let at = l & mask;
    while (this.rows[at] !== 0 && (this.high[at] !== h || this.low[at] !== l)) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.high = new Uint32Array(rows.length * 2);
    this.low = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const at = this.find(high[i]!, low[i]!);
      this.high[at] = high[i]!;
      this.low[at] = low[i]!;
      this.rows[at] = rows[i]!;
    }
  }
}

/** Two independent 32-bit FNV-1a style hashes of the UTF-16 code units, mixed (murmur3's finalizer). */
function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [mix(a), mix(b ^ text.length)];
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
