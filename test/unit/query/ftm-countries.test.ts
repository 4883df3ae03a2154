import { readFileSync } from 'node:fs';
import type { Designation } from '../../../shared/domain/designation';
import { parseList } from '../../../shared/mof/parse-list';
import { ftmEntities } from '../../../shared/query/export-ftm';
import { WORKBOOK } from '../../support/fixtures';

/** FtM's country and nationality properties on the real workbook: ISO codes in lower case, from either language. */
let entries: Designation[];
beforeAll(async () => {
  entries = (await parseList(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' })).entries;
}, 120_000);

const entity = (entry: Designation) => ftmEntities(entry, 'mof', null)[0]!;

describe('FtM countries', () => {
  it.each([
    ['Bosnia and Herzegovina', 'ba'],
    ['Turkey', 'tr'],
    ['U.S.A.', 'us'],
    ['パレスチナ', 'ps'],
    ['中華人民共和国', 'cn'],
    ['コンゴ民主共和国', 'cd'],
    ['Russian Federation', 'ru'],
    ['北朝鮮', 'kp'],
  ])('codes an address country or a person’s nationality written %s as %s', (name, code) => {
    const inAddress = entries.filter((e) => e.addresses.some((a) => a.country.en === name || a.country.ja === name));
    const asNationality = entries.filter((e) => e.entityType === 'individual' && [...e.nationalities.ja, ...e.nationalities.en].includes(name));
    expect(inAddress.length + asNationality.length).toBeGreaterThan(0);
    for (const e of inAddress) expect([e.key, entity(e).properties.country]).toEqual([e.key, expect.arrayContaining([code])]);
    for (const e of asNationality) expect([e.key, entity(e).properties.nationality]).toEqual([e.key, expect.arrayContaining([code])]);
  });

  it('gives every person’s nationality that names one country its code, and writes no other value', () => {
    const people = entries.filter((e) => e.entityType === 'individual' && e.nationalities.ja.length + e.nationalities.en.length > 0);
    expect(people.length).toBeGreaterThan(500);
    for (const person of people) {
      const nationality = entity(person).properties.nationality ?? [];
      expect(nationality.every((c) => /^[a-z]{2}$/.test(c))).toBe(true);
    }
    const russians = people.filter((p) => [...p.nationalities.ja, ...p.nationalities.en].some((n) => ['Russia', 'ロシア', 'ロシア連邦'].includes(n)));
    expect(russians.length).toBeGreaterThan(10);
    expect(russians.filter((p) => !entity(p).properties.nationality?.includes('ru')).map((p) => p.key)).toEqual([]);
  });
});
