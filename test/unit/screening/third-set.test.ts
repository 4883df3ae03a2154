import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';
import { screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { THIRD_SET, type ThirdSetQuery } from '../../support/third-set';
import { listedIndex } from '../../support/listed-index';

/**
 * The third hand-written set (test/support/third-set.ts) on the whole 2026-03-05 list at the default threshold: a listed
 * name must be in the top 3, an unlisted one must match nothing. The floors are what this pass reached (README,
 * Screening; before it: Arabic script 0 of 20, initials 0, translated company names 1 of 8, press katakana 0 of 14),
 * so that a change that loses any of it fails here; then each rule on named real entries.
 */
let index: ScreeningIndex;
beforeAll(async () => {
  index = await listedIndex();
}, 180_000);

const keys = (name: string) => screenName(index, { name, threshold: DEFAULT_THRESHOLD }).matches.map((m) => m.key);

function right(q: ThirdSetQuery): boolean {
  const found = keys(q.query);
  return q.expected.length === 0 ? found.length === 0 : found.slice(0, 3).some((key) => q.expected.includes(key));
}

it('shares no code with the matcher', () => {
  expect(readFileSync(join(__dirname, '..', '..', 'support', 'third-set.ts'), 'utf8')).not.toMatch(/from '[^']*shared\/screening/);
});

it.each([
  ['arabic-script', 19],
  ['arabic-latin', 21],
  ['national-cyrillic', 14],
  ['initials', 9],
  ['translated-company', 7],
  ['german-french', 12],
  ['press-katakana', 13],
  ['english-descriptive', 14],
  ['namesake-slavic', 18],
  ['namesake-korean', 12],
  ['namesake-other', 10],
])('%s: at least %i right', (kind, floor) => {
  const queries = THIRD_SET.filter((q) => q.kind === kind);
  expect(queries.filter(right).length).toBeGreaterThanOrEqual(floor);
});

describe('each rule on real list names', () => {
  it('reads Arabic script by its consonants, the article and particles as words', () => {
    expect(keys('صدام حسين')[0]).toBe('005-000001');
    expect(keys('قاسم سليماني')[0]).toBe('019-000026');
    expect(keys('حمزة بن لادن')[0]).toBe('002-000773');
    // ظ and ذ as the transliterations write them: al-Zawahiri, and the Qadhafi family's father first.
    expect(keys('أيمن الظواهري')[0]).toBe('002-000158');
    expect(keys('معمر القذافي')[0]).toBe('023-000004');
  });

  it('writes X al-Din as one word however it is spelled (Jalaluddin, ad-Din, Eddine), and Abd al-X as words', () => {
    expect(keys('Jalal ad-Din Haqqani')[0]).toBe('002-000040');
    expect(keys('جلال الدين حقاني')[0]).toBe('002-000040');
    expect(keys('Najm Eddine Faraj Ahmad')[0]).toBe('002-000510');
    expect(keys('عبد الغني برادر')[0]).toBe('002-000024');
    expect(keys('عبد الخالق الحوثي')[0]).toBe('039-000001');
  });

  it('takes a surname with initials only when the surname is rare and the initials agree', () => {
    expect(keys('ПУТИН В.В.')[0]).toBe('029-000001');
    expect(keys('Putin V.V.')[0]).toBe('029-000001');
    // Dmitry Medvedev, not Ilya or Vladimir MEDVEDEV.
    expect(keys('Медведев Д.А.')).toEqual(['029-000006']);
    // Ivanov is common on the list: initials do not make a Sergei Ivanov of any Ivanov.
    expect(keys('Ivanov S.')).toEqual([]);
  });

  it('reads a Russian company name in English too', () => {
    expect(keys('Объединённая судостроительная корпорация')[0]).toBe('028-000010');
    expect(keys('Агентство интернет-исследований')[0]).toBe('028-000002');
  });

  it('takes a Japanese title after a family name as a reference by family name', () => {
    expect(keys('プーチン大統領')[0]).toBe('029-000001');
    expect(keys('プリゴジン氏')).toContain('029-000024');
    // Without the title, a family name alone still does not claim the whole person.
    expect(keys('ソレイマニ')).toEqual([]);
  });

  it('finds an organisation by the distinctive part of its name, not by its common words', () => {
    expect(keys('Mints Radiotechnical Institute')[0]).toBe('028-000202');
    expect(keys('Wagner Group')[0]).toBe('028-000003');
    expect(keys('ワグネル')[0]).toBe('028-000003');
    expect(keys('Foreign Trade Bank of the DPRK')).toContain('014-000047');
    expect(keys('Korea Trading Company')).toEqual([]);
  });

  it('keeps Slavic family names of other stems apart, in Latin and against katakana', () => {
    expect(keys('Andriy Shevchenko')).toEqual([]);
    expect(keys('Іван Мельник')).toEqual([]);
    expect(keys('Ivan Sechkin')).toEqual([]);
    expect(keys('Sergei Kovalchik')).toEqual([]);
  });

  it('gives a Korean name no middle name: a syllable more is another given name', () => {
    expect(keys('손흥민')).not.toContain('015-000031');
    expect(keys('Son Jong Hyok')).toContain('015-000031');
  });
});
