import type { Notice } from './change-event';
import { designationKey, type Designation } from './designation';
import { comparableText } from './normalize';

/**
 * Regime identity across editions. MOF numbers regimes (区分) by position and shifts every later number when it
 * inserts one, so a regime is recognised by what it holds: its entries' notice numbers and names (and its title,
 * when both editions carry one). `番号`-style keys of the previous edition are then rewritten into the new
 * numbering, and a renumbering becomes a notice instead of a wave of delistings and designations.
 */
export interface RegimeAlignment {
  /** previous regime number → next regime number, for every previous regime that continues. */
  mapping: Map<number, number>;
  notices: Notice[];
}

/** Shares of a block that must match for two regimes to be taken as the same. */
const MIN_OVERLAP_SHARE = 0.5;

export function alignRegimes(previous: readonly Designation[], next: readonly Designation[]): RegimeAlignment {
  const before = groupByRegime(previous);
  const after = groupByRegime(next);
  const mapping = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (from: number, to: number) => {
    mapping.set(from, to);
    taken.add(to);
  };

  // 1. Same entries: the strongest overlaps first, the unchanged number winning ties. Content goes first because
  //    titles come from a legend that can lag behind the list it titles.
  const candidates: Array<{ from: number; to: number; share: number; overlap: number }> = [];
  const holders = regimesHolding(after);
  for (const [from, a] of before) {
    const shared = overlaps(a.signatures, holders);
    for (const [to, b] of after) {
      const overlap = shared.get(to) ?? 0;
      const share = overlap / Math.max(1, Math.min(a.signatures.size, b.signatures.size));
      if (overlap > 0 && share >= MIN_OVERLAP_SHARE) candidates.push({ from, to, share, overlap });
    }
  }
  candidates.sort((x, y) => y.share - x.share || y.overlap - x.overlap || Number(y.from === y.to) - Number(x.from === x.to));
  for (const c of candidates) if (!mapping.has(c.from) && !taken.has(c.to)) pair(c.from, c.to);
  // 2. Same title on both sides, for blocks whose entries could not be compared.
  for (const [from, block] of before) {
    const title = block.title && comparableText(block.title);
    if (!title || mapping.has(from)) continue;
    const match = [...after].find(([to, b]) => !taken.has(to) && b.title && comparableText(b.title) === title);
    if (match) pair(from, match[0]);
  }
  // 3. Blocks with nothing to compare (all rows deleted, or every name rewritten) keep their number if it is free.
  for (const from of before.keys()) if (!mapping.has(from) && after.has(from) && !taken.has(from)) pair(from, from);

  const notices: Notice[] = [];
  for (const [from, to] of [...mapping].sort(([a], [b]) => a - b)) {
    const oldBlock = before.get(from)!;
    const newBlock = after.get(to)!;
    if (from !== to) {
      notices.push({ type: 'regime-renumbered', from, to, title: newBlock.title ?? oldBlock.title, entries: newBlock.size });
    }
    if (oldBlock.title && newBlock.title && oldBlock.title.trim() !== newBlock.title.trim()) {
      notices.push({ type: 'regime-title-changed', regimeNumber: to, before: oldBlock.title, after: newBlock.title });
    }
  }
  return { mapping, notices };
}

/** The key a previous entry has in the next edition's numbering. */
export function alignedKey(entry: Designation, mapping: ReadonlyMap<number, number>): string {
  const regime = mapping.get(entry.regime.number);
  // A regime that did not continue keeps its old number: its entries are then (correctly) delisted.
  return regime === undefined ? entry.key : designationKey(regime, entry.noticeNumber);
}

interface RegimeBlock {
  title: string | null;
  size: number;
  /** notice number + names of every entry with a name (deleted XLSX rows have none). */
  signatures: Set<string>;
}

function groupByRegime(entries: readonly Designation[]): Map<number, RegimeBlock> {
  const blocks = new Map<number, RegimeBlock>();
  for (const entry of entries) {
    let block = blocks.get(entry.regime.number);
    if (!block) {
      block = { title: entry.regime.title, size: 0, signatures: new Set() };
      blocks.set(entry.regime.number, block);
    }
    block.size++;
    block.title ??= entry.regime.title;
    if (entry.name.ja || entry.name.en) {
      block.signatures.add(`${entry.noticeNumber}|${comparableText(entry.name.ja)}|${comparableText(entry.name.en)}`);
    }
  }
  return blocks;
}

/**
 * Each signature of an edition and the regimes holding it: a previous regime's overlap with every next regime is
 * then one pass over its own signatures, not one per pair of regimes (40 × 40 pairs in a whole edition).
 */
function regimesHolding(blocks: ReadonlyMap<number, RegimeBlock>): Map<string, number[]> {
  const holders = new Map<string, number[]>();
  for (const [regime, block] of blocks) {
    for (const signature of block.signatures) {
      const regimes = holders.get(signature);
      if (regimes) regimes.push(regime);
      else holders.set(signature, [regime]);
    }
  }
  return holders;
}

/** How many of `signatures` each regime of the other edition holds. */
function overlaps(signatures: ReadonlySet<string>, holders: ReadonlyMap<string, readonly number[]>): Map<number, number> {
  const shared = new Map<number, number>();
  for (const signature of signatures) for (const regime of holders.get(signature) ?? []) shared.set(regime, (shared.get(regime) ?? 0) + 1);
  return shared;
}
