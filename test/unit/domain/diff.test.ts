import { createHash } from 'node:crypto';
import { ChangeSet } from '../../../shared/domain/change-event';
import type { Designation } from '../../../shared/domain/designation';
import { diffLists } from '../../../shared/domain/diff';
import { parseCsv } from '../../../shared/mof/csv';
import { CsvRecords, MAY_2024_KEYS } from '../../support/fixtures';

const entriesOf = (records: CsvRecords, name = 'variant.csv') => parseCsv(records.toBytes(), { fileName: name }).entries;
const sourceOf = (records: CsvRecords) => ({
  file: 'next.csv',
  sha256: createHash('sha256').update(records.toBytes()).digest('hex'),
});
const diff = (before: CsvRecords, after: CsvRecords) =>
  ChangeSet.parse(diffLists(entriesOf(before), entriesOf(after), sourceOf(after)));

const excerpt = CsvRecords.excerpt();

describe('the 24 May 2024 designations', () => {
  const result = diff(excerpt.without(MAY_2024_KEYS), excerpt);

  it('are exactly twelve designations and nothing else', () => {
    expect(result.summary).toEqual({ designated: 12, delisted: 0, amended: 0, relisted: 0 });
    expect(result.notices).toEqual([]);
    expect(result.changes.map((c) => c.key)).toEqual(MAY_2024_KEYS);
  });

  it('name the people and companies, their regimes and notice numbers', () => {
    const byKey = Object.fromEntries(result.changes.map((c) => [c.key, c]));
    expect(byKey['029-000729']).toMatchObject({
      type: 'designated',
      regime: { number: 29 },
      noticeNumber: '729',
      entityType: 'individual',
      name: { ja: 'ウラジーミル・ミヘイチク', en: 'Vladimir Mikheychik' },
      effectiveOn: '2024-05-24',
      before: null,
    });
    expect(byKey['029-000729']!.after!.aliases.en).toEqual(['Vladimir Mikheichik']);
    expect(byKey['034-000003']).toMatchObject({
      regime: { number: 34 },
      noticeNumber: '3',
      entityType: 'entity',
      name: { en: 'Azia Shipping Holdings Limited' },
    });
    expect(byKey['034-000003']!.after!.addresses[0]!.country.en).toBe('Cyprus');
    const russianEntities = result.changes.filter((c) => c.regime.number === 28);
    expect(russianEntities).toHaveLength(9);
    expect(russianEntities.every((c) => c.entityType === 'entity')).toBe(true);
    expect(result.changes.filter((c) => c.entityType === 'individual')).toHaveLength(1);
  });
});

describe('delisting', () => {
  it('reports a vanished row as delisted, described as it stood', () => {
    const result = diff(excerpt, excerpt.without(['029-000745']));
    expect(result.summary).toEqual({ designated: 0, delisted: 1, amended: 0, relisted: 0 });
    const [change] = result.changes;
    expect(change).toMatchObject({ type: 'delisted', key: '029-000745', regime: { number: 29 }, after: null });
    expect(change!.name.en).toBe(change!.before!.name.en);
    expect(change!.name.en).toBeTruthy();
  });

  it('relists an entry whose tombstone is in the snapshot', () => {
    const previous = entriesOf(excerpt).map((e): Designation => (e.key === '043-000002' ? { ...e, status: 'deleted' } : e));
    const result = diffLists(previous, entriesOf(excerpt), sourceOf(excerpt));
    expect(result.summary).toEqual({ designated: 0, delisted: 0, amended: 0, relisted: 1 });
    expect(result.changes[0]).toMatchObject({ type: 'relisted', key: '043-000002', name: { en: 'Zvi Bar Yosef' } });
  });

  it('does not report a tombstone that stays absent', () => {
    const previous = entriesOf(excerpt).map((e): Designation => (e.key === '043-000002' ? { ...e, status: 'deleted' } : e));
    const result = diffLists(previous, entriesOf(excerpt.without(['043-000002'])), sourceOf(excerpt));
    expect(result.changes).toEqual([]);
  });
});

describe('amendment', () => {
  const amended = excerpt.map((row, at) => {
    if (row[at('番号')] !== '029-000729') return null;
    row[at('告示日付')] += ' 2026.9.2改訂';
    row[at('別名・別称（英語）')] += '; Vladimir Mikheichyk';
    row[at('役職（英語）')] = 'Former General Director of Open Joint Stock Company State Airline 224th Flight Detachment';
    return row;
  });
  const result = diff(excerpt, amended);

  it('lists every changed field with before and after', () => {
    expect(result.summary).toEqual({ designated: 0, delisted: 0, amended: 1, relisted: 0 });
    const [change] = result.changes;
    expect(change).toMatchObject({ type: 'amended', key: '029-000729', effectiveOn: '2026-09-02' });
    expect(change!.fields.map((f) => f.field).sort()).toEqual(['aliases.en', 'amendedOn', 'positions.en']);
    const aliases = change!.fields.find((f) => f.field === 'aliases.en')!;
    expect(aliases).toMatchObject({
      before: ['Vladimir Mikheichik'],
      after: ['Vladimir Mikheichik', 'Vladimir Mikheichyk'],
      added: ['Vladimir Mikheichyk'],
      removed: [],
    });
    expect(change!.fields.find((f) => f.field === 'amendedOn')).toMatchObject({ added: ['2026-09-02'] });
  });

  it('gives text fields a word-level diff', () => {
    const position = result.changes[0]!.fields.find((f) => f.field === 'positions.en')!;
    expect(position.added).toEqual(['Former General Director of Open Joint Stock Company State Airline 224th Flight Detachment']);
    expect(position.removed).toEqual(['General Director of Open Joint Stock Company State Airline 224th Flight Detachment']);
    const name = diff(excerpt, excerpt.map((row, at) => {
      if (row[at('番号')] !== '043-000001') return null;
      row[at('氏名（英語）')] = 'Yinon Levy';
      return row;
    })).changes[0]!.fields[0]!;
    expect(name).toMatchObject({ field: 'name.en', before: 'Yinon Levi', after: 'Yinon Levy' });
    expect(name.wordDiff).toEqual([
      { op: 'equal', text: 'Yinon ' },
      { op: 'removed', text: 'Levi' },
      { op: 'added', text: 'Levy' },
    ]);
  });

  it('counts a new 改訂 stamp alone as an amendment', () => {
    const stamped = excerpt.map((row, at) => (row[at('番号')] === '043-000003' ? (row[at('告示日付')] += ' 2026.10.9改訂', row) : null));
    const result = diff(excerpt, stamped);
    expect(result.changes.map((c) => [c.type, c.key, c.fields.map((f) => f.field)])).toEqual([['amended', '043-000003', ['amendedOn']]]);
  });
});

describe('what is not a change', () => {
  it('ignores row order', () => {
    const result = diff(excerpt, excerpt.reordered());
    expect(result.changes).toEqual([]);
    expect(result.notices).toEqual([]);
  });

  it('treats width, spacing, punctuation, case, alias order and the notice-text column as cosmetic', () => {
    const retyped = excerpt.map((row, at) => {
      switch (row[at('番号')]) {
        case '029-000729':
          row[at('氏名（英語）')] = 'VLADIMIR  MIKHEYCHIK';
          row[at('生年月日')] = '１９７０/５/１６';
          return row;
        case '028-000260':
          row[at('別名・別称（英語）')] = row[at('別名・別称（英語）')]!.split('; ').reverse().join('；');
          row[at('住所・所在地（都市その他の情報）（英語）')] += ',';
          return row;
        case '002-000003':
          row[at('外務省告示情報')] = row[at('外務省告示情報')]!.replace(/\s+/g, ' ');
          return row;
        default:
          return null;
      }
    });
    const result = diff(excerpt, retyped);
    expect(result.changes).toEqual([]);
    expect(result.notices).toEqual([
      expect.objectContaining({ type: 'cosmetic', key: '002-000003', fields: ['noticeText'] }),
      expect.objectContaining({ type: 'cosmetic', key: '028-000260', fields: ['aliases.en', 'addresses'] }),
      expect.objectContaining({ type: 'cosmetic', key: '029-000729', fields: ['name.en'] }),
    ]);
    // Full-width digits in a date of birth are read as the same ISO date, so nothing is left to compare.
    const retypedEntry = entriesOf(retyped).find((e) => e.key === '029-000729')!;
    expect(retypedEntry.datesOfBirth).toEqual(['1970-05-16']);
  });
});

describe('regime renumbering', () => {
  /** MOF inserts a regime before 30: every later regime moves up by one, and with it every 番号. */
  const renumbered = excerpt.renumbered(30);

  it('is a notice per regime, never delistings and designations', () => {
    const result = diff(excerpt, renumbered);
    expect(result.changes).toEqual([]);
    expect(result.notices.map((n) => (n.type === 'regime-renumbered' ? [n.from, n.to] : n.type))).toEqual([
      [30, 31], [31, 32], [32, 33], [33, 34], [34, 35], [35, 36], [36, 37], [43, 44], [44, 45],
    ]);
  });

  it('still sees a real change inside a renumbered regime, under the new key', () => {
    const result = diff(excerpt, renumbered.without(['035-000002']));
    expect(result.changes.map((c) => [c.type, c.key, c.name.en])).toEqual([['delisted', '034-000002', 'IBEX Shipping INC']]);
    const designatedToo = diff(excerpt.without(['034-000003']), renumbered);
    expect(designatedToo.changes.map((c) => [c.type, c.key, c.regime.number])).toEqual([['designated', '035-000003', 35]]);
  });
});

describe('event ids', () => {
  it('are the same for the same input and differ for another file', () => {
    const before = excerpt.without(MAY_2024_KEYS);
    const first = diff(before, excerpt).changes.map((c) => c.id);
    const second = diff(before, excerpt).changes.map((c) => c.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(12);
    const elsewhere = diffLists(entriesOf(before), entriesOf(excerpt), { file: 'x', sha256: '0'.repeat(64) });
    expect(elsewhere.changes.map((c) => c.id)).not.toEqual(first);
  });
});
