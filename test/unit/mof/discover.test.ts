import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asOfDate, discoverListFiles, DiscoveryError, ListLinks } from '../../../shared/mof/discover';

const PAGE = 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/list.html';
const DIR = 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/';
const fixture = readFileSync(join(__dirname, '../../fixtures/mof/list.html'), 'utf8');

/** A page with the given body, for cases the fixture does not cover. */
const page = (body: string) => `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('discoverListFiles on the list.html fixture', () => {
  const links = discoverListFiles(fixture, `${PAGE}?_=2026-08-28`);

  it('finds the newest CSV and Excel files, resolved against the page URL without its query', () => {
    expect(links.csv?.href).toBe(`${DIR}shisantouketsu20260828.csv`);
    expect(links.xlsx?.href).toBe(`${DIR}shisantouketsu20260828.xlsx`);
  });

  it('reads the as-of line written with full-width digits and an ideographic space', () => {
    expect(links.asOf).toBe('2026-08-28');
  });

  it('takes the file date from the newest file name, not from the older edition in the news', () => {
    expect(links.fileDate).toBe('2026-08-28');
  });

  it('ignores file names inside comments and scripts', () => {
    // The fixture hides shisantouketsu20991231.csv in a <script> and a 2023 .xls in a comment.
    expect(links.csv?.href).not.toContain('2099');
    expect(links.xlsx?.href).not.toMatch(/\.xls$/);
  });

  it('returns a record that satisfies its own schema', () => {
    expect(ListLinks.safeParse(links).success).toBe(true);
  });
});

describe('discoverListFiles: choosing links', () => {
  it('chooses the newest edition over every link, whatever the order on the page, and only that edition\'s files', () => {
    const links = discoverListFiles(
      page(`
        <a href="./shisantouketsu20260820.csv">old</a>
        <a href="./shisantouketsu20260902.csv">new</a>
        <a href="./shisantouketsu20260828.csv">middle</a>
        <a href="./shisantouketsu20260305.xlsx">old excel</a>
        <a href="./shisantouketsu20260828.xlsx">newer excel</a>`),
      PAGE,
    );
    expect(links.csv?.href).toBe(`${DIR}shisantouketsu20260902.csv`);
    // The 2026-08-28 workbook is another edition: it can neither corroborate nor title the 2026-09-02 CSV.
    expect(links.xlsx).toBeNull();
    expect(links.fileDate).toBe('2026-09-02');
  });

  it('takes a workbook newer than every CSV as the edition, without a CSV', () => {
    const links = discoverListFiles(
      page('<a href="./shisantouketsu20260828.csv">csv</a><a href="./shisantouketsu20260901.xlsx">excel</a>'),
      PAGE,
    );
    expect(links).toMatchObject({ csv: null, fileDate: '2026-09-01' });
    expect(links.xlsx?.href).toBe(`${DIR}shisantouketsu20260901.xlsx`);
  });

  it('does not fall back to an older CSV in the news when the main CSV link is gone', () => {
    const withoutMainCsv = fixture.replace(/<a href="\.\/shisantouketsu20260828\.csv">[^<]*<\/a>/, '');
    expect(withoutMainCsv).not.toBe(fixture);
    const links = discoverListFiles(withoutMainCsv, PAGE);
    expect(links).toMatchObject({ csv: null, fileDate: '2026-08-28' });
    expect(links.xlsx?.href).toBe(`${DIR}shisantouketsu20260828.xlsx`);
  });

  it('resolves root-relative, parent-relative and absolute hrefs', () => {
    const root = discoverListFiles(page('<a href="/files/shisantouketsu20260828.csv">x</a>'), PAGE);
    expect(root.csv?.href).toBe('https://www.mof.go.jp/files/shisantouketsu20260828.csv');
    const parent = discoverListFiles(page('<a href="../shisantouketsu20260828.csv">x</a>'), PAGE);
    expect(parent.csv?.href).toBe('https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/shisantouketsu20260828.csv');
    const absolute = discoverListFiles(page('<a href="https://www.mof.go.jp/x/shisantouketsu20260828.xlsx">x</a>'), PAGE);
    expect(absolute.xlsx?.href).toBe('https://www.mof.go.jp/x/shisantouketsu20260828.xlsx');
  });

  it('honours <base href>', () => {
    const html = `<html><head><base href="https://www.mof.go.jp/files/"></head><body>
      <a href="shisantouketsu20260828.csv">x</a></body></html>`;
    expect(discoverListFiles(html, PAGE).csv?.href).toBe('https://www.mof.go.jp/files/shisantouketsu20260828.csv');
  });

  it('reads single-quoted, unquoted and upper-case attributes, decodes entities and drops the fragment', () => {
    const links = discoverListFiles(
      page(`<A class="dl" HREF='./shisantouketsu20260828.CSV?v=1&amp;x=2#top'>x</A>
            <a data-x="a>b" href=./shisantouketsu20260828.xlsx>y</a>`),
      PAGE,
    );
    expect(links.csv?.href).toBe(`${DIR}shisantouketsu20260828.CSV?v=1&x=2`);
    expect(links.xlsx?.href).toBe(`${DIR}shisantouketsu20260828.xlsx`);
  });

  it('accepts a legacy .xls as the Excel file, but prefers .xlsx of the same date', () => {
    const legacyOnly = discoverListFiles(page('<a href="./shisantouketsu20231201.xls">x</a>'), PAGE);
    expect(legacyOnly).toMatchObject({ csv: null, fileDate: '2023-12-01' });
    expect(legacyOnly.xlsx?.href).toBe(`${DIR}shisantouketsu20231201.xls`);

    const both = discoverListFiles(
      page('<a href="./shisantouketsu20231218.xls">x</a><a href="./shisantouketsu20231218.xlsx">y</a>'),
      PAGE,
    );
    expect(both.xlsx?.href).toBe(`${DIR}shisantouketsu20231218.xlsx`);
  });

  it('returns a CSV-only page with a null Excel link, and the reverse', () => {
    expect(discoverListFiles(page('<a href="./shisantouketsu20260828.csv">x</a>'), PAGE).xlsx).toBeNull();
    expect(discoverListFiles(page('<a href="./shisantouketsu20260828.xlsx">x</a>'), PAGE).csv).toBeNull();
  });

  it('deduplicates the same file linked twice', () => {
    const links = discoverListFiles(
      page(`<a href="./shisantouketsu20260828.csv">a</a><a href="${DIR}shisantouketsu20260828.csv">b</a>`),
      PAGE,
    );
    expect(links.csv?.href).toBe(`${DIR}shisantouketsu20260828.csv`);
  });

  it('ignores names that only look like the list', () => {
    const html = page(`
      <a href="./shisantouketsu20260828.pdf">pdf</a>
      <a href="./shisantouketsu_20260828.csv">underscore</a>
      <a href="./shisantouketsu2026082.csv">seven digits</a>
      <a href="./shisantouketsu20260828.csv.zip">zip</a>
      <a href="mailto:shisantouketsu20260828.csv">mail</a>
      <a href="./shisantouketsu20260301.csv">the real one</a>`);
    expect(discoverListFiles(html, PAGE).csv?.href).toBe(`${DIR}shisantouketsu20260301.csv`);
  });
});

describe('discoverListFiles: failing loudly', () => {
  it('throws a DiscoveryError naming the page when there is no list link', () => {
    const html = page('<a href="./gaiyou.html">概要</a><a href="./sochi_ichiran.pdf">一覧</a>');
    expect(() => discoverListFiles(html, PAGE)).toThrow(DiscoveryError);
    expect(() => discoverListFiles(html, PAGE)).toThrow(`${PAGE}: no shisantouketsu link found`);
  });

  it('does not count a file name that appears only as text, in a comment or in a script', () => {
    const html = page(`
      <p>shisantouketsu20260828.csv</p>
      <!-- <a href="./shisantouketsu20260828.csv">x</a> -->
      <script>document.write('<a href="./shisantouketsu20260828.xlsx">y</a>')</script>`);
    expect(() => discoverListFiles(html, PAGE)).toThrow(/no shisantouketsu link found/);
  });

  it('throws on an empty page', () => {
    expect(() => discoverListFiles('', PAGE)).toThrow(DiscoveryError);
  });

  it('throws on a file name that carries no calendar date, rather than reporting an older edition', () => {
    const html = page('<a href="./shisantouketsu20260828.csv">ok</a><a href="./shisantouketsu20260931.csv">bad</a>');
    expect(() => discoverListFiles(html, PAGE)).toThrow(/shisantouketsu20260931\.csv has no calendar date/);
  });

  it('throws when two different files claim the same edition', () => {
    const html = page('<a href="./shisantouketsu20260828.csv">a</a><a href="/other/shisantouketsu20260828.csv">b</a>');
    expect(() => discoverListFiles(html, PAGE)).toThrow(/two csv links for 20260828/);
  });

  it('throws when the page URL is not absolute', () => {
    expect(() => discoverListFiles(fixture, 'list.html')).toThrow(DiscoveryError);
  });
});

describe('asOfDate', () => {
  it.each([
    ['令和8年8月28日現在', '2026-08-28'],
    ['（令和８年　８月２８日現在）', '2026-08-28'],
    ['令和 8 年 8 月 28 日 現在', '2026-08-28'],
    ['令和元年5月1日現在', '2019-05-01'],
    ['令和2年1月10日現在', '2020-01-10'],
    ['平成31年4月30日現在', '2019-04-30'],
    ['平成元年1月8日現在', '1989-01-08'],
    ['平成３０年１２月２５日現在', '2018-12-25'],
    ['2026年8月28日現在', '2026-08-28'],
  ])('reads %s as %s', (text, iso) => {
    expect(asOfDate(text)).toBe(iso);
  });

  it.each([
    ['a date that is not followed by 現在', '令和8年8月28日更新'],
    ['a day that does not exist', '令和8年2月30日現在'],
    ['a 令和 date before the era began', '令和元年4月1日現在'],
    ['a 平成 date after the era ended', '平成31年5月1日現在'],
    ['an era the list never used', '昭和64年1月7日現在'],
    ['no date at all', '資産凍結等対象者'],
  ])('returns null for %s', (_, text) => {
    expect(asOfDate(text)).toBeNull();
  });

  it('takes the newest of several as-of lines', () => {
    expect(asOfDate('令和8年8月20日現在の一覧を更新 … 令和8年8月28日現在 … 令和7年1月10日現在')).toBe('2026-08-28');
  });

  it('reads an as-of line split by inline tags', () => {
    const links = discoverListFiles(
      page('<p>令和8年<span class="em">8月28日</span>現在</p><a href="./shisantouketsu20260828.csv">x</a>'),
      PAGE,
    );
    expect(links.asOf).toBe('2026-08-28');
  });

  it('leaves asOf null when the page has no as-of line', () => {
    expect(discoverListFiles(page('<a href="./shisantouketsu20260828.csv">x</a>'), PAGE).asOf).toBeNull();
  });
});
