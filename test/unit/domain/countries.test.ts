import { readFileSync } from 'node:fs';
import { countryCode, countryKey } from '../../../shared/domain/countries';
import { parseCsv } from '../../../shared/mof/csv';
import { parseList } from '../../../shared/mof/parse-list';
import { isCountryName } from '../../../shared/mof/xlsx-countries';
import { CSV_EXCERPT, WORKBOOK } from '../../support/fixtures';

describe('countryCode', () => {
  it('folds codes, English and Japanese names, width, case, kana and punctuation to one alpha-2 code', () => {
    for (const text of ['RU', 'ru', 'RUS', 'ＲＵＳ', 'Russia', 'RUSSIAN FEDERATION', 'Russian  Federation', 'ロシア', 'ロシア連邦', 'ろしあ']) {
      expect([text, countryCode(text)]).toEqual([text, 'RU']);
    }
    expect(countryCode('ボスニア・ヘルツェゴビナ')).toBe('BA');
    expect(countryCode('Bosnia & Herzegovina')).toBe('BA');
    expect(countryCode("Democratic People's Republic of Korea")).toBe('KP');
    expect(countryCode('U.S.A.')).toBe('US');
    expect(countryCode('Türkiye')).toBe('TR');
    expect(countryCode('Turkiye')).toBe('TR');
  });

  it('knows every current country by its CLDR names in both languages, not only the list’s', () => {
    for (const [text, code] of [['Vietnam', 'VN'], ['ベトナム', 'VN'], ['VN', 'VN'], ["Côte d’Ivoire", 'CI'], ["Cote d'Ivoire", 'CI'], ['コートジボワール', 'CI'], ['Myanmar (Burma)', 'MM'], ['Panama', 'PA']] as const) {
      expect([text, countryCode(text)]).toEqual([text, code]);
    }
  });

  it('reads the list’s spellings that CLDR writes otherwise', () => {
    for (const [text, code] of [['グルジア', 'GE'], ['サウディ・アラビア', 'SA'], ['クウェイト', 'KW'], ['英国', 'GB'], ['米国', 'US'], ['Congo', 'CG'], ['コンゴ共和国', 'CG'], ['コンゴ民主共和国', 'CD'], ['パレスチナ', 'PS'], ['Union of the Comoros', 'KM'], ['Iran (Islamic Republic of)', 'IR']] as const) {
      expect([text, countryCode(text)]).toEqual([text, code]);
    }
  });

  it('tries a Japanese name without its 共和国 or 国 only when the whole name is unknown', () => {
    expect(countryCode('モザンビーク共和国')).toBe('MZ');
    expect(countryCode('ケニア国')).toBe('KE');
    expect(countryCode('中国')).toBe('CN');
    expect(countryCode('韓国')).toBe('KR');
  });

  it('gives no code for what is not a current country', () => {
    for (const text of [null, '', '  ', 'Atlantis', 'Donetsk', 'SU', 'Soviet Union', 'リビア Libya', 'Italy (Domicile)']) {
      expect([text, countryCode(text)]).toEqual([text, null]);
    }
  });

  it('compares names in one form: letters and digits only, diacritics and kana folded', () => {
    expect(countryKey('Côte d’Ivoire')).toBe(countryKey("COTE D'IVOIRE"));
    expect(countryKey('Trinidad & Tobago')).toBe(countryKey('Trinidad and Tobago'));
    expect(countryKey('ボスニア・ヘルツェゴビナ')).toBe('ボスニアヘルツェゴビナ');
  });
});

describe('the real list’s country cells', () => {
  let cells: string[];
  beforeAll(async () => {
    const workbook = await parseList(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' });
    const csv = parseCsv(readFileSync(CSV_EXCERPT), { fileName: 'shisantouketsu20260828-excerpt.csv' });
    const all = [...workbook.entries, ...csv.entries].flatMap((e) => [...e.nationalities.ja, ...e.nationalities.en, ...e.addresses.flatMap((a) => [a.country.ja, a.country.en])]);
    cells = [...new Set(all.filter((c): c is string => !!c))];
  }, 120_000);

  it('has a code for every country name the parser recognises, in either language', () => {
    const names = cells.filter(isCountryName);
    expect(names.length).toBeGreaterThan(80);
    expect(names.filter((c) => !countryCode(c))).toEqual([]);
  });

  it('leaves uncoded only cells that are prose, a place or two countries, not one country name', () => {
    const uncoded = cells.filter((c) => !countryCode(c));
    expect(uncoded.length).toBeLessThan(0.25 * cells.length);
    // Each holds something beyond a name: a second script, a bracket, a comma, a sentence, or a region's name.
    const prose = /[\s,、。（(）)]|と思われる|人|Province|province/;
    expect(uncoded.filter((c) => !prose.test(c)).sort()).toEqual(['Aleppo', 'British', 'Crimea', 'Damascus', 'Donetsk', 'エジプトEgypt']);
  });
});
