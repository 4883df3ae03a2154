import type { Designation } from '../../../shared/domain/designation';
import { parseCsv } from '../../../shared/mof/csv';
import { DEFAULT_THRESHOLD, ScreeningResult } from '../../../shared/screening/schemas';
import { screenCustomers, screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { CsvRecords } from '../../support/fixtures';

const entries = parseCsv(CsvRecords.excerpt().toBytes(), { fileName: 'excerpt.csv' }).entries;
const index = new ScreeningIndex(entries);
const screen = (name: string, options: Partial<Parameters<typeof screenName>[1]> = {}) => ScreeningResult.parse(screenName(index, { name, ...options }));
const top = (name: string, options = {}) => screen(name, options).matches[0];

describe('screenName', () => {
  it('finds a listed person under a spelling the list does not use, and says which name matched and why', () => {
    const match = top('Wladimir Micheitschik');
    expect(match).toMatchObject({ key: '029-000729', matchedName: 'Vladimir Mikheychik', matchedField: 'name', entityType: 'individual' });
    expect(match!.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(match!.score).toBeLessThan(1);
    const details = match!.why.map((r) => r.detail);
    expect(details).toContain('name "Vladimir Mikheychik"');
    // Each pair says how much the listed part weighs: a given name several entries share weighs less than a surname.
    expect(details).toEqual(expect.arrayContaining([expect.stringMatching(/^wladimir ≈ vladimir, weight 0\.\d+ \(\d+ listed entries share it\)$/), 'micheitschik ≈ mikheychik, weight 1']));
  });

  it('matches an alias when the alias is the name the customer goes by', () => {
    expect(top('Rosselkhozbank')).toMatchObject({ key: '030-000011', matchedName: 'Rosselkhozbank', matchedField: 'alias', score: 1 });
    expect(top('Vladimir Mikheichik')).toMatchObject({ key: '029-000729', score: 1 });
  });

  it('lets family and given names swap, and ignores width, case and punctuation', () => {
    expect(top('MIKHEYCHIK, Vladimir')).toMatchObject({ key: '029-000729', score: 1 });
    expect(top('ミヘイチク　ウラジーミル')).toMatchObject({ key: '029-000729', score: 1, matchedName: 'ウラジーミル・ミヘイチク' });
  });

  it('meets katakana variants: long vowels, ヴ/ブ, small kana and ッ', () => {
    expect(top('ウラジミル・ミヘイチク')).toMatchObject({ key: '029-000729', score: 1 });
    expect(top('ビクトル・グレビチ')).toMatchObject({ key: '031-000007', score: 1 });
  });

  it('meets a Latin name through its katakana form, and the reverse, somewhat below an exact match', () => {
    const latin = top('Vladimir Miheichiku');
    expect(latin?.key).toBe('029-000729');
    const romaji = top('Aleksandoru Rukashenko');
    expect(romaji).toMatchObject({ key: '031-000001' });
    expect(romaji!.score).toBeLessThan(1);
  });

  it('compares a name written as one word with the same name in two, slightly discounted', () => {
    const match = top('Grodnoazot')!;
    expect(match).toMatchObject({ key: '032-000012', matchedName: 'OJSC Grodno Azot' });
    expect(match.why[0]!.detail).toContain('(words run together)');
    expect(match.why[0]!.effect).toBeGreaterThan(0.9);
    expect(match.why[0]!.effect).toBeLessThan(1);
    // The query carries no legal form for the company's OJSC: weakened as a possible person, still a match.
    expect(match.why.at(-1)).toMatchObject({ signal: 'entity-type', effect: -0.05 });
    expect(match.score).toBeCloseTo(match.why[0]!.effect - 0.05, 3);
    expect(match.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('weighs a legal form low: the name without it still matches, another name with it does not', () => {
    expect(top('Compel')).toMatchObject({ key: '028-000359' });
    expect(top('Compel')!.score).toBeGreaterThan(0.9);
    expect(screen('Sakura Joint Stock Company').matches).toEqual([]);
    expect(top('株式会社コンペル')).toMatchObject({ key: '028-000359', score: 1 });
    expect(top('コンペル')).toMatchObject({ key: '028-000359' });
  });

  it('gives no match, not an error, for a name that is not listed', () => {
    expect(screen('Tanaka Taro')).toEqual({ query: { name: 'Tanaka Taro', dateOfBirth: null, country: null, entityType: null }, threshold: DEFAULT_THRESHOLD, matches: [] });
  });

  it('reports only candidates at or above the threshold, best first', () => {
    const loose = screen('Aleksandr Lukashenko', { threshold: 0.5 });
    expect(loose.matches.length).toBeGreaterThan(1);
    const scores = loose.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s >= 0.5)).toBe(true);
    const strict = screen('Aleksandr Lukashenko', { threshold: 0.95 });
    expect(strict.matches.every((m) => m.score >= 0.95)).toBe(true);
    expect(strict.matches.length).toBeLessThan(loose.matches.length);
  });

  it('raises a candidate whose date of birth matches and lowers one whose date of birth differs', () => {
    const plain = top('Sergei Tsekhov')!.score;
    expect(plain).toBeLessThan(0.97);
    const same = top('Sergei Tsekhov', { dateOfBirth: '1953-09-28' })!;
    expect(same.score).toBeGreaterThan(plain);
    expect(same.why.at(-1)).toMatchObject({ signal: 'date-of-birth', effect: 0.05 });
    const year = top('Sergei Tsekhov', { dateOfBirth: '1953' })!.score;
    expect(year).toBeGreaterThan(plain);
    expect(year).toBeLessThan(same.score);
    const other = screen('Sergei Tsekhov', { dateOfBirth: '1990-01-01', threshold: 0.5 }).matches.find((m) => m.key === '026-000009')!;
    expect(other.score).toBeLessThan(plain);
    expect(other.why.at(-1)).toMatchObject({ signal: 'date-of-birth', effect: -0.1 });
  });

  it('reads a country by code or name in either language against nationality and address', () => {
    const plain = top('Grodno Azot')!.score;
    for (const country of ['BY', 'Belarus', 'ベラルーシ']) expect(top('Grodno Azot', { country })!.score).toBeGreaterThan(plain);
    const elsewhere = screen('Grodno Azot', { country: 'JP', threshold: 0.5 }).matches[0]!;
    expect(elsewhere.score).toBeLessThan(plain);
    expect(elsewhere.why.at(-1)).toMatchObject({ signal: 'country' });
  });

  it('keeps to the entity type asked for', () => {
    expect(top('Grodno Azot', { entityType: 'entity' })?.key).toBe('032-000012');
    expect(screen('Grodno Azot', { entityType: 'individual' }).matches).toEqual([]);
  });

  it('scores a weak alias lower than the same name as a full alias, and says so', () => {
    const tsekov = entries.find((e) => e.key === '026-000009')!;
    // The same entry with its one Latin alias moved to the weak aliases, and the primary name out of the way.
    const unnamed = { ...tsekov, name: { ja: null, en: null } };
    const asAlias: Designation = { ...unnamed, aliases: { ja: [], en: ['Sergei TSEKOV'] } };
    const asWeak: Designation = { ...unnamed, aliases: { ja: [], en: [] }, weakAliases: { ja: [], en: ['Sergei TSEKOV'] } };
    const scoreIn = (entry: Designation) => screenName(new ScreeningIndex([entry]), { name: 'Sergei Tsekhov', threshold: 0.5 }).matches[0]!;
    const match = scoreIn(asWeak);
    expect(match).toMatchObject({ matchedField: 'weakAlias', matchedName: 'Sergei TSEKOV' });
    expect(match.score).toBeLessThan(scoreIn(asAlias).score);
    expect(match.why.find((r) => r.signal === 'weak-alias')!.effect).toBeLessThan(0);
  });

  it('rejects a query it cannot read', () => {
    expect(() => screenName(index, { name: '  ' })).toThrow(/name/);
    expect(() => screenName(index, { name: 'x', threshold: 1.5 })).toThrow();
    expect(() => screenName(index, { name: 'Vladimir '.repeat(40) })).toThrow(/at most 300/);
    expect(() => screenName(index, { name: 'x', dateOfBirth: '16/5/1970' })).toThrow(/date of birth/);
  });
});

describe('screenCustomers', () => {
  it('reports only the customers with a match, each with its matches', () => {
    const result = screenCustomers(
      index,
      [
        { id: 'c1', name: 'Taro Tanaka' },
        { id: 'c2', name: 'Vladimir Mikheichik', dateOfBirth: '1970' },
        { id: 'c3', name: 'JSC Kompel', entityType: 'entity' },
      ],
      { threshold: DEFAULT_THRESHOLD, since: null },
    );
    expect(result.customers).toBe(3);
    expect(result.scope).toEqual({ since: null, entries: entries.length });
    expect(result.hits.map((h) => [h.customerId, h.matches[0]!.key])).toEqual([
      ['c2', '029-000729'],
      ['c3', '028-000359'],
    ]);
  });
});
