import { ChangeSet, type Notice } from '../../../shared/domain/change-event';
import { diffLists } from '../../../shared/domain/diff';
import { parseCsv } from '../../../shared/mof/csv';
import { CsvRecords } from '../../support/fixtures';

/**
 * The canonical comparison must be quiet about shape and loud about meaning. CSV-to-CSV variants of the real
 * excerpt, each edited as MOF's two formats differ (restated) or as a real amendment would read (material).
 */
const FILE = 'shisantouketsu20260901.csv';
const excerpt = CsvRecords.excerpt();
const entriesOf = (records: CsvRecords) => parseCsv(records.toBytes(), { fileName: FILE }).entries;
const base = entriesOf(excerpt);

function diffEdited(key: string, edit: Record<string, string>): ChangeSet {
  const edited = excerpt.map((row, at) => {
    if (row[at('番号')] !== key) return null;
    for (const [column, value] of Object.entries(edit)) row[at(column)] = value;
    return row;
  });
  return ChangeSet.parse(diffLists(base, entriesOf(edited), { file: FILE, sha256: 'd'.repeat(64) }));
}

const restatedFields = (set: ChangeSet) =>
  set.notices.filter((n): n is Extract<Notice, { type: 'restated' }> => n.type === 'restated').flatMap((n) => n.fields.map((f) => f.field));

describe('restated, not amended', () => {
  it.each<[string, string, Record<string, string>, string[]]>([
    ['a Latin alias moved to the Japanese column', '028-000260', { '別名・別称（日本語）': '有限会社アジア海運会社; AZSCO; Azia Shipping Co', '別名・別称（英語）': 'Azia Shipping Company LLC; AZSCO; OOO Sudokhodnaia Kompaniia Azia; Asia Shipping Company' }, ['aliases.ja', 'aliases.en']],
    ['"X; Y" written "X and Y"', '029-000752', { '役職（英語）': 'Former leader of PMC Wagner Center and a former manager at JSC Concern Kalashnikov' }, ['positions.en']],
    ['the country written at the end of the address as well', '034-000003', { '住所・所在地（都市その他の情報）（英語）': 'Office 4, 1st Floor, Mitsi Building, 1, Stasinou Avenue, Nicosia, 1060, Cyprus' }, ['addresses']],
    ['"JSC " before an alias', '028-000260', { '別名・別称（英語）': 'JSC Azia Shipping Company LLC; Azia Shipping Co; AZSCO; OOO Sudokhodnaia Kompaniia Azia; Asia Shipping Company' }, ['aliases.en']],
  ])('%s', (_what, key, edit, fields) => {
    const result = diffEdited(key, edit);
    expect(result.changes).toEqual([]);
    expect(restatedFields(result)).toEqual(fields);
  });
});

describe('still amended', () => {
  it('an alias replaced by another name, reported as that name alone', () => {
    const result = diffEdited('028-000260', { '別名・別称（英語）': 'Azia Shipping Company LLC; Azia Shipping Co; AZSCO; OOO Sudokhodnaia Kompaniia Azia; Asia Marine Company' });
    expect(result.changes.map((c) => c.key)).toEqual(['028-000260']);
    expect(result.changes[0]!.fields).toEqual([expect.objectContaining({ field: 'aliases.en', added: ['Asia Marine Company'], removed: ['Asia Shipping Company'] })]);
    expect(result.changes[0]).toMatchObject({ effectiveOn: '2026-09-01', stamped: false });
  });

  it('a position that says something else', () => {
    const result = diffEdited('029-000752', { '役職（英語）': 'Former leader of PMC Wagner Center; a current manager at JSC Concern Kalashnikov' });
    expect(result.changes[0]!.fields.map((f) => [f.field, f.added])).toEqual([['positions.en', ['a current manager at JSC Concern Kalashnikov']]]);
  });

  it('an address in another city, even with the country written inside it', () => {
    const result = diffEdited('034-000003', { '住所・所在地（都市その他の情報）（英語）': 'Office 4, 1st Floor, Mitsi Building, 1, Stasinou Avenue, Limassol, 1060, Cyprus' });
    expect(result.changes[0]!.fields.map((f) => f.field)).toEqual(['addresses']);
  });

  it('a language half dropped between two files of the same format', () => {
    // Only across formats is a blank language half taken as "not carried"; within the CSV it is an edit.
    const result = diffEdited('002-000027', { '国籍（英語）': '' });
    expect(result.changes[0]!.fields.map((f) => f.field)).toEqual(['nationalities.en']);
  });

  it('a name that differs from every alias, though the aliases are unchanged', () => {
    const result = diffEdited('034-000003', { '氏名（英語）': 'Azia Shipping Holdings Group' });
    expect(result.changes[0]!.fields).toEqual([expect.objectContaining({ field: 'name.en', after: 'Azia Shipping Holdings Group' })]);
  });
});
