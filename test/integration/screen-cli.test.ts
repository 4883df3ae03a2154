import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerScreening, ScreeningResult } from '../../shared/screening/schemas';
import { CSV_EXCERPT, CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { cli } from '../support/cli';


let dir: string;
let customers: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-screen-'));
  customers = join(dir, 'customers.csv');
  // c2 is one of the 24 May 2024 designations (TASS spelling); c3 was listed long before; c1 is no one.
  writeFileSync(customers, 'id,name,dob,country,entityType\nc1,Taro Tanaka,1980-01-01,JP,individual\nc2,Vladimir Mikheichik,1970,,\nc3,Sergei Tsekhov,1953-09-28,,individual\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('screen <name>', () => {
  it('prints the result contract as JSON, best first, with which name matched and why', async () => {
    const { code, stdout } = await cli('screen', 'Wladimir', 'Micheitschik', '--list', CSV_EXCERPT, '--dob', '1970/5/16');
    expect(code).toBe(0);
    const result = ScreeningResult.parse(JSON.parse(stdout));
    expect(result.query).toEqual({ name: 'Wladimir Micheitschik', dateOfBirth: '1970-05-16', country: null, entityType: null });
    expect(result.matches[0]).toMatchObject({ key: '029-000729', matchedName: 'Vladimir Mikheychik', matchedField: 'name', datesOfBirth: ['1970-05-16'] });
    expect(result.matches[0]!.why.map((r) => r.signal)).toEqual(['name', 'token', 'token', 'date-of-birth']);
  });

  it('exits 0 with an empty list when nothing matches', async () => {
    const { code, stdout } = await cli('screen', '田中 太郎', '--list', CSV_EXCERPT, '--threshold', '0.9');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ threshold: 0.9, matches: [] });
  });

  it('writes a readable text result', async () => {
    const { code, stdout } = await cli('screen', 'ウラジミル・ミヘイチク', '--list', CSV_EXCERPT, '--format', 'text');
    expect(code).toBe(0);
    expect(stdout).toContain('screen "ウラジミル・ミヘイチク" (threshold 0.88): 1 match');
    expect(stdout).toContain('029-000729  ウラジーミル・ミヘイチク / Vladimir Mikheychik  [individual]  regime 29');
  });

  it.each([
    [['screen', 'x', '--list', CSV_EXCERPT, '--threshold', '2'], /--threshold must be a decimal number from 0 to 1/],
    [['screen', '--list', CSV_EXCERPT], /screen needs a name/],
    [['screen', 'x', '--list', CSV_EXCERPT, '--entity-type', 'company'], /--entity-type must be individual or entity/],
    [['screen', 'x', '--list', CSV_EXCERPT, '--since', '1'], /--since needs the store/],
    [['screen', 'x', '--list', CSV_EXCERPT, '--dob', 'yesterday'], /--dob 'yesterday' is not a date/],
  ])('refuses bad options with a clear error: %j', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});

describe('screen --customers', () => {
  it('screens a customer file against a list file, reporting only the customers with matches', async () => {
    const { code, stdout } = await cli('screen', '--customers', customers, '--list', CSV_EXCERPT);
    expect(code).toBe(0);
    const result = CustomerScreening.parse(JSON.parse(stdout));
    expect(result.customers).toBe(3);
    expect(result.hits.map((h) => [h.customerId, h.matches[0]!.key])).toEqual([
      ['c2', '029-000729'],
      ['c3', '026-000009'],
    ]);
  });

  it('names the row of a bad customer file', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'c1,Someone\nc2,\n');
    const { code, stderr } = await cli('screen', '--customers', bad, '--list', CSV_EXCERPT);
    expect(code).toBe(1);
    expect(stderr).toContain('bad.csv row 2, column name: empty');
  });

  it('with --since, screens only against the entries designated or amended after that version of the store', async () => {
    const dataDir = join(dir, 'data');
    const before = join(dir, 'shisantouketsu20240523.csv');
    writeFileSync(before, CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
    expect((await cli('check', '--source', before, '--data-dir', dataDir)).code).toBe(0);
    expect((await cli('check', '--source', CSV_EXCERPT, '--data-dir', dataDir)).code).toBe(0);

    const since = CustomerScreening.parse(JSON.parse((await cli('screen', '--customers', customers, '--data-dir', dataDir, '--since', '1')).stdout));
    expect(since.scope).toEqual({ since: 1, entries: 12 });
    expect(since.hits.map((h) => h.customerId)).toEqual(['c2']);

    const whole = CustomerScreening.parse(JSON.parse((await cli('screen', '--customers', customers, '--data-dir', dataDir)).stdout));
    expect(whole.scope).toEqual({ since: null, entries: 170 });
    expect(whole.hits.map((h) => h.customerId)).toEqual(['c2', 'c3']);

    const none = CustomerScreening.parse(JSON.parse((await cli('screen', '--customers', customers, '--data-dir', dataDir, '--since', '2')).stdout));
    expect(none).toMatchObject({ scope: { since: 2, entries: 0 }, hits: [] });
    const future = await cli('screen', 'x', '--data-dir', dataDir, '--since', '3');
    expect(future.stderr).toContain('--since 3 is after the current version 2');

    // Version 3 amends one entry's English name: screening since 2 is against that entry alone, under its new name.
    const amended = join(dir, 'shisantouketsu20260902.csv');
    writeFileSync(
      amended,
      CsvRecords.excerpt()
        .map((row, at) => {
          if (row[at('番号')] !== '043-000001') return null;
          row[at('氏名（英語）')] = 'Yinon Levy';
          row[at('告示日付')] += ' 2026.9.2改訂';
          return row;
        })
        .toBytes(),
    );
    expect((await cli('check', '--source', amended, '--data-dir', dataDir)).code).toBe(0);
    const withLevy = join(dir, 'with-levy.csv');
    writeFileSync(withLevy, 'c2,Vladimir Mikheichik\nc4,LEVY Yinon\n');
    const afterAmendment = CustomerScreening.parse(JSON.parse((await cli('screen', '--customers', withLevy, '--data-dir', dataDir, '--since', '2')).stdout));
    expect(afterAmendment.scope).toEqual({ since: 2, entries: 1 });
    expect(afterAmendment.hits.map((h) => [h.customerId, h.matches[0]!.key])).toEqual([['c4', '043-000001']]);
  }, 120_000);

  it('says so when the data dir holds no store, and creates none', async () => {
    const { code, stderr } = await cli('screen', 'x', '--data-dir', join(dir, 'empty'));
    expect(code).toBe(1);
    expect(stderr).toContain(`--data-dir ${join(dir, 'empty')}: no store there (no such directory)`);
    expect(existsSync(join(dir, 'empty'))).toBe(false);
  });
});
