import { ProblemDocument } from '../../shared/query/schemas';
import { ScreeningResult } from '../../shared/screening/schemas';
import { CsvRecords } from '../support/fixtures';
import { HistoryFixture } from '../support/history';

/** `GET /v1/screen` through the router both doors use, against the embedded store after the demo's two versions. */
let fx: HistoryFixture;
beforeAll(async () => {
  fx = await HistoryFixture.afterDemo();
}, 120_000);
afterAll(() => fx.close());

async function problem(path: string): Promise<ProblemDocument> {
  const response = await fx.get(path);
  expect(response.status).toBe(400);
  return ProblemDocument.parse(JSON.parse(response.body.toString()));
}

describe('GET /v1/screen', () => {
  it('answers the screening contract for a name, with date of birth and country', async () => {
    const result = ScreeningResult.parse(await fx.getJson(`/v1/screen?name=${encodeURIComponent('ウラジミル・ミヘイチク')}&dob=1970-05-16&entityType=individual`));
    expect(result.query).toEqual({ name: 'ウラジミル・ミヘイチク', dateOfBirth: '1970-05-16', country: null, entityType: 'individual' });
    expect(result.matches[0]).toMatchObject({ key: '029-000729', matchedName: 'ウラジーミル・ミヘイチク', score: 1 });
    expect(result.matches[0]!.why.at(-1)).toMatchObject({ signal: 'date-of-birth', effect: 0.05 });
  });

  it('answers 200 with no matches for a name that is not listed, at the threshold asked for', async () => {
    expect(await fx.getJson('/v1/screen?name=Tanaka%20Taro&threshold=0.8')).toMatchObject({ threshold: 0.8, matches: [] });
  });

  it('refuses a request it cannot read, naming the parameter', async () => {
    expect((await problem('/v1/screen')).detail).toMatch(/name/);
    expect((await problem('/v1/screen?name=x&threshold=2')).detail).toMatch(/threshold/);
    expect((await problem('/v1/screen?name=x&dob=16%2F5%2F1970')).detail).toMatch(/dob/);
    expect((await problem('/v1/screen?name=x&limit=3')).detail).toMatch(/unknown query parameter limit/);
  });

  it('screens the newly committed version once one is committed', async () => {
    const keys = async () => ScreeningResult.parse(await fx.getJson('/v1/screen?name=Sergei%20Tsekov')).matches.map((m) => m.key);
    expect(await keys()).toEqual(['026-000009']);
    // An amendment gives another entry that name as an alias (a variant of real rows: the name is 026-000009's).
    await fx.check(
      CsvRecords.excerpt().map((row, at) => {
        if (row[at('番号')] !== '043-000001') return null;
        row[at('別名・別称（英語）')] += '; Sergei TSEKOV';
        row[at('告示日付')] += ' 2026.9.2改訂';
        return row;
      }),
    );
    expect(await keys()).toEqual(['026-000009', '043-000001']);
  }, 60_000);

  it('is described in the OpenAPI document', async () => {
    const document = await fx.getJson('/v1/openapi.json');
    expect(Object.keys(document.paths)).toContain('/v1/screen');
  });
});
