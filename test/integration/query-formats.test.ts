import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ExportDocument } from '../../shared/query/schemas';
import { handleApiRequest } from '../../shared/query/router';
import { MAY_2024_KEYS, tsekovAliasAmended } from '../support/fixtures';
import { HistoryFixture } from '../support/history';

/** The formats other tools read: the Atom feed (parsed by an XML parser) and FollowTheMoney (against FtM's model). */
let fx: HistoryFixture;
beforeAll(async () => {
  fx = await HistoryFixture.afterDemo();
});
afterAll(() => fx.close());

describe('Atom feed', () => {
  it('is well-formed Atom 1.0 with one entry per version with changes, linking to the version', async () => {
    const response = await fx.get('/v1/feed.atom');
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = response.body.toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml);
    const feed = doc.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    // RFC 4287: a feed has id, title, updated, an author, and here a self link.
    expect(feed.id).toBe('urn:jp-sanctions-monitor:mof:feed');
    expect(feed.title).toContain('資産凍結等対象者一覧');
    expect(feed.author.name).toBeTruthy();
    expect(feed.link[0]).toMatchObject({ '@rel': 'self', '@href': 'http://api.example/v1/feed.atom' });
    // The baseline changed nothing: the only entry is version 2.
    expect(feed.entry).toHaveLength(1);
    const [entry] = feed.entry;
    expect(entry.id).toBe('urn:jp-sanctions-monitor:mof:version:2');
    expect(entry.title).toBe('Version 2: 12 designated, 0 delisted, 0 amended, 0 relisted');
    expect(entry.link[0]).toMatchObject({ '@rel': 'alternate', '@href': 'http://api.example/v1/versions/2' });
    expect(new Date(entry.updated).toISOString()).toBe(entry.updated);
    expect(feed.updated).toBe(entry.updated);
    const content: string = entry.content['#text'];
    for (const key of MAY_2024_KEYS) expect(content).toContain(key);
    expect(content).toContain('ウラジーミル・ミヘイチク / Vladimir Mikheychik  (2024-05-24)');
    expect(entry.summary['#text'] ?? entry.summary).toMatch(/^一覧の日付 edition of 2026-08-28 · shisantouketsu20260828-excerpt\.csv/);
  });

  it('links each entry to the version\'s page where the web view is served, and carries each amendment field by field', async () => {
    await fx.check(tsekovAliasAmended());
    const request = { method: 'GET', path: '/v1/feed.atom', query: new URLSearchParams(), baseUrl: 'http://127.0.0.1:8080' };
    const response = await handleApiRequest(request, { history: fx.history, webViewUrl: 'http://127.0.0.1:8080/' });
    const xml = response.body.toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const [entry] = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed.entry;
    expect(entry.link).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'http://127.0.0.1:8080/#/versions/3' },
      { '@rel': 'related', '@type': 'application/json', '@href': 'http://127.0.0.1:8080/v1/versions/3' },
    ]);
    const content: string = entry.content['#text'];
    expect(content).toMatch(/^変更 amended {2}043-000001 {2}.+ {2}\(2026-09-02\)$/m);
    expect(content).toMatch(/^ {4}aliases\.en: .+ → .*Sergei TSEKOV$/m);
    expect(content).toMatch(/^ {4}amendedOn: .* → .*2026-09-02$/m);
  });
});

describe('FollowTheMoney export', () => {
  // FtM's own model, as published with its JavaScript library: schemata, their parents and their properties.
  const model = require('@alephdata/followthemoney/dist/defaultModel.json') as {
    schemata: Record<string, { extends?: string[]; abstract?: boolean; properties: Record<string, { type: string; range?: string }> }>;
  };
  const property = (schema: string, name: string): { type: string; range?: string } | undefined => {
    const s = model.schemata[schema]!;
    return s.properties[name] ?? (s.extends ?? []).map((parent) => property(parent, name)).find(Boolean);
  };
  const isA = (schema: string, ancestor: string): boolean => schema === ancestor || (model.schemata[schema]!.extends ?? []).some((p) => isA(p, ancestor));

  it('gives each entry an entity of an FtM schema with FtM properties, and a Sanction naming it', async () => {
    const list = ExportDocument.parse(await fx.getJson('/v1/export'));
    const response = await fx.get('/v1/export?format=ftm');
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const entities = response.body.toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(entities).toHaveLength(2 * list.entries.length);
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.size).toBe(entities.length);

    for (const entity of entities) {
      expect(Object.keys(entity).sort()).toEqual(['id', 'properties', 'schema']);
      expect(['Person', 'Organization', 'LegalEntity', 'Sanction']).toContain(entity.schema);
      expect(model.schemata[entity.schema]?.abstract).toBeFalsy();
      for (const [name, values] of Object.entries(entity.properties as Record<string, string[]>)) {
        const prop = property(entity.schema, name);
        if (!prop) throw new Error(`${entity.id}: ${entity.schema} has no property ${name}`);
        expect(values.length).toBeGreaterThan(0);
        for (const value of values) {
          expect(typeof value).toBe('string');
          if (prop.type === 'country') expect(value).toMatch(/^[a-z]{2}$/);
          if (prop.type === 'date') expect(value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
          if (prop.type === 'entity') expect(isA(byId.get(value)?.schema, prop.range!)).toBe(true);
        }
      }
    }

    const person = byId.get('jpsm-mof-029-000729');
    expect(person).toMatchObject({
      schema: 'Person',
      properties: { name: ['Vladimir Mikheychik', 'ウラジーミル・ミヘイチク'], alias: ['Vladimir Mikheichik'], birthDate: ['1970-05-16'], topics: ['sanction'] },
    });
    const sanction = byId.get('jpsm-mof-029-000729-sanction');
    expect(sanction.properties).toMatchObject({ entity: ['jpsm-mof-029-000729'], startDate: ['2024-05-24'], country: ['jp'], program: [expect.stringContaining('ロシア連邦')] });
    for (const key of MAY_2024_KEYS.filter((k) => k !== '029-000729')) expect(byId.get(`jpsm-mof-${key}`).schema).not.toBe('Person');
    // The Cyprus shipping companies carry their country as a code.
    expect(byId.get('jpsm-mof-034-000002').properties.country).toContain('cy');
  });
});
