import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeSet } from '../../shared/domain/change-event';
import { CSV_EXCERPT, CsvRecords, MAY_2024_KEYS, WORKBOOK } from '../support/fixtures';
import { cli } from '../support/cli';


let dir: string;
let before: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-cli-'));
  before = join(dir, 'shisantouketsu20240523.csv');
  writeFileSync(before, CsvRecords.excerpt().without(MAY_2024_KEYS).toBytes());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parse', () => {
  it('prints the source and every listed entry of a CSV as JSON', async () => {
    const { code, stdout } = await cli('parse', CSV_EXCERPT);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.source).toEqual({
      file: 'shisantouketsu20260828-excerpt.csv',
      format: 'csv',
      sha256: 'a1d6d65edc9d09af7a4a8c5f3648b33bd33c7770e12d7d3b44d7f1fb7efcfe15',
    });
    expect(output.entries).toHaveLength(170);
    expect(output.entries[0]).toMatchObject({
      key: '001-000001',
      regime: { number: 1, title: null },
      noticeNumber: '1',
      entityType: 'individual',
      name: { ja: 'ミロシェヴィッチ・スロボダン', en: 'Milosevic Slobodan' },
      aliases: { ja: [], en: [] },
      designatedOn: '2002-03-01',
      amendedOn: [],
      status: 'listed',
    });
  });

  it('shows deleted XLSX rows only with --include-deleted', async () => {
    const listed = JSON.parse((await cli('parse', WORKBOOK)).stdout);
    const all = JSON.parse((await cli('parse', WORKBOOK, '--include-deleted')).stdout);
    expect(listed.source.format).toBe('xlsx');
    expect(listed.entries).toHaveLength(2862);
    expect(all.entries).toHaveLength(2862 + 599);
    expect(all.entries.find((e: { key: string }) => e.key === '029-000038')).toMatchObject({ status: 'deleted', deletedOn: '2025-01-10' });
  });
});

describe('diff', () => {
  it('reports the 24 May 2024 round as JSON in the change-set contract', async () => {
    const { code, stdout } = await cli('diff', before, CSV_EXCERPT);
    expect(code).toBe(0);
    const changeSet = ChangeSet.parse(JSON.parse(stdout));
    expect(changeSet.summary).toEqual({ designated: 12, delisted: 0, amended: 0, relisted: 0 });
    expect(changeSet.changes.map((c) => c.key)).toEqual(MAY_2024_KEYS);
    expect(changeSet.changes[0]!.source.file).toBe('shisantouketsu20260828-excerpt.csv');
  });

  it('writes a readable text report', async () => {
    const { code, stdout } = await cli('diff', before, CSV_EXCERPT, '--format', 'text', '--legend', WORKBOOK);
    expect(code).toBe(0);
    expect(stdout).toContain('■ 件数 / Changes\n  新規指定 Designated: 12\n  指定解除 Delisted: 0\n  改訂 Amended: 0\n  再指定 Relisted: 0');
    expect(stdout).toContain('ウラジーミル・ミヘイチク / Vladimir Mikheychik\n     個人 Individual | 区分 29');
    expect(stdout).toContain('告示番号 Notice No. 729 (番号 029-000729)\n     告示日付 Notice dates: 2024-05-24 指定 designated');
    expect(stdout).toContain('区分 34 資産凍結等の措置の対象となるロシア連邦及びベラルーシ共和国以外の国');
  });

  it('warns before the delistings when the new file lacks most of the old one', async () => {
    // The real excerpt cut to its first 20 rows, as a truncated download would be.
    const excerpt = CsvRecords.excerpt();
    const cut = join(dir, 'shisantouketsu20260829.csv');
    writeFileSync(cut, excerpt.without(excerpt.rows.slice(20).map((r) => excerpt.get(r, '番号'))).toBytes());
    const text = await cli('diff', CSV_EXCERPT, cut, '--format', 'text');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Warning: shisantouketsu20260829.csv lacks 150 of the old file's 170 listed entries (88%)");
    expect(text.stdout.indexOf('⚠ 警告')).toBeLessThan(text.stdout.indexOf('■ 指定解除 / Delisted (150)'));
    const json = await cli('diff', CSV_EXCERPT, cut);
    expect(json.stderr).toMatch(/^warning: .*lacks 150 of the old file's 170 listed entries/m);
    expect(ChangeSet.parse(JSON.parse(json.stdout)).summary.delisted).toBe(150);
    // A full file gives no warning.
    expect((await cli('diff', before, CSV_EXCERPT)).stderr).toBe('');
  });
});

describe('check with the embedded store', () => {
  it('baselines, reports changes, holds a suspicious list and fails on a broken one, with the documented exit codes', async () => {
    const dataDir = join(dir, 'data');
    const check = async (file: string) => {
      const result = await cli('check', '--source', file, '--data-dir', dataDir, '--format', 'json');
      return { code: result.code, report: JSON.parse(result.stdout), stderr: result.stderr };
    };
    const baseline = await check(before);
    expect(baseline.code).toBe(0);
    expect(baseline.report).toMatchObject({ outcome: 'baseline', version: 1 });
    // In JSON mode the renderings go to stderr, leaving stdout to the report.
    expect(baseline.stderr).toContain('Monitoring started');

    const changed = await check(CSV_EXCERPT);
    expect(changed.code).toBe(0);
    expect(changed.report).toMatchObject({ outcome: 'changed', version: 2, summary: { designated: 12 } });

    const truncated = join(dir, 'shisantouketsu20260901.csv');
    const excerpt = CsvRecords.excerpt();
    writeFileSync(truncated, new CsvRecords(excerpt.header, excerpt.rows.slice(0, 50)).toBytes());
    const held = await check(truncated);
    expect(held.code).toBe(2);
    expect(held.report).toMatchObject({ outcome: 'held', version: 2 });

    const broken = join(dir, 'shisantouketsu20260902.csv');
    writeFileSync(broken, 'not a list\r\n');
    const failed = await check(broken);
    expect(failed.code).toBe(1);
    expect(failed.report.outcome).toBe('failed');
    expect(failed.report.reason).toMatch(/shisantouketsu20260902\.csv, row 1: header drift/);
  });
});

describe('bad input', () => {
  it('exits 1 with a one-line error naming the file and the problem', async () => {
    const broken = join(dir, 'shisantouketsu20260901.csv');
    writeFileSync(broken, 'not,a,mof,list\r\n1,2,3,4\r\n');
    const { code, stdout, stderr } = await cli('diff', before, broken);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: shisantouketsu20260901\.csv, row 1: header drift: column 1 renamed from '区分' to 'not'/);
  });

  it('exits 1 for a missing file and for an unknown command', async () => {
    expect((await cli('parse', join(dir, 'nope.csv'))).code).toBe(1);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
