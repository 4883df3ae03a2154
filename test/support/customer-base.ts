import { closeSync, openSync, writeSync } from 'node:fs';
import type { Designation } from '../../shared/domain/designation';
import { UNLISTED } from './screening-sets';

/**
 * A customer base of any size for the scale tests and bench/scale.ts. Half its customers join two real name parts
 * of different listed individuals (as the list writes them, in Latin letters or katakana): namesakes the screening
 * must look at closely, not easy misses. The other half join the parts of common Japanese names that are not
 * listed (screening-sets.ts), as most of a Japanese firm's customers are. Variants of listed names the list does
 * not use (as in test/fixtures/customers) are planted among them, the last in the last row.
 */
export const PLANTED = [
  { name: 'Vladimir Mikheichik', dob: '1970-05-16', key: '029-000729' },
  { name: 'ミヘイチク ウラジミール', dob: '', key: '029-000729' },
  { name: 'IBEX Shipping, Inc.', dob: '', key: '034-000002' },
  { name: 'Azia Shipping Co.', dob: '', key: '028-000260' },
] as const;

export interface CustomerBase {
  rows: number;
  bytes: number;
  /** The planted customers' ids, with the entry each must match. */
  planted: Array<{ id: string; key: string }>;
}

/** Writes `rows` customers (`id,name,dob,country`, with a header) to `path`, a planted one every `plantEvery`. */
export function writeCustomerBase(path: string, entries: readonly Designation[], rows: number, plantEvery: number): CustomerBase {
  const parts = nameParts(entries);
  const planted: CustomerBase['planted'] = [];
  const fd = openSync(path, 'w');
  let bytes = 0;
  const write = (text: string) => (bytes += writeSync(fd, text));
  try {
    write('id,name,dob,country\n');
    let lines: string[] = [];
    let random = 20_261_206;
    const next = (n: number) => {
      // A fixed linear congruential sequence: the same base on every run.
      random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0;
      return random % n;
    };
    for (let i = 1; i <= rows; i++) {
      const id = `K${String(i).padStart(9, '0')}`;
      if (i % plantEvery === 0 || i === rows) {
        const plant = PLANTED[planted.length % PLANTED.length]!;
        planted.push({ id, key: plant.key });
        lines.push(`${id},"${plant.name}",${plant.dob},`);
      } else {
        const pool = next(2) === 0 ? (next(4) === 0 ? parts.katakana : parts.latin) : parts.japanese[next(3)]!;
        const dob = next(3) === 0 ? `${1940 + next(60)}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}` : '';
        lines.push(`${id},${pool[next(pool.length)]} ${pool[next(pool.length)]},${dob},${next(4) === 0 ? 'JP' : ''}`);
      }
      if (lines.length === 10_000) {
        write(lines.join('\n') + '\n');
        lines = [];
      }
    }
    if (lines.length > 0) write(lines.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return { rows, bytes, planted };
}

/**
 * The words of listed individuals' names, in Latin letters and in katakana; and the words of the unlisted Japanese
 * people's names in kanji, katakana and romaji, by script (a customer's name is written in one).
 */
function nameParts(entries: readonly Designation[]): { latin: string[]; katakana: string[]; japanese: string[][] } {
  const people = entries.filter((e) => e.entityType === 'individual');
  const latin = new Set(people.flatMap((e) => (e.name.en ?? '').split(/[\s,]+/)).filter((w) => /^[A-Za-z'-]{3,}$/.test(w)));
  const katakana = new Set(people.flatMap((e) => (e.name.ja ?? '').split(/[・\s　=＝]+/)).filter((w) => /^[\u30a1-\u30fc]{2,}$/.test(w)));
  const unlisted = UNLISTED.slice(0, UNLISTED.indexOf('トヨタ自動車株式会社'));
  const script = (pattern: RegExp) => [...new Set(unlisted.filter((n) => pattern.test(n)).flatMap((n) => n.split(/\s+/)))];
  const japanese = [script(/^[\u4e00-\u9fff ]+$/), script(/^[\u30a1-\u30fc ]+$/), script(/^[A-Za-z ]+$/)];
  return { latin: [...latin], katakana: [...katakana], japanese };
}
