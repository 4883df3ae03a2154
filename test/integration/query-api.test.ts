import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { ChangeEvent } from '../../shared/domain/change-event';
import { Designation } from '../../shared/domain/designation';
import { handleApiRequest } from '../../shared/query/router';
import { ChangesPage, EntriesPage, EntryDetail, ExportDocument, ProblemDocument, Status, VersionDetail, VersionsPage } from '../../shared/query/schemas';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { HistoryFixture } from '../support/history';

/**
 * The read API's contract, through the router both doors use, against the embedded store after the demo's
 * pipeline: a baseline, then the 12 designations of 24 May 2024 as version 2.
 */
let fx: HistoryFixture;
beforeAll(async () => {
  fx = await HistoryFixture.afterDemo();
});
afterAll(() => fx.close());

async function problem(path: string, status = 400): Promise<ProblemDocument> {
  const response = await fx.get(path);
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return ProblemDocument.parse(JSON.parse(response.body.toString()));
}

describe('status and versions', () => {
  it('reports the committed and published versions, the source file and the last check', async () => {
    const status = Status.parse(await fx.getJson('/v1/status'));
    expect(status).toMatchObject({ committedVersion: 2, publishedVersion: 2, entryCount: 170, stale: false });
    expect(status.lastCheck?.outcome).toBe('changed');
    expect(status.source?.file).toBe('shisantouketsu20260828-excerpt.csv');
    expect(status.hold).toBeNull();
    expect(status.screening).toBeNull();
  });

  it('says where re-screening stands and what stops it, with no customer data', async () => {
    const log = new DynamoDbScreeningLog({ client: fx.dynamo.client, tableName: fx.dynamo.tableName });
    const reason = 's3://archive/screening/customers.csv row 7, column dob: not a date (YYYY-MM-DD, YYYY/M/D, YYYY-MM or YYYY)';
    await log.saveState({ screenedVersion: 1, customerFileSha256: 'e'.repeat(64), customerRuns: 1, problem: { reason, since: '2026-12-02T01:00:00.000Z', alertedAt: '2026-12-02T01:00:00.000Z' } });
    expect(Status.parse(await fx.getJson('/v1/status')).screening).toEqual({ screenedVersion: 1, customerRuns: 1, stopped: { since: '2026-12-02T01:00:00.000Z', reason } });
    await log.recordProblem(null);
    expect(Status.parse(await fx.getJson('/v1/status')).screening).toEqual({ screenedVersion: 1, customerRuns: 1, stopped: null });
  });

  it('lists versions newest first, one page at a time', async () => {
    const first = VersionsPage.parse(await fx.getJson('/v1/versions?limit=1'));
    expect(first.items.map((v) => [v.version, v.kind, v.published])).toEqual([[2, 'changes', true]]);
    const second = VersionsPage.parse(await fx.getJson(`/v1/versions?limit=1&cursor=${first.next}`));
    expect(second.items.map((v) => [v.version, v.kind])).toEqual([[1, 'baseline']]);
    expect(second.next).toBeNull();
  });

  it('gives a version with its change events, and 404 for one not committed', async () => {
    const detail = VersionDetail.parse(await fx.getJson('/v1/versions/2'));
    expect(detail.record.summary).toEqual({ designated: 12, delisted: 0, amended: 0, relisted: 0 });
    expect(detail.changes.map((c) => c.key).sort()).toEqual(MAY_2024_KEYS);
    expect((await problem('/v1/versions/3', 404)).detail).toMatch(/version 3 is not committed/);
    await problem('/v1/versions/two');
  });
});

describe('changes since', () => {
  it('answers exactly the JSON the webhooks carry, oldest first', async () => {
    const page = ChangesPage.parse(await fx.getJson('/v1/changes?since=0'));
    const published = fx.notifier.deliveries.flatMap((d) => (d.channel === 'event' ? [JSON.stringify(ChangeEvent.parse(d.event))] : []));
    expect(page.items.map((e) => JSON.stringify(e))).toEqual(published);
    expect(page).toMatchObject({ next: null, committedVersion: 2 });
    expect(page.items).toHaveLength(12);
  });

  it('takes a version or a moment; since the newest version or the future there is nothing', async () => {
    const v2 = VersionDetail.parse(await fx.getJson('/v1/versions/2')).record;
    const justBefore = new Date(Date.parse(v2.committedAt) - 1).toISOString();
    expect(ChangesPage.parse(await fx.getJson(`/v1/changes?since=${justBefore}`)).items).toHaveLength(12);
    expect(ChangesPage.parse(await fx.getJson(`/v1/changes?since=${encodeURIComponent(v2.committedAt)}`)).items).toEqual([]);
    for (const since of ['2', '99', '2999-01-01T00:00:00Z', encodeURIComponent('2999-01-01T09:00:00+09:00')]) {
      expect(await fx.getJson(`/v1/changes?since=${since}`)).toEqual({ items: [], next: null, committedVersion: 2 });
    }
  });

  it('filters by change type, regime and entity type', async () => {
    const people = ChangesPage.parse(await fx.getJson('/v1/changes?since=0&type=designated&entityType=individual'));
    expect(people.items.map((c) => c.key)).toEqual(['029-000729']);
    const cyprus = ChangesPage.parse(await fx.getJson('/v1/changes?since=0&regime=34'));
    expect(cyprus.items.map((c) => c.key)).toEqual(['034-000002', '034-000003']);
    expect(ChangesPage.parse(await fx.getJson('/v1/changes?since=0&type=delisted')).items).toEqual([]);
  });

  it('filters by the date a change takes effect before paging, so every page but the last is full', async () => {
    const pages: string[][] = [];
    let path = '/v1/changes?since=0&from=2024-05-24&to=2024-05-24&limit=5';
    for (;;) {
      const page = ChangesPage.parse(await fx.getJson(path));
      pages.push(page.items.map((c) => c.key));
      if (!page.next) break;
      path = `/v1/changes?from=2024-05-24&to=2024-05-24&limit=5&cursor=${page.next}`;
    }
    expect(pages.map((keys) => keys.length)).toEqual([5, 5, 2]);
    expect(pages.flat().sort()).toEqual(MAY_2024_KEYS);
    for (const range of ['from=2024-05-25', 'to=2024-05-23', 'from=2024-05-25&to=2024-05-23']) {
      expect([range, ChangesPage.parse(await fx.getJson(`/v1/changes?since=0&${range}`)).items]).toEqual([range, []]);
    }
    expect(ChangesPage.parse(await fx.getJson('/v1/changes?since=0&from=2024-05-24&type=designated&entityType=individual')).items.map((c) => c.key)).toEqual(['029-000729']);
  });

  it('pages with a cursor that carries the filters it was issued for', async () => {
    const keys: string[] = [];
    let path = '/v1/changes?since=0&entityType=entity&limit=4';
    for (;;) {
      const page = ChangesPage.parse(await fx.getJson(path));
      keys.push(...page.items.map((c) => c.key));
      if (!page.next) break;
      path = `/v1/changes?entityType=entity&limit=4&cursor=${page.next}`;
    }
    expect(keys).toEqual(MAY_2024_KEYS.filter((k) => k !== '029-000729'));

    const first = ChangesPage.parse(await fx.getJson('/v1/changes?since=0&limit=4'));
    expect((await problem(`/v1/changes?type=designated&cursor=${first.next}`)).detail).toMatch(/other filters/);
    const versions = VersionsPage.parse(await fx.getJson('/v1/versions?limit=1'));
    expect((await problem(`/v1/changes?cursor=${versions.next}`)).detail).toMatch(/not issued by this listing/);
  });

  it.each([
    ['/v1/changes', /since is required/],
    ['/v1/changes?since=yesterday', /since: must be a version number/],
    ['/v1/changes?since=-1', /since/],
    ['/v1/changes?since=2024-05-24', /ISO date-time/],
    ['/v1/changes?since=0&limit=0', /limit/],
    ['/v1/changes?since=0&limit=1001', /limit/],
    ['/v1/changes?since=0&type=added', /type/],
    ['/v1/changes?since=0&entityType=vessel', /entityType/],
    ['/v1/changes?since=0&regime=x', /regime/],
    ['/v1/changes?since=0&since=1', /given more than once/],
    ['/v1/changes?since=0&sinse=1', /unknown query parameter sinse/],
    ['/v1/changes?since=0&cursor=not-a-cursor', /cursor/],
    ['/v1/changes?since=0&cursor=%7B%7D', /cursor/],
    [`/v1/changes?cursor=${Buffer.from('{"k":"changes","f":"[null,null,null,null,null]","v":-5,"s":0}').toString('base64url')}`, /cursor/],
    ['/v1/changes?since=0&from=24-05-2024', /from: expected an ISO date/],
    ['/v1/changes?since=0&to=2024/05/24', /to: expected an ISO date/],
  ])('%s is a 400 problem document naming the parameter', async (path, detail) => {
    const document = await problem(path);
    expect(document).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, instance: '/v1/changes' });
    expect(document.detail).toMatch(detail);
  });
});

describe('paging while new versions are committed', () => {
  let live: HistoryFixture;
  beforeAll(async () => {
    live = await HistoryFixture.afterDemo();
  });
  afterAll(() => live.close());

  it('returns every change exactly once, in history order', async () => {
    const all = CsvRecords.excerpt();
    // Each commit between pages: two delistings, then their relisting, then an amendment.
    const commits = [
      all.without(['029-000729', '034-000002']),
      all,
      all.map((row, at) => (row[at('番号')] === '028-000258' ? ((row[at('別名・別称（英語）')] = 'MG Float'), row) : null)),
    ];
    const seen: string[] = [];
    let path = '/v1/changes?since=0&limit=5';
    let pages = 0;
    for (;;) {
      const page = ChangesPage.parse(await live.getJson(path));
      seen.push(...page.items.map((c) => c.id));
      pages++;
      const commit = commits.shift();
      if (commit) await live.check(commit);
      if (!page.next) {
        if (commits.length === 0 && !commit) break;
        // A client that reached the end asks again from the version it was told.
        path = `/v1/changes?since=${page.committedVersion}&limit=5`;
        continue;
      }
      path = `/v1/changes?limit=5&cursor=${page.next}`;
    }
    const status = Status.parse(await live.getJson('/v1/status'));
    expect(status.committedVersion).toBe(5);
    const expected: string[] = [];
    for (let v = 1; v <= status.committedVersion; v++) expected.push(...VersionDetail.parse(await live.getJson(`/v1/versions/${v}`)).changes.map((c) => c.id));
    expect(expected.length).toBe(12 + 2 + 2 + 1);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('says which file is held, while nothing of it is visible', async () => {
    const all = CsvRecords.excerpt();
    const report = await live.check(all.without(all.rows.slice(0, 120).map((r) => all.get(r, '番号'))), { mayHold: true });
    expect(report.outcome).toBe('held');
    const status = Status.parse(await live.getJson('/v1/status'));
    expect(status.committedVersion).toBe(5);
    expect(status.lastCheck?.outcome).toBe('held');
    expect(status.hold).toMatchObject({ file: expect.stringMatching(/^shisantouketsu\d+\.csv$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(status.hold!.reasons.join(' ')).toMatch(/delist/i);
    expect(ChangesPage.parse(await live.getJson('/v1/changes?since=5')).items).toEqual([]);
  });
});

describe('entries', () => {
  it('lists the current entries by key, filtered and paged', async () => {
    const page = EntriesPage.parse(await fx.getJson('/v1/entries?limit=1000'));
    expect(page.items).toHaveLength(170);
    expect(page.items.map((e) => e.key)).toEqual(page.items.map((e) => e.key).sort());
    const keys: string[] = [];
    let path = '/v1/entries?regime=28&limit=3';
    for (;;) {
      const p = EntriesPage.parse(await fx.getJson(path));
      keys.push(...p.items.map((e) => e.key));
      if (!p.next) break;
      path = `/v1/entries?regime=28&limit=3&cursor=${p.next}`;
    }
    expect(keys).toEqual(page.items.filter((e) => e.regime.number === 28).map((e) => e.key));
    expect(EntriesPage.parse(await fx.getJson('/v1/entries?status=deleted')).items).toEqual([]);
    await problem('/v1/entries?status=gone');
  });

  it('filters by individual or entity before paging, so every page but the last is full', async () => {
    const all = EntriesPage.parse(await fx.getJson('/v1/entries?limit=1000')).items;
    for (const entityType of ['individual', 'entity'] as const) {
      const expected = all.filter((e) => e.entityType === entityType).map((e) => e.key);
      expect(expected.length).toBeGreaterThan(7);
      const pages: string[][] = [];
      let path = `/v1/entries?entityType=${entityType}&limit=7`;
      for (;;) {
        const p = EntriesPage.parse(await fx.getJson(path));
        pages.push(p.items.map((e) => e.key));
        if (!p.next) break;
        path = `/v1/entries?entityType=${entityType}&limit=7&cursor=${p.next}`;
      }
      expect(pages.flat()).toEqual(expected);
      expect(pages.slice(0, -1).every((keys) => keys.length === 7)).toBe(true);
      // With the other filters: regime 28's entities are the entities among regime 28's entries.
      const both = EntriesPage.parse(await fx.getJson(`/v1/entries?regime=28&entityType=${entityType}&limit=1000`)).items;
      expect(both.map((e) => e.key)).toEqual(all.filter((e) => e.regime.number === 28 && e.entityType === entityType).map((e) => e.key));
    }
    // A cursor belongs to its filters; a type the list does not have is refused by name.
    const first = EntriesPage.parse(await fx.getJson('/v1/entries?entityType=entity&limit=2'));
    expect((await problem(`/v1/entries?entityType=individual&limit=2&cursor=${first.next}`)).detail).toMatch(/other filters/);
    expect((await problem('/v1/entries?entityType=vessel')).detail).toMatch(/entityType/);
  });

  it('finds an entry by any of its names, in either script and width, or by key', async () => {
    for (const q of ['ミヘイチク', 'mikheichik', 'ＭＩＫＨＥＹＣＨＩＫ', '029-000729', 'Vladimir Mikheychik']) {
      const found = EntriesPage.parse(await fx.getJson(`/v1/entries?q=${encodeURIComponent(q)}`));
      expect(found.items.map((e) => e.key)).toEqual(['029-000729']);
    }
  });

  it("gives an entry with its timeline, and the version and file each change was seen in", async () => {
    const detail = EntryDetail.parse(await fx.getJson('/v1/entries/029-000729'));
    expect(detail.entry?.name).toEqual({ ja: 'ウラジーミル・ミヘイチク', en: 'Vladimir Mikheychik' });
    expect(detail.timeline).toHaveLength(1);
    expect(detail.timeline[0]).toMatchObject({ version: 2, file: 'shisantouketsu20260828-excerpt.csv' });
    expect(detail.timeline[0]!.change).toMatchObject({ type: 'designated', key: '029-000729' });
    const quiet = EntryDetail.parse(await fx.getJson('/v1/entries/001-000001'));
    expect(quiet.entry?.key).toBe('001-000001');
    expect(quiet.timeline).toEqual([]);
    expect((await problem('/v1/entries/999-999999', 404)).detail).toMatch(/no entry 999-999999/);
    await problem('/v1/entries/729');
  });
});

describe('export', () => {
  it('json: the listed entries of the committed version', async () => {
    const list = ExportDocument.parse(await fx.getJson('/v1/export'));
    expect(list).toMatchObject({ list: 'mof', version: 2 });
    expect(list.entries).toHaveLength(170);
    for (const e of list.entries) expect(Designation.parse(e).status).toBe('listed');
    await problem('/v1/export?format=xml');
  });

  it('csv: one row per entry, Japanese intact, quoted where needed', async () => {
    const response = await fx.get('/v1/export?format=csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="jp-sanctions-mof-v2.csv"');
    const [header, ...rows] = parse(response.body.toString('utf8'), { bom: true }) as string[][];
    expect(rows).toHaveLength(170);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === '029-000729')![i]]));
    expect(row).toMatchObject({ name_ja: 'ウラジーミル・ミヘイチク', name_en: 'Vladimir Mikheychik', aliases_en: 'Vladimir Mikheichik', designated_on: '2024-05-24', dates_of_birth: '1970-05-16' });
  });
});

describe('HTTP behaviour', () => {
  it('refuses writes with 405 and answers unknown paths with 404, both as problem documents', async () => {
    const post = await handleApiRequest({ method: 'POST', path: '/v1/status', query: new URLSearchParams(), baseUrl: '' }, { history: fx.history });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    await problem('/v2/status', 404);
  });

  it('gzips a large answer for a client that accepts it', async () => {
    const request = { method: 'GET', path: '/v1/export', query: new URLSearchParams(), baseUrl: '' };
    const plain = await handleApiRequest(request, { history: fx.history });
    const zipped = await handleApiRequest({ ...request, acceptEncoding: 'br, gzip' }, { history: fx.history });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('answers a poller that has the answer already with 304 and no body', async () => {
    const request = { method: 'GET', path: '/v1/feed.atom', query: new URLSearchParams(), baseUrl: '' };
    const first = await handleApiRequest(request, { history: fx.history });
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    const again = await handleApiRequest({ ...request, ifNoneMatch: `W/"other", ${etag}` }, { history: fx.history });
    expect((await handleApiRequest({ ...request, ifNoneMatch: etag.slice(2) }, { history: fx.history })).status).toBe(304);
    expect(again).toMatchObject({ status: 304, headers: { etag } });
    expect(again.body.length).toBe(0);
    const other = await handleApiRequest({ ...request, path: '/v1/versions' , ifNoneMatch: etag }, { history: fx.history });
    expect(other.status).toBe(200);
  });

  it('answers If-None-Match: * with 304 where a representation exists, and with the 404 where none does', async () => {
    const request = { method: 'GET', path: '/v1/entries/029-000729', query: new URLSearchParams(), baseUrl: '', ifNoneMatch: '*' };
    expect(await handleApiRequest(request, { history: fx.history })).toMatchObject({ status: 304, headers: { etag: expect.stringMatching(/^W\//) } });
    expect((await handleApiRequest({ ...request, path: '/v1/entries/999-000001' }, { history: fx.history })).status).toBe(404);
  });

  it('describes itself in OpenAPI 3.1, every route with its parameters', async () => {
    const doc = await fx.getJson('/v1/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/v1/changes', '/v1/entries', '/v1/entries/{key}', '/v1/export', '/v1/feed.atom', '/v1/openapi.json', '/v1/screen', '/v1/status', '/v1/versions', '/v1/versions/{n}'].sort(),
    );
    const changes = doc.paths['/v1/changes'].get;
    expect(changes.parameters.map((p: { name: string }) => p.name)).toEqual(['since', 'type', 'regime', 'entityType', 'from', 'to', 'limit', 'cursor']);
    expect(changes.parameters.find((p: { name: string }) => p.name === 'type').schema.enum).toEqual(['designated', 'delisted', 'amended', 'relisted']);
    const item = changes.responses['200'].content['application/json'].schema.properties.items.items;
    expect(item.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'type', 'key', 'fields', 'before', 'after', 'source']));
    expect(doc.paths['/v1/entries/{key}'].get.parameters[0]).toMatchObject({ name: 'key', in: 'path', required: true });
    expect(Object.keys(doc.paths['/v1/export'].get.responses['200'].content)).toEqual(['application/json', 'text/csv', 'application/x-ndjson']);
    expect(Object.keys(doc.paths['/v1/feed.atom'].get.responses['200'].content)).toEqual(['application/atom+xml']);
    // Conditional requests and the methods each resource answers are part of the contract.
    expect(doc.paths['/v1/feed.atom'].get.responses['200'].headers.ETag).toBeDefined();
    expect(doc.paths['/v1/feed.atom'].get.responses['304'].description).toMatch(/If-None-Match/);
    expect(doc.paths['/v1/status'].get.responses['405'].headers.Allow.schema.const).toBe('GET, HEAD');
    expect(doc.paths['/v1/changes'].get.responses['400'].content['application/problem+json'].schema.required).toEqual(['type', 'title', 'status', 'detail']);
  });
});
