import { grownList, nextEdition } from '../../../bench/grow-csv';
import type { Designation, RegimeLegend } from '../../../shared/domain/designation';
import { parseCsv } from '../../../shared/mof/csv';

import { SUBJECT_MAX_CHARS, renderDigest, snsSubject } from '../../../shared/render/digest';
import { versionNotification } from '../../support/notifications';
import { CsvRecords, MAY_2024_KEYS } from '../../support/fixtures';
import { withLongName } from '../../support/long-entry';

/** Regime titles as the 2026-03-05 workbook's 一覧 sheet gives them (the CSV has none). */
const LEGEND: RegimeLegend = {
  '28': '資産凍結等の措置の対象となるロシア連邦の団体及び個人（団体（特定銀行を除く））',
  '29': '資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）',
  '34': '資産凍結等の措置の対象となるロシア連邦及びベラルーシ共和国以外の国の団体',
};
const FILE = 'shisantouketsu20260828.csv';
const excerpt = CsvRecords.excerpt();
const entriesOf = (records: CsvRecords, legend: RegimeLegend = LEGEND) => parseCsv(records.toBytes(), { fileName: FILE, legend }).entries;

/** What the check hands the notifier after committing `next` over `previous`. */
function notification(previous: Designation[], next: CsvRecords, kind: 'changes' | 'baseline' = 'changes', legend: RegimeLegend = LEGEND) {
  return versionNotification(previous, next, { kind, version: 7, legend });
}

const messageBytes = (d: ReturnType<typeof renderDigest>) =>
  Buffer.byteLength(JSON.stringify({ default: d.default, email: d.email, sms: d.sms }), 'utf8');

describe('the 24 May 2024 round', () => {
  const input = notification(entriesOf(excerpt.without(MAY_2024_KEYS)), excerpt);
  const digest = renderDigest(input);

  it('has a short subject and SMS with the counts and the list date', () => {
    expect(digest.subject).toBe('[JP sanctions] 12 designated — MOF list 2026-08-28 / 資産凍結等対象者一覧 更新');
    expect(digest.sms).toMatch(/^\[JP sanctions\] MOF 資産凍結等対象者一覧 2026-08-28: 12 designated\. /);
    expect([...digest.sms].length).toBeLessThanOrEqual(140);
    // As many names as fit, then how many more.
    expect(digest.sms).toContain(`${input.changes[0]!.name.en} (区分28)`);
    expect(digest.sms).toMatch(/ \+\d+ more$/);
  });

  it('names all twelve in Japanese and English, with type, regime, notice number and notice date', () => {
    for (const change of input.changes) {
      expect(digest.email).toContain(`${change.name.ja} / ${change.name.en}`);
      expect(digest.email).toContain(`告示番号 Notice No. ${change.noticeNumber} (番号 ${change.key})`);
    }
    expect(digest.email).toContain(
      [
        '  10. ウラジーミル・ミヘイチク / Vladimir Mikheychik',
        '     個人 Individual | 区分 29 資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）',
        '     告示番号 Notice No. 729 (番号 029-000729)',
        '     告示日付 Notice dates: 2024-05-24 指定 designated',
      ].join('\n'),
    );
    expect(digest.email).toContain('団体 Entity | 区分 34 資産凍結等の措置の対象となるロシア連邦及びベラルーシ共和国以外の国の団体');
    expect(digest.email).toContain('区分 28 資産凍結等の措置の対象となるロシア連邦の団体及び個人（団体（特定銀行を除く））');
    expect(digest.email.match(/2024-05-24 指定 designated/g)).toHaveLength(12);
  });

  it('reads Japanese first, then English, with the edition, counts, source and caveat', () => {
    const lines = digest.email.split('\n');
    expect(lines[0]).toBe('財務省「資産凍結等対象者一覧」が更新されました。');
    expect(lines[1]).toMatch(/^Japan's Ministry of Finance has updated/);
    expect(digest.email).toContain('ファイル日付 File date: 2026-08-28');
    expect(digest.email).toContain('掲載件数 Entries listed: 170');
    expect(digest.email).toContain('新規指定 Designated: 12\n  指定解除 Delisted: 0\n  改訂 Amended: 0\n  再指定 Relisted: 0');
    expect(digest.email).toContain(`URL: ${input.record.source.url}`);
    expect(digest.email).toContain(`SHA-256: ${input.record.source.sha256}`);
    expect(digest.email).toContain('暫定版');
    expect(digest.email).toContain('外務省告示');
    expect(digest.email).not.toContain('more changes');
  });

  it('carries filter attributes: change types, regimes as strings, entity types', () => {
    expect(digest.attributes).toEqual({ changeTypes: ['designated'], regimes: ['28', '29', '34'], entityTypes: ['entity', 'individual'] });
  });

  it('gives other subscribers a plain summary', () => {
    expect(digest.default).toContain('Changes: 12 designated.');
    expect(digest.default).toContain(input.record.source.url);
  });
});

describe('amendments, delistings and relistings', () => {
  const amended = excerpt.map((row, at) => {
    if (row[at('番号')] === '043-000001') row[at('氏名（英語）')] = 'Yinon Levy';
    else if (row[at('番号')] === '029-000729') {
      row[at('告示日付')] += ' 2026.9.2改訂';
      row[at('別名・別称（英語）')] += '; Vladimir Mikheichyk';
      row[at('役職（英語）')] = 'Former General Director of Open Joint Stock Company State Airline 224th Flight Detachment';
    } else return null;
    return row;
  });

  it('shows every changed field: short text before → after, lists added and removed, an edited item with its changed words marked', () => {
    const digest = renderDigest(notification(entriesOf(excerpt), amended));
    expect(digest.subject).toBe('[JP sanctions] 2 amended — MOF list 2026-08-28 / 資産凍結等対象者一覧 更新');
    expect(digest.email).toContain(
      [
        '     告示日付 Notice dates: 2024-05-24 指定 designated, 2026-09-02 改訂 amended',
        '     改訂日 Amended on: 2026-09-02',
        '     変更点 What changed:',
        '       - 別名・別称（英語） Aliases (English)',
        '           追加 added:   Vladimir Mikheichyk',
        '       - 役職（英語） Positions (English)',
        '           変更 changed: {+Former +}General Director of Open Joint Stock Company State Airline 224th Flight Detachment',
        '       - 告示日付（改訂） Amendment dates',
        '           追加 added:   2026-09-02',
      ].join('\n'),
    );
    expect(digest.email).toContain(
      ['       - 氏名（英語） Name (English)', '           変更前 before: Yinon Levi', '           変更後 after:  Yinon Levy'].join('\n'),
    );
    expect(digest.attributes).toEqual({ changeTypes: ['amended'], regimes: ['29', '43'], entityTypes: ['individual'] });
  });

  it('says a delisted entry is no longer on the list, described as it was listed', () => {
    const digest = renderDigest(notification(entriesOf(excerpt), excerpt.without(['029-000745'])));
    expect(digest.subject).toContain('1 delisted');
    expect(digest.email).toContain('■ 指定解除 / Delisted (1)');
    expect(digest.email).toMatch(/1\. ルスラン・ブラトフ \/ Ruslan Bulatov\n.*\n.*番号 029-000745\)\n\s+この対象者は一覧に掲載されなくなりました。 This entry is no longer on the list\./);
    expect(digest.email).toContain('削除日 Delisted on: 一覧に記載なし');
    expect(digest.attributes.changeTypes).toEqual(['delisted']);
  });

  it('says a relisted entry is on the list again', () => {
    const previous = entriesOf(excerpt).map((e): Designation => (e.key === '043-000002' ? { ...e, status: 'deleted' } : e));
    const digest = renderDigest(notification(previous, excerpt));
    expect(digest.subject).toContain('1 relisted');
    expect(digest.email).toContain('Zvi Bar Yosef');
    expect(digest.email).toContain('この対象者は再び一覧に掲載されました。 This entry is on the list again.');
  });

  it('points out renumbered regimes as notices, not as changes', () => {
    const renumbered = excerpt.renumbered(44);
    const digest = renderDigest(notification(entriesOf(excerpt, {}), renumbered.without(['043-000003']), 'changes', {}));
    expect(digest.email).toContain('■ お知らせ / Notices');
    expect(digest.email).toContain('Regime renumbered: 区分 44 is now 区分 45 (2 entries); not a change to any designation.');
    expect(digest.attributes.regimes).toEqual(['43']);
  });
});

describe('a baseline', () => {
  // Even were the check to pass the first edition's entries along, a baseline never lists them.
  const input = notification([], excerpt, 'baseline');
  const digest = renderDigest(input);

  it('announces that monitoring started, with the entry count and the source', () => {
    expect(digest.subject).toBe('[JP sanctions] Monitoring started — MOF list 2026-08-28 / 資産凍結等対象者一覧 監視開始');
    expect(digest.email).toContain('監視を開始しました');
    expect(digest.email).toContain('has started');
    expect(digest.email).toContain('掲載件数 Entries listed: 170');
    expect(digest.email).toContain(`SHA-256: ${input.record.source.sha256}`);
    expect(digest.sms).toBe('[JP sanctions] Monitoring started: MOF 資産凍結等対象者一覧 2026-08-28, 170 entries.');
  });

  it('lists no designation and carries no filter attributes', () => {
    expect(input.changes.length).toBe(170);
    expect(digest.email).not.toContain('Vladimir Mikheychik');
    expect(digest.email).not.toContain('告示番号');
    expect(digest.attributes).toEqual({ changeTypes: [], regimes: [], entityTypes: [] });
  });
});

describe('size limits', () => {
  it('keeps thousands of changes within 256 KiB, detailing what fits and counting the rest', () => {
    const list = grownList(5000);
    const input = notification([], list, 'changes', {});
    expect(input.changes).toHaveLength(5000);
    const digest = renderDigest(input);
    expect(messageBytes(digest)).toBeLessThanOrEqual(256 * 1024);
    const detailed = digest.email.match(/^ {2}\d+\. /gm)!.length;
    expect(detailed).toBeGreaterThan(100);
    expect(detailed).toBeLessThan(5000);
    const omitted = (5000 - detailed).toLocaleString('en-US');
    expect(digest.email).toContain(`… 残り ${omitted} 件の新規指定は、メールの容量制限のため省略しました。`);
    expect(digest.email).toContain(`… ${omitted} more designated not shown here, to keep this email within the SNS size limit. Every change is in the JSON events of version 7`);
    expect(digest.email).toContain('新規指定 Designated: 5,000');
    // The source and the caveat survive the cut.
    expect(digest.email).toContain('暫定版');
    expect(digest.email).toContain(`SHA-256: ${input.record.source.sha256}`);
    expect(digest.subject).toBe('[JP sanctions] 5,000 designated — MOF list 2026-08-28 / 資産凍結等対象者一覧 更新');
    expect([...digest.sms].length).toBeLessThanOrEqual(140);
  });

  it('cuts amendments and delistings to fit too, and counts what is left per type', () => {
    const list = grownList(4000);
    const input = notification(entriesOf(list, {}), nextEdition(list, 3000), 'changes', {});
    const { delisted, amended } = input.record.summary;
    expect(delisted + amended).toBe(3000);
    const digest = renderDigest(input);
    expect(messageBytes(digest)).toBeLessThanOrEqual(256 * 1024);
    // Both sections get their share: some of each detailed, the rest counted.
    expect(digest.email).toMatch(/… 残り [\d,]+ 件の指定解除は/);
    expect(digest.email).toMatch(/… 残り [\d,]+ 件の改訂は/);
    expect(digest.email).toContain('■ 指定解除 / Delisted (750)');
    expect(digest.email).toContain('追加 added:   Bench Alias');
    expect(digest.subject).toBe(`[JP sanctions] ${delisted} delisted, ${amended.toLocaleString('en-US')} amended — MOF list 2026-08-28 / 資産凍結等対象者一覧 更新`);
  });
});

describe('a 300 KB entry', () => {
  // Mikheychik's English name repeated to 300 KB: the entry whose event goes by reference (issue 18, item 3).
  const input = notification(entriesOf(excerpt.without(MAY_2024_KEYS)), withLongName(excerpt, '029-000729', 300_000));
  const digest = renderDigest(input);

  it('is summarised: its long line cut, every one of the twelve still detailed, within 256 KiB', () => {
    expect(messageBytes(digest)).toBeLessThanOrEqual(256 * 1024);
    expect(digest.email.match(/^ {2}\d+\. /gm)).toHaveLength(12);
    expect(digest.email).not.toContain('省略しました');
    expect(digest.email).toMatch(/^ {2}\d+\. ウラジーミル・ミヘイチク \/ Vladimir Mikheychik Vladimir Mikheychik .*… \(残り [\d,]+ 文字は JSON イベントに \/ [\d,]+ more characters in the JSON event\)$/m);
    // What follows the name in his block is still there: the rest of the entry is not lost with the cut.
    expect(digest.email).toContain('告示番号 Notice No.');
  });

  it('keeps the SMS to one message', () => {
    expect([...digest.sms].length).toBeLessThanOrEqual(140);
  });
});

describe('snsSubject', () => {
  it('makes any text one line of fewer than 100 characters', () => {
    const subject = snsSubject(`held: ${'資産凍結'.repeat(40)}\nsecond line`);
    expect([...subject].length).toBe(SUBJECT_MAX_CHARS);
    expect(subject).not.toMatch(/[\n\r\t]/);
    expect(subject.endsWith('…')).toBe(true);
    expect(snsSubject('a\tb\r\nc')).toBe('a b c');
  });
});
