import { ProblemDocument } from '../../shared/query/schemas';
import { ScreeningResult } from '../../shared/screening/schemas';
import { tsekovAliasAmended } from '../support/fixtures';
import { HistoryFixture } from '../support/history';

/** `POST /v1/screen` through the router both doors use, against the embedded store after the demo's two versions. */
let fx: HistoryFixture;
beforeAll(async () => {
  fx = await HistoryFixture.afterDemo();
}, 120_000);
afterAll(() => fx.close());

async function screen(body: unknown): Promise<ScreeningResult> {
  const response = await fx.post('/v1/screen', body);
  if (response.status !== 200) throw new Error(`${response.status} ${response.body.toString()}`);
  return ScreeningResult.parse(JSON.parse(response.body.toString()));
}

async function problem(body: unknown, status = 400, contentType?: string): Promise<ProblemDocument> {
  const response = await fx.post('/v1/screen', body, contentType);
  expect(response.status).toBe(status);
  return ProblemDocument.parse(JSON.parse(response.body.toString()));
}

describe('POST /v1/screen', () => {
  it('answers the screening contract for a name, with date of birth and type, from a JSON body', async () => {
    const result = await screen({ name: 'ウラジミル・ミヘイチク', dob: '1970-05-16', entityType: 'individual' });
    expect(result.query).toEqual({ name: 'ウラジミル・ミヘイチク', dateOfBirth: '1970-05-16', country: null, entityType: 'individual' });
    expect(result.matches[0]).toMatchObject({ key: '029-000729', matchedName: 'ウラジーミル・ミヘイチク', score: 1 });
    expect(result.matches[0]!.why.at(-1)).toMatchObject({ signal: 'date-of-birth', effect: 0.05 });
  });

  it('finds the variant spellings the web view\'s search box sends', async () => {
    for (const name of ['Wladimir Micheitschik', 'ウラジミール']) {
      expect((await screen({ name, threshold: 0.7 })).matches.map((m) => m.key)).toContain('029-000729');
    }
  });

  it('answers 200 with no matches for a name that is not listed, at the threshold asked for', async () => {
    expect(await screen({ name: 'Tanaka Taro', threshold: 0.8 })).toMatchObject({ threshold: 0.8, matches: [] });
  });

  it('refuses a request it cannot read, naming the field', async () => {
    expect((await problem({})).detail).toMatch(/name/);
    expect((await problem({ name: 'x', threshold: 2 })).detail).toMatch(/threshold/);
    expect((await problem({ name: 'x', threshold: '0.9' })).detail).toMatch(/threshold/);
    expect((await problem({ name: 'x', dob: '16/5/1970' })).detail).toMatch(/dob/);
    expect((await problem({ name: 'x', limit: 3 })).detail).toMatch(/unknown body field limit/);
    expect((await problem(Buffer.from('{"name":'))).detail).toMatch(/not JSON/);
    expect((await problem(Buffer.from('name=x'), 415, 'application/x-www-form-urlencoded')).detail).toMatch(/application\/json/);
    expect((await problem({ name: 'x'.repeat(20_000) }, 413)).title).toBe('Content Too Large');
  });

  it('answers GET with 405 and Allow: POST, so that no name is ever read from a URL', async () => {
    const response = await fx.get(`/v1/screen?name=${encodeURIComponent('Vladimir Mikheychik')}`);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(ProblemDocument.parse(JSON.parse(response.body.toString())).detail).toMatch(/JSON body/);
  });

  it('screens the newly committed version once one is committed', async () => {
    const keys = async () => (await screen({ name: 'Sergei Tsekov' })).matches.map((m) => m.key);
    expect(await keys()).toEqual(['026-000009']);
    // An amendment gives another entry that name as an alias (a variant of real rows: the name is 026-000009's).
    await fx.check(tsekovAliasAmended());
    expect(await keys()).toEqual(['026-000009', '043-000001']);
  }, 60_000);

  it('is described in the OpenAPI document as a POST with its body, and no GET', async () => {
    const document = await fx.getJson('/v1/openapi.json');
    const path = document.paths['/v1/screen'];
    expect(Object.keys(path)).toEqual(['post']);
    expect(path.post.requestBody.content['application/json'].schema.required).toEqual(['name']);
    expect(path.post.parameters).toEqual([]);
    expect(path.post.responses['405'].headers.Allow.schema.const).toBe('POST');
  });
});
