import { readFileSync } from 'node:fs';
import type { ChangeSet } from '../../../shared/domain/change-event';
import type { RegimeLegend } from '../../../shared/domain/designation';
import { diffLists } from '../../../shared/domain/diff';
import { parseCsv } from '../../../shared/mof/csv';
import { parseXlsx } from '../../../shared/mof/xlsx';
import { renderDigest } from '../../../shared/render/digest';
import { renderTextReport } from '../../../shared/render/text-report';
import { CsvRecords, WORKBOOK } from '../../support/fixtures';
import { LIST_FILE, versionNotification } from '../../support/notifications';

/**
 * The email digest and `diff --format text` for one designation, one amendment and one delisting, all variants of
 * the real excerpt. Snapshot-free: each test names the lines a compliance officer needs, in the order they read.
 */
const LEGEND: RegimeLegend = { '2': 'タリバーン関係者等', '29': '資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）' };
const excerpt = CsvRecords.excerpt();
const entriesOf = (records: CsvRecords) => parseCsv(records.toBytes(), { fileName: LIST_FILE, legend: LEGEND }).entries;

/** 002-000027 designated; 029-000745 gone; 002-000024 amended with a new stamp (a passport renewed, remarks edited). */
const previous = excerpt.without(['002-000027']).map((row, at) => {
  if (row[at('番号')] !== '002-000024') return null;
  row[at('告示日付')] = row[at('告示日付')]!.replace(' 2026.3.31改訂 2026.4.17改訂', '');
  row[at('旅券番号')] = row[at('旅券番号')]!.replace('P04999950', 'P04999949');
  row[at('その他の情報')] = row[at('その他の情報')]!.replace('身長は１７３ｃｍ。', '');
  return row;
});
const next = excerpt.without(['029-000745']);

const email = renderDigest(versionNotification(entriesOf(previous), next, { legend: LEGEND })).email;
const changeSet: ChangeSet = diffLists(entriesOf(previous), entriesOf(next), { file: LIST_FILE, sha256: 'b'.repeat(64) });
const text = renderTextReport(changeSet, 'MOF asset-freeze list: before.csv → shisantouketsu20260828.csv');
const verbose = renderTextReport(changeSet, 'MOF', { verbose: true });

/** The lines of `block` appear in `output`, one after the other. */
function expectLines(output: string, block: string[]): void {
  expect(output).toContain(block.join('\n'));
}

const DESIGNATION = [
  '  1. アブドゥル・サラム・ハナフィー・アリ・マルダン・クル / ABDUL SALAM HANAFI ALI MARDAN QUL',
  '     個人 Individual | 区分 2 タリバーン関係者等',
  '     告示番号 Notice No. 27 (番号 002-000027)',
  '     告示日付 Notice dates: 2001-09-22 指定 designated, 2008-06-25 改訂 amended, 2012-03-27 改訂 amended, 2026-03-31 改訂 amended, 2026-05-11 改訂 amended',
  '     別名・別称 Aliases: アブドゥッサラム・ハニフィー; ハナフィー・サヘブ; アブドゥル・サラム・ハナフィー; Abdussalam Hanifi; Hanafi Saheb; Abdul Salam Hanafi',
  '     称号 Titles: ムラー; マウラヴィ; Mullah; Maulavi',
  '     役職 Positions: （タリバーン統治下（1996-2001））教育次官; Deputy Minister of Education under the Taliban regime（1996-2001）',
  '     生年月日 Dates of birth: 1968年頃; 1969-01-01',
  '     出生地 Places of birth: Darzab District, Faryab Province, Afghanistan; Qush Tepa District, Jawzjan Province, Afghanistan',
  '     国籍 Nationality: アフガニスタン; Afghanistan',
  '     住所・所在地 Addresses: Kabul, Afghanistan',
  expect.any(String) as unknown as string,
];
const PASSPORTS = '     旅券番号 Passport numbers: アフガニスタン外交旅券D00009723; アフガニスタン外交旅券D0010098 (2023年4月4日にアフガニスタン・カブールで発行';

const AMENDMENT = [
  '     改訂日 Amended on: 2026-04-17',
  '     変更点 What changed:',
  '       - 旅券番号 Passport numbers',
  '           変更 changed: アフガニスタン旅券[-P04999949-]{+P04999950+}(2025年2月4日に発行、2035年2月4日に失効)',
  '       - その他の情報 Other information',
];

const DELISTING = [
  '  1. ルスラン・ブラトフ / Ruslan Bulatov',
  '     個人 Individual | 区分 29 資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）',
  '     告示番号 Notice No. 745 (番号 029-000745)',
  '     この対象者は一覧に掲載されなくなりました。 This entry is no longer on the list.',
  '     告示日付 Notice dates: 2025-01-10 指定 designated',
  '     削除日 Delisted on: 一覧に記載なし（この版で行がなくなりました） not stated; the row is gone from this edition',
  '     役職 Positions: 有限会社テストコンプレクト社長; General Director of LLC Testkomplekt',
  '     生年月日 Dates of birth: 1986-04-04',
];

describe.each([
  ['the email digest', () => email],
  ['diff --format text', () => text],
])('%s', (_name, output) => {
  it('shows a designation with what screening needs: names in both scripts, aliases, birth, nationality, address, documents, notice number and date', () => {
    expectLines(output(), DESIGNATION.slice(0, -1));
    expect(output()).toContain(PASSPORTS);
    expect(output()).toContain('     国連参照番号 UN reference: TAi.027');
  });

  it('shows an amendment as only what changed, the changed words marked in context', () => {
    expectLines(output(), ['  1. アブドゥル・ガニ・バラダール・アブドゥル・アフマド・トゥルク / ABDUL GHANI BARADAR ABDUL AHMAD TURK']);
    expectLines(output(), AMENDMENT);
    const changed = output().split('\n').find((line) => line.includes('変更 changed:') && line.includes('身長'))!;
    expect(changed).toContain('{+身長は173cm。+}');
    expect(changed).toMatch(/…/);
    // Not the whole paragraph twice: the unchanged text is cut down around the change.
    expect(changed.length).toBeLessThan(changeSet.changes.find((c) => c.key === '002-000024')!.after!.otherInformation!.length);
    expect(output()).not.toContain('変更前 before: (original script');
    expect(output()).toContain('Changed words: [-removed-] {+added+}');
    // An amendment does not repeat the whole entry.
    const block = output().slice(output().indexOf('ABDUL GHANI BARADAR'));
    expect(block.slice(0, block.indexOf('\n\n'))).not.toContain('別名・別称 Aliases:');
  });

  it('shows a delisting as the entry was listed, and says it is gone', () => {
    expectLines(output(), DELISTING);
  });
});

describe('diff --format text', () => {
  it('counts first, with Japanese labels and English', () => {
    expectLines(text, ['■ 件数 / Changes', '  新規指定 Designated: 1', '  指定解除 Delisted: 1', '  改訂 Amended: 1', '  再指定 Relisted: 0']);
    expect(text.indexOf('■ 件数')).toBeLessThan(text.indexOf('■ 新規指定 / Designated (1)'));
    expect(text).not.toMatch(/positions\.ja|otherInformation|passportNumbers/);
  });

  it('summarizes notices as counts, and lists each with --verbose', () => {
    const renumbered = diffLists(entriesOf(excerpt), parseCsv(excerpt.renumbered(44).toBytes(), { fileName: LIST_FILE }).entries, {
      file: LIST_FILE,
      sha256: 'b'.repeat(64),
    });
    const brief = renderTextReport(renumbered, 'MOF');
    expect(brief).toContain('  区分の番号変更 Regimes renumbered: 1');
    expect(brief).toContain('(--verbose lists each)');
    expect(brief).not.toContain('区分 44 is now 区分 45');
    expect(renderTextReport(renumbered, 'MOF', { verbose: true })).toContain('Regime renumbered: 区分 44 is now 区分 45 (2 entries)');
    expect(verbose).not.toContain('(--verbose lists each)');
  });

  it('says the new file is likely partial before the delistings', () => {
    const partial = renderTextReport(changeSet, 'MOF', { warning: 'Warning: partial' });
    expect(partial.indexOf('⚠ Warning: partial')).toBeLessThan(partial.indexOf('■ 指定解除'));
  });
});

describe('restated entries in the digest', () => {
  it('are counted with the cosmetic edits, never listed, and kept out of the version record', () => {
    // 028-000260 with a Latin alias moved from the English to the Japanese column, as the workbook and CSV differ.
    const moved = excerpt.map((row, at) => {
      if (row[at('番号')] !== '028-000260') return null;
      row[at('別名・別称（日本語）')] += '; Azia Shipping Co';
      row[at('別名・別称（英語）')] = row[at('別名・別称（英語）')]!.replace('Azia Shipping Co; ', '');
      return row;
    });
    const input = versionNotification(entriesOf(excerpt), moved, { legend: LEGEND });
    expect(input.changes).toEqual([]);
    expect(input.record.notices).toEqual([]);
    expect(input.record.cosmeticEdits).toBe(1);
    const digest = renderDigest(input).email;
    expect(digest).toContain('1 entries whose text changed without a change in meaning');
    expect(digest).not.toContain('028-000260');
  });
});

describe('a workbook designation', () => {
  it('shows what the alias cell said about an alias, next to the aliases', async () => {
    const entries = (await parseXlsx(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' })).entries;
    const hambali = entries.find((e) => e.key === '002-000338')!;
    const set = diffLists(entries.filter((e) => e.key !== '002-000338'), entries, { file: 'shisantouketsu20260305.xlsx', sha256: 'e'.repeat(64) });
    expect(set.changes.map((c) => c.key)).toEqual(['002-000338']);
    const report = renderTextReport(set, 'MOF');
    expect(report).toContain(`     別名・別称 Aliases: ${[...hambali.aliases.ja, ...hambali.aliases.en].join('; ')}`);
    expect(report).toContain('     別名の注記 Alias notes: エンセプ・ヌルジャマン: birth name (誕生名); Encep Nurjaman: birth name (誕生名)');
  });
});
