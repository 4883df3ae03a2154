import { excelSerialToIsoDate, normalizeBirthDate } from '../../../shared/mof/birth-dates';
import { NoticeDateError, parseNoticeDates } from '../../../shared/mof/notice-dates';
import { cellText, isJapanese, splitList } from '../../../shared/mof/text';

describe('告示日付 (notice dates), as found in the real files', () => {
  it.each([
    ['2024.5.24', { designatedOn: '2024-05-24', amendedOn: [], deletedOn: null }],
    ['2001.9.22 2008.6.25改訂 2012.3.27改訂', { designatedOn: '2001-09-22', amendedOn: ['2008-06-25', '2012-03-27'], deletedOn: null }],
    ['2014.8.5\n2022.5.27改訂', { designatedOn: '2014-08-05', amendedOn: ['2022-05-27'], deletedOn: null }],
    ['2024.02.22 2026.05.11改訂', { designatedOn: '2024-02-22', amendedOn: ['2026-05-11'], deletedOn: null }],
    ['2016.3.112022.8.3改訂', { designatedOn: '2016-03-11', amendedOn: ['2022-08-03'], deletedOn: null }],
    // Run together in the whole CSV: a one-digit day meeting the next year (015-000012, 015-000035, 026-000092), a
    // two-digit day meeting it (003-000004), two amendments (002-000522).
    ['2013.4.52022.8.3改訂2023.7.27改訂', { designatedOn: '2013-04-05', amendedOn: ['2022-08-03', '2023-07-27'], deletedOn: null }],
    ['2016.12.92022.8.3改訂', { designatedOn: '2016-12-09', amendedOn: ['2022-08-03'], deletedOn: null }],
    ['2022.3.32022.5.27改訂', { designatedOn: '2022-03-03', amendedOn: ['2022-05-27'], deletedOn: null }],
    ['2002.4.202007.6.8改訂2010.11.19改訂', { designatedOn: '2002-04-20', amendedOn: ['2007-06-08', '2010-11-19'], deletedOn: null }],
    ['2008.2.19 2008.9.26改訂 2010.11.19改訂2014.2.6改訂', { designatedOn: '2008-02-19', amendedOn: ['2008-09-26', '2010-11-19', '2014-02-06'], deletedOn: null }],
    // `2007.113` is 13 January or 3 November; only November follows a designation of October.
    ['2007.10.1 2007.113改訂', { designatedOn: '2007-10-01', amendedOn: ['2007-11-03'], deletedOn: null }],
    ['2002.4.20\n200812.19改訂', { designatedOn: '2002-04-20', amendedOn: ['2008-12-19'], deletedOn: null }],
    ['2025.9.12削除', { designatedOn: null, amendedOn: [], deletedOn: '2025-09-12' }],
    ['2021.2.24 削除', { designatedOn: null, amendedOn: [], deletedOn: '2021-02-24' }],
    ['2008.6.25削除\n（81.と同一人物）', { designatedOn: null, amendedOn: [], deletedOn: '2008-06-25' }],
  ])('%j', (cell, expected) => {
    expect(parseNoticeDates(cell)).toEqual(expected);
  });

  it.each(['', '2024.5.24頃', '2024.2.30', '2024.5.24 2024.6.1', '令和6年5月24日', '2022.8.3 2016.3.11改訂', '2013.4.522022.8.3改訂'])('rejects %j', (cell) => {
    expect(() => parseNoticeDates(cell)).toThrow(NoticeDateError);
  });
});

describe('生年月日 (dates of birth)', () => {
  it.each([
    ['1970/5/16', '1970-05-16'],
    ['１９７０/５/１６', '1970-05-16'],
    ['1941年8月20日', '1941-08-20'],
    ['1963年頃', '1963年頃'],
    ['1955年から1958年の間', '1955年から1958年の間'],
  ])('%s → %s', (text, iso) => expect(normalizeBirthDate(text)).toBe(iso));

  it('converts Excel serials the way Excel counts them', () => {
    expect(excelSerialToIsoDate(19274)).toBe('1952-10-07'); // Putin, sheet 29
    expect(excelSerialToIsoDate(25704)).toBe('1970-05-16'); // Mikheychik, sheet 29
    expect(excelSerialToIsoDate(12.5)).toBeNull();
  });
});

describe('cells and lists', () => {
  it('treats blank, 不明 and dashes as no value, and OOXML _x000D_ as a line break', () => {
    expect([cellText('  '), cellText('不明'), cellText('-'), cellText(null)]).toEqual([null, null, null, null]);
    expect(cellText('スーダン_x000D_\nSudan ')).toBe('スーダン\n\nSudan');
  });

  it('splits at semicolons outside parentheses only', () => {
    expect(splitList('A・カビール; アブドゥル・カビール')).toEqual(['A・カビール', 'アブドゥル・カビール']);
    expect(splitList('1960年頃（a；b）；1962年')).toEqual(['1960年頃（a；b）', '1962年']);
    expect(splitList(null)).toEqual([]);
  });

  it('tells Japanese script from Latin', () => {
    expect(isJapanese('ロシア連邦大統領')).toBe(true);
    expect(isJapanese('President of the Russian Federation')).toBe(false);
    expect(isJapanese('株式会社IBEX 海運社')).toBe(true);
  });
});
