import { readFileSync } from 'node:fs';
import type { Designation } from '../../../shared/domain/designation';
import { parseList } from '../../../shared/mof/parse-list';
import { ftmBirthDate, ftmEntities, ftmPassport } from '../../../shared/query/export-ftm';
import { WORKBOOK } from '../../support/fixtures';

/** FtM's value rules on the whole real workbook: dates FtM can read, identifiers within its 64 characters, no fact lost. */
let entries: Designation[];
beforeAll(async () => {
  entries = (await parseList(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' })).entries;
}, 120_000);

const FTM_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

describe('FtM birth dates', () => {
  it.each([
    ['1970-05-16', ['1970-05-16'], null],
    ['1970年', ['1970'], null],
    ['１945年', ['1945'], null],
    ['1963年頃', ['1963'], '1963年頃'],
    ['1955年から1958年の間', ['1955', '1956', '1957', '1958'], '1955年から1958年の間'],
    ['1960年-1962年頃', ['1960', '1961', '1962'], '1960年-1962年頃'],
    ['1980年または1983年', ['1980', '1983'], '1980年または1983年'],
    ['1961年1月1日から; 1963年12月31日の間', ['1961-01-01', '1962', '1963-12-31'], '1961年1月1日から; 1963年12月31日の間'],
    ['10月10日（year unknown）', [], '10月10日（year unknown）'],
  ])('reads %s as %j', (value, dates, note) => {
    expect(ftmBirthDate(value)).toEqual({ dates, note });
  });

  it('puts a date FtM can read in birthDate for every person of the workbook whose date names a year, keeping the list\'s words in notes', () => {
    const people = entries.filter((e) => e.entityType === 'individual' && e.datesOfBirth.length > 0);
    const withoutDate: string[] = [];
    for (const entry of people) {
      const { properties } = ftmEntities(entry, 'mof', null)[0]!;
      for (const d of properties.birthDate ?? []) expect(d).toMatch(FTM_DATE);
      if (!properties.birthDate && entry.datesOfBirth.some((d) => /\d{4}/.test(d.normalize('NFKC')))) withoutDate.push(`${entry.key} ${entry.datesOfBirth.join('; ')}`);
      for (const value of entry.datesOfBirth.filter((d) => !FTM_DATE.test(d.normalize('NFKC')) && !/^\d{4}年(\d{1,2}月(\d{1,2}日)?)?$/.test(d.normalize('NFKC')))) {
        expect(properties.notes).toContain(`生年月日 date of birth: ${value}`);
      }
    }
    expect(withoutDate).toEqual([]);
  });
});

describe('FtM passport numbers', () => {
  it('keeps a plain number, and takes the numbers out of prose, the prose going to notes', () => {
    expect(ftmPassport('A123456')).toEqual({ numbers: ['A123456'], note: null });
    const prose = 'アフガニスタン旅券番号：OR1961825（2003年2月4日に発行、2006年2月2日に失効、Akhter Mohmadの名義で発行)';
    expect(ftmPassport(prose)).toEqual({ numbers: ['OR1961825'], note: prose });
  });

  it('gives no passportNumber over FtM\'s 64 characters or with prose in it, on the whole workbook, and loses no passport text', () => {
    const people = entries.filter((e) => e.entityType === 'individual' && e.passportNumbers.length > 0);
    expect(people.filter((e) => e.passportNumbers.some((p) => p.length > 64)).length).toBeGreaterThanOrEqual(8);
    for (const entry of people) {
      const { properties } = ftmEntities(entry, 'mof', null)[0]!;
      for (const number of properties.passportNumber ?? []) {
        expect(number.length).toBeLessThanOrEqual(64);
        expect(number).toMatch(/^[A-Z0-9 .\/-]+$/i);
      }
      for (const value of entry.passportNumbers) {
        const kept = (properties.passportNumber ?? []).includes(value.normalize('NFKC').trim()) || (properties.notes ?? []).includes(`旅券 passport: ${value}`);
        expect([entry.key, value, kept]).toEqual([entry.key, value, true]);
      }
    }
  });

  it('gives a sourceUrl only where the source is on the web, never a local path', () => {
    const entry = entries[0]!;
    const source = { url: 'file:///home/me/data/shisantouketsu20260305.xlsx', file: 'x.xlsx', format: 'xlsx', sha256: '0'.repeat(64), archiveKey: '/tmp/x', asOf: null, fileDate: null, fetchedAt: '2026-12-06T00:00:00.000Z' } as const;
    expect(ftmEntities(entry, 'mof', source)[0]!.properties.sourceUrl).toBeUndefined();
    const web = { ...source, url: 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/shisantouketsu20260305.xlsx' };
    expect(ftmEntities(entry, 'mof', web)[0]!.properties.sourceUrl).toEqual([web.url]);
  });
});
