import { parseCsv } from '../../../shared/mof/csv';
import { ENTITY_TYPE_MISMATCH } from '../../../shared/screening/entity-type';
import { DEFAULT_THRESHOLD, ScreeningResult } from '../../../shared/screening/schemas';
import { screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { CsvRecords } from '../../support/fixtures';

/** The entity-type signal on the real excerpt: a query that gives no type is read by its words. */
const index = new ScreeningIndex(parseCsv(CsvRecords.excerpt().toBytes(), { fileName: 'excerpt.csv' }).entries);
const screen = (name: string, options: Partial<Parameters<typeof screenName>[1]> = {}) => ScreeningResult.parse(screenName(index, { name, ...options }));
const matchOf = (name: string, key: string, options = {}) => screen(name, { threshold: 0.5, ...options }).matches.find((m) => m.key === key);
const typeReason = (match: { why: Array<{ signal: string }> } | undefined) => match?.why.find((r) => r.signal === 'entity-type');
const LUMBER_MARINE = '034-000001';
const MIKHEYCHIK = '029-000729';

describe('entity type read from the words of the names', () => {
  it('no longer matches a person’s name to a company’s other words: Marie Müller is not LUMBER MARINE SA', () => {
    expect(screen('Marie Müller').matches).toEqual([]);
    const weakened = matchOf('Marie Müller', LUMBER_MARINE)!;
    expect(typeReason(weakened)).toEqual({ signal: 'entity-type', detail: expect.stringContaining('(sa)'), effect: ENTITY_TYPE_MISMATCH });
    // Told it is an entity, the query is compared as one: the type agrees, and the names alone decide.
    const asEntity = matchOf('Marie Müller', LUMBER_MARINE, { entityType: 'entity' })!;
    expect(typeReason(asEntity)).toBeUndefined();
    expect(asEntity.score).toBeCloseTo(weakened.score - ENTITY_TYPE_MISMATCH, 3);
    // Since issue 17 the names alone no longer reach the threshold either: MULLER and LUMBER (0.88) are two words
    // of one shape, below the knee where a pair's similarity stops counting in full.
    expect(asEntity.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(screen('Marie Müller', { entityType: 'individual', threshold: 0.5 }).matches.map((m) => m.key)).not.toContain(LUMBER_MARINE);
  });

  it('finds a company written with a legal form, its own or another, without weakening it', () => {
    for (const name of ['Lumber Marine S.A.', 'ランバー・マリン SA', 'Lumber Marine LLC', 'Lumbar Marine Ltd']) {
      const match = screen(name).matches[0];
      expect([name, match?.key, typeReason(match)]).toEqual([name, LUMBER_MARINE, undefined]);
    }
    expect(screen('株式会社コンペル').matches[0]).toMatchObject({ key: '028-000359', score: 1 });
  });

  it('still finds a company written without its legal form, weakened and saying why', () => {
    for (const name of ['Lumber Marine', 'ランバー・マリン', 'Grodno Azot']) {
      const match = screen(name).matches[0]!;
      expect(match.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(typeReason(match)).toMatchObject({ effect: ENTITY_TYPE_MISMATCH });
    }
  });

  it('weakens a listed person against a query that names an organisation, by a legal form or a company word', () => {
    const person = matchOf('Vladimir Mikheychik', MIKHEYCHIK)!;
    expect(typeReason(person)).toBeUndefined();
    for (const [name, word] of [['Vladimir Mikheychik LLC', 'llc'], ['ウラジーミル・ミヘイチク株式会社', '株式会社'], ['Vladimir Mikheychik Trading', 'trading']] as const) {
      const match = matchOf(name, MIKHEYCHIK)!;
      expect(typeReason(match)).toEqual({ signal: 'entity-type', detail: expect.stringContaining(`(${word})`), effect: ENTITY_TYPE_MISMATCH });
      expect(match.score).toBeLessThan(person.score + ENTITY_TYPE_MISMATCH + 0.001);
    }
  });

  it('does not read the words of a query whose entity type is given: the type filters instead', () => {
    const asPerson = matchOf('Vladimir Mikheychik LLC', MIKHEYCHIK, { entityType: 'individual' })!;
    expect(typeReason(asPerson)).toBeUndefined();
    expect(asPerson.score).toBeCloseTo(matchOf('Vladimir Mikheychik LLC', MIKHEYCHIK)!.score - ENTITY_TYPE_MISMATCH, 3);
    expect(matchOf('Vladimir Mikheychik LLC', MIKHEYCHIK, { entityType: 'entity' })).toBeUndefined();
  });
});
