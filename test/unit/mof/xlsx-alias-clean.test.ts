import { readFileSync } from 'node:fs';
import type { Designation } from '../../../shared/domain/designation';
import { birthDates } from '../../../shared/mof/xlsx-alias-clean';
import { parseXlsx } from '../../../shared/mof/xlsx';
import { WORKBOOK } from '../../support/fixtures';

/**
 * An alias is a name a screening system searches for: prose left in it is a false hit or a missed one. These scan
 * every alias, former name and low-quality alias of the whole real workbook of 2026-03-05.
 */
let entries: Designation[];
beforeAll(async () => {
  entries = (await parseXlsx(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' })).entries;
});

const entry = (key: string) => entries.find((e) => e.key === key)!;

function everyAlias(): { key: string; alias: string }[] {
  return entries.flatMap((e) =>
    [e.aliases, e.formerNames, e.weakAliases].flatMap((list) => [...list.ja, ...list.en].map((alias) => ({ key: e.key, alias }))),
  );
}

const LIST_MARKER = /[（(]\s*[a-zａ-ｚ]\s*[）)]/;
const DESCRIPTOR = /以前のリスト記載ぶり|誕生名|戦闘員名|【アラビア語】|previously listed|birth name|combat name|nom de guerre|following \w+ aliases|^(?:and|or)$|false identity|使用している別名/i;
const BIRTH_CLAUSE = /出生|生まれ|生年月日|\bborn\b|\bDOB\b|\bPOB\b|\bson of\b/i;

describe('aliases of the whole workbook', () => {
  it('are many (the scan looks at something)', () => {
    expect(everyAlias().length).toBeGreaterThan(5000);
  });

  it.each([
    ['a list marker', LIST_MARKER],
    ['a descriptor', DESCRIPTOR],
    ['a birth clause', BIRTH_CLAUSE],
  ])('carry no %s', (_what, pattern) => {
    expect(everyAlias().filter(({ alias }) => pattern.test(alias))).toEqual([]);
  });

  it('split markers the cell reader left inside one alias', () => {
    expect(entry('002-000280').aliases.ja).toEqual(['マジード・アブドゥル', 'マジード・チョウドリー・アブドゥル', 'マジド・アブドゥル']);
    expect(entry('002-000201').aliases.en).toEqual(expect.arrayContaining(['Abu-Ahmad Al-Hawen', 'Abu-Ahmad Al-Shahid']));
  });

  it('keep what a descriptor says as a note on its alias', () => {
    expect(entry('002-000109').aliasNotes).toEqual([
      { alias: 'モハンマド・シャフィク・アフマディ', note: 'previously listed as (以前のリスト記載ぶり)' },
      { alias: 'Mohammad Shafiq Ahmadi', note: 'previously listed as (以前のリスト記載ぶり)' },
    ]);
    expect(entry('002-000338').aliasNotes).toContainEqual({ alias: 'Encep Nurjaman', note: 'birth name (誕生名)' });
    expect(entry('002-000411').aliasNotes).toContainEqual({ alias: 'エル・パラ', note: 'nom de guerre (戦闘員名)' });
  });

  it('keep the initials after an a.k.a. (`a.k.a. K.A. Valiev…` is no second marker)', () => {
    expect(entry('028-000225').aliases.en).toContain('K.A. Valiev Physico-Technological Institute RAS');
  });

  it('keep the Arabic script of an earlier listing in the note (the CSV states it as an original script)', () => {
    expect(entry('002-000201').aliasNotes).toContainEqual({
      alias: 'Ri’ad Muhammad Hasan Muhammad Hijazi',
      note: 'previously listed as (以前のリスト記載ぶり), in Arabic: رياض محمد حسن محمد الحجازي',
    });
    expect(entry('002-000285').aliasNotes).toContainEqual({ alias: 'Abu Bakr al-Jaziri', note: 'previously listed as (以前のリスト記載ぶり), in Arabic: أبوبكر الجزائري' });
  });

  it('drop list prose that says nothing (`the following three aliases:`, `and`)', () => {
    expect(entry('028-000030').aliases.en).toEqual([
      'GosNIImash',
      'JSC Scientific Research Institute for Mechanical Engineering',
      'State Research Institute of Mechanical Engineering named after. V.V. Bakhireva',
    ]);
  });

  it('move birth clauses to a note on the alias and their dates to the dates of birth', () => {
    const fusco = entry('002-000350');
    expect(fusco.aliases.ja).toContain('ファビオ・フスコ');
    expect(fusco.aliases.en).toContain('Fabio Fusco');
    expect(fusco.aliasNotes).toContainEqual({ alias: 'ファビオ・フスコ', note: '１９６８年１２月１８日にチュニジアにて出生' });
    expect(fusco.aliasNotes).toContainEqual({ alias: 'Fabio Fusco', note: 'born 18 Dec. 1968 in Tunisia' });
    expect(fusco.datesOfBirth).toEqual(expect.arrayContaining(['1968-05-25', '1968-12-18', '1969-07-14']));
    // `…ハイルハワ（1967年1月1日にカンダハールで出生）`: a clause alone in brackets belongs to the alias before it.
    const khairkhwa = entry('002-000094');
    expect(khairkhwa.aliases.ja).toEqual(['ムラー・ハイルッラー・ハイルハワー', 'ハイルッラー・サイード・ワリ・ハイルハワ']);
    expect(khairkhwa.aliasNotes).toContainEqual({ alias: 'ハイルッラー・サイード・ワリ・ハイルハワ', note: '1967年1月1日にカンダハールで出生' });
    expect(khairkhwa.datesOfBirth).toEqual(['1963年頃', '1967-01-01']);
  });

  it('take names given inside a clause as aliases, and only the birth date from a clause with other dates', () => {
    expect(entry('002-000600').aliases.en).toEqual(expect.arrayContaining(['Ibrahim ‘Awad Ibrahim al-Samarra’i', 'Abu Du’a']));
    // The CSV's 生年月日 for 002-000034 is `1963年頃; 1965年; 1955年`; the passports' dates in the clauses are not births.
    expect(entry('002-000034').datesOfBirth).toEqual(['1963年頃', '1965年', '1955年']);
    expect(entry('002-000034').aliases.en).toEqual(['Abdul Jalil Akhund', 'Akhter Mohmad', 'Haji Gulab Gul', 'Abdul Jalil Haqqani', 'Nazar Jan']);
  });
});

describe('birthDates', () => {
  it.each([
    ['１９６８年１２月１８日にチュニジアにて出生', ['1968-12-18']],
    ['1963年に出生', ['1963年']],
    ['born in Kandahar on 01 Jan.1967', ['1967-01-01']],
    ['son of Noor Mohmad, born in 1965 in Kandahar, Afghanistan passport number OR1961825 issued on 4 Feb.2003', ['1965年']],
    ['in Samarra, Iraq', []],
  ])('%s → %j', (clause, dates) => {
    expect(birthDates(clause)).toEqual(dates);
  });
});
