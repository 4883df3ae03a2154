import { readFileSync } from 'node:fs';
import { ChangeSet, type ChangeEvent, type Notice } from '../../../shared/domain/change-event';
import type { Designation, ParsedList } from '../../../shared/domain/designation';
import { diffLists } from '../../../shared/domain/diff';
import { parseCsv } from '../../../shared/mof/csv';
import { parseXlsx } from '../../../shared/mof/xlsx';
import { CsvRecords, WORKBOOK } from '../../support/fixtures';

/**
 * The real workbook of 2026-03-05 against the real CSV excerpt of 2026-08-28, restricted to the same entries: what a
 * cross-format diff sees in production when MOF publishes one format only, or the monitor falls back to the
 * workbook. Read independently, the two editions differ by 8 amendments, each with new 2026 改訂 stamps; every other
 * difference is the two formats stating the same facts in different shapes.
 */
const CSV_FILE = 'shisantouketsu20260828.csv';
const source = (file = CSV_FILE) => ({ file, sha256: 'c'.repeat(64) });

/** Passports, addresses, dates of birth, aliases added, UN references added, all stamped 2026.3.31 and 4.17 / 5.11. */
const REAL_AMENDMENTS = ['002-000002', '002-000003', '002-000007', '002-000023', '002-000024', '002-000026', '002-000027', '002-000038'];

let workbook: ParsedList;
let previous: Designation[];
let excerpt: CsvRecords;
let result: ChangeSet;

beforeAll(async () => {
  workbook = await parseXlsx(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' });
  excerpt = CsvRecords.excerpt();
  const next = parseCsv(excerpt.toBytes(), { fileName: CSV_FILE, legend: workbook.legend }).entries;
  const keys = new Set(next.map((e) => e.key));
  previous = workbook.entries.filter((e) => keys.has(e.key));
  result = ChangeSet.parse(diffLists(previous, next, source()));
});

const amendment = (key: string) => result.changes.find((c) => c.key === key)!;
const restated = (key: string) => result.notices.find((n): n is Extract<Notice, { type: 'restated' }> => n.type === 'restated' && n.key === key);

describe('workbook 2026-03-05 → CSV 2026-08-28, the same 170 entries', () => {
  it('compares all 170 entries', () => {
    expect(previous).toHaveLength(170);
  });

  it('finds exactly the 8 real amendments and nothing designated, delisted or relisted', () => {
    expect(result.summary).toEqual({ designated: 0, delisted: 0, amended: 8, relisted: 0 });
    expect(result.changes.map((c) => c.key)).toEqual(REAL_AMENDMENTS);
  });

  it('reads the same the other way round (a CSV snapshot, then the workbook as a fallback)', () => {
    const next = parseCsv(excerpt.toBytes(), { fileName: CSV_FILE, legend: workbook.legend }).entries;
    const back = diffLists(next, previous, source('shisantouketsu20260305.xlsx'));
    expect(back.changes.map((c) => c.key)).toEqual(REAL_AMENDMENTS);
    expect(back.notices.filter((n) => n.type === 'restated').map((n) => (n as { key: string }).key)).toEqual(
      result.notices.filter((n) => n.type === 'restated').map((n) => (n as { key: string }).key),
    );
  });

  it('keeps every restated entry out of the amendments', () => {
    const restatedKeys = result.notices.filter((n) => n.type === 'restated').map((n) => (n as { key: string }).key);
    expect(restatedKeys).toHaveLength(12);
    expect(restatedKeys.filter((k) => REAL_AMENDMENTS.includes(k))).toEqual([]);
  });

  describe('one shape per test: a restatement, with the raw values kept', () => {
    it.each([
      ['Latin aliases in the English column of one file and the Japanese column of the other', '026-000005', ['aliases.ja', 'aliases.en']],
      ['the same, for an entity', '028-000359', ['aliases.ja', 'aliases.en']],
      ['the same, one alias', '029-000754', ['aliases.ja', 'aliases.en']],
      ['a position split in two around a parenthesised 別称 (…の代表者)', '015-000019', ['positions.ja', 'positions.en']],
      ['"X and Y" against "X; Y"', '029-000752', ['positions.en']],
      ['a bracketed bank name becoming its own position', '002-000031', ['positions.en']],
      ['a name "A/B" split into aliases', '032-000008', ['aliases.en']],
      ['"JSC " prefixed to an alias', '032-000011', ['aliases.en']],
      ['the country kept in the first address part in one format, split off in the other', '030-000016', ['addresses']],
      ['a bracketed acronym of the Japanese name copied into the English aliases', '032-000002', ['aliases.en']],
      ['the name and its bracket run together as an extra alias', '033-000004', ['aliases.ja']],
      ['remarks moved out of the aliases, and a title transliterated with one kana less (マウラヴィ / マウラヴ)', '002-000034', ['titles.ja']],
    ])('%s (%s)', (_shape, key, fields) => {
      expect(amendment(key)).toBeUndefined();
      const notice = restated(key)!;
      expect(notice.fields.map((f) => f.field)).toEqual(fields);
      const before = previous.find((e) => e.key === key)!;
      for (const field of notice.fields) expect(field.before).not.toEqual(field.after);
      const [first] = notice.fields;
      if (first!.field === 'addresses') expect(first!.before).toEqual([expect.stringContaining(before.addresses[0]!.detail.en!)]);
      else expect(first!.before).toEqual(readField(before, first!.field));
    });
  });

  describe('the 8 amendments read as an analyst expects', () => {
    it('are dated by the new 改訂 stamp, never an old one', () => {
      expect(result.changes.map((c) => [c.key, c.effectiveOn, c.stamped])).toEqual(
        REAL_AMENDMENTS.map((key) => [key, expect.stringMatching(/^2026-0[45]-/), true]),
      );
      expect(amendment('002-000002').effectiveOn).toBe('2026-04-17');
      expect(amendment('002-000003').effectiveOn).toBe('2026-05-11');
    });

    it('compare no field the workbook does not carry (it has no English nationality)', () => {
      const fields = result.changes.flatMap((c) => c.fields.map((f) => f.field));
      expect(fields).not.toContain('nationalities.en');
      expect(fields).toContain('passportNumbers');
    });

    it('write addresses well-formed', () => {
      const lines = result.changes.flatMap((c) => c.fields.filter((f) => f.field === 'addresses').flatMap((f) => [...(f.added ?? []), ...(f.removed ?? [])]));
      expect(lines).toContain('Kabul, Afghanistan');
      expect(lines.filter((l) => /,\s*,/.test(l))).toEqual([]);
    });

    it('give word diffs that ignore width and spacing', () => {
      const parts = result.changes.flatMap((c) => c.fields.flatMap((f) => f.wordDiff ?? []));
      const removed = parts.filter((p) => p.op === 'removed').map((p) => p.text);
      const added = new Set(parts.filter((p) => p.op === 'added').map((p) => p.text));
      expect(parts.length).toBeGreaterThan(0);
      // Nothing is removed only to come back in another width or spacing.
      expect(removed.filter((text) => added.has(text.normalize('NFKC').replace(/\s+/g, ' ')))).toEqual([]);
      expect(parts.filter((p) => p.op !== 'equal' && /[０-９]/.test(p.text))).toEqual([]);
    });

    it('carry the regime title from the previous snapshot when the new file has none', async () => {
      const untitled = parseCsv(excerpt.toBytes(), { fileName: CSV_FILE }).entries;
      expect(untitled[0]!.regime.title).toBeNull();
      const changes = diffLists(previous, untitled, source()).changes;
      expect(changes[0]!.regime.title).toBe(workbook.legend['2']);
      expect(changes[0]!.regime.title).toMatch(/タリバーン/);
    });
  });
});

describe('same content, and an unstamped material change', () => {
  it('entries whose content is the same in both editions yield no amendment', () => {
    const unchanged = result.notices.filter((n) => n.type === 'restated' || n.type === 'cosmetic');
    expect(unchanged.length).toBeGreaterThan(150);
    expect(result.changes.filter((c) => !REAL_AMENDMENTS.includes(c.key))).toEqual([]);
  });

  it('a passport number edited without a new stamp is still an amendment, dated by the file, unstamped', () => {
    // 002-000034 as in the real CSV, but one digit of its first passport number changed wherever the entry states
    // it (its column, その他の情報, the notice text, as MOF edits an entry) and no 改訂 stamp added.
    const edited = excerpt.map((row, at) =>
      row[at('番号')] === '002-000034' ? row.map((cell) => cell.replace(/OR1961825/g, 'OR1961826')) : null,
    );
    const next = parseCsv(edited.toBytes(), { fileName: CSV_FILE, legend: workbook.legend }).entries;
    const changes: ChangeEvent[] = ChangeSet.parse(diffLists(previous, next, source())).changes;
    const change = changes.find((c) => c.key === '002-000034')!;
    expect(changes.map((c) => c.key)).toEqual([...REAL_AMENDMENTS.slice(0, 7), '002-000034', '002-000038']);
    expect(change).toMatchObject({ type: 'amended', effectiveOn: '2026-08-28', stamped: false });
    expect(change.fields.map((f) => f.field)).toEqual(['passportNumbers', 'otherInformation']);
    expect(change.fields[0]!.added).toEqual([expect.stringContaining('OR1961826')]);
    expect(change.fields[0]!.removed).toEqual([expect.stringContaining('OR1961825')]);
  });

  it('a value the new edition still states elsewhere is not removed: a passport number edited in its column only', () => {
    // The CSV's その他の情報 and notice text of 002-000034 still name OR1961825: the edition states both numbers.
    const edited = excerpt.map((row, at) => {
      if (row[at('番号')] !== '002-000034') return null;
      row[at('旅券番号')] = row[at('旅券番号')]!.replace('OR1961825', 'OR1961826');
      return row;
    });
    const next = parseCsv(edited.toBytes(), { fileName: CSV_FILE, legend: workbook.legend }).entries;
    const change = diffLists(previous, next, source()).changes.find((c) => c.key === '002-000034')!;
    expect(change.fields.map((f) => [f.field, f.added, f.removed])).toEqual([['passportNumbers', [expect.stringContaining('OR1961826')], []]]);
  });
});

function readField(entry: Designation, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], entry);
}
