import { HTMLElement, parse as parseHtml } from 'node-html-parser';
import { z } from 'zod';
import { IsoDate } from '../domain/designation';

/**
 * Step 1 of a check: MOF's index page (list.html) → the newest edition's CSV and Excel files and the page's as-of
 * date. MOF puts the edition date in the file name and keeps no stable alias, so the links must be found afresh on
 * every poll; a page without them is an error, never a reason to fall back to the last known URL.
 *
 * Every list link counts, main and news links alike, and the newest date among them is the edition: a page whose
 * main CSV link is gone while a news item still links an older CSV offers the newest edition as a workbook only,
 * and a workbook newer than every CSV is that newer edition. The two files returned are always of one edition.
 */

export const ListLinks = z
  .object({
    /** The newest edition's CSV; null when that edition is offered only as a workbook. */
    csv: z.instanceof(URL).nullable(),
    /** The newest edition's Excel file: `.xlsx`, or a legacy `.xls` when that is all the page offers (see the URL's extension). */
    xlsx: z.instanceof(URL).nullable(),
    /** The page's 「令和8年8月28日現在」 line. */
    asOf: IsoDate.nullable(),
    /** The newest date in any list file name on the page, which is the notice date, not the upload time. */
    fileDate: IsoDate.nullable(),
  })
  .refine((links) => links.csv !== null || links.xlsx !== null, 'a list needs a CSV or an Excel link');
export type ListLinks = z.infer<typeof ListLinks>;

export class DiscoveryError extends Error {
  constructor(
    readonly pageUrl: string,
    reason: string,
  ) {
    super(`${pageUrl}: ${reason}`);
    this.name = 'DiscoveryError';
  }
}

type ListFormat = 'csv' | 'xlsx';

interface ListFile {
  format: ListFormat;
  /** `YYYYMMDD` from the name, which orders like the date it is. */
  stamp: string;
  /** `.xlsx` is preferred over `.xls` of the same date. */
  legacy: boolean;
  url: URL;
}

const LIST_FILE = /^shisantouketsu(\d{8})\.(csv|xlsx|xls)$/i;

export function discoverListFiles(html: string, pageUrl: string): ListLinks {
  const page = readMarkup(html);
  const base = resolveBase(pageUrl, page.baseHref);
  const files = page.anchorHrefs.flatMap((href) => {
    const file = listFileAt(href, base, pageUrl);
    return file ? [file] : [];
  });
  if (files.length === 0) throw new DiscoveryError(pageUrl, 'no shisantouketsu link found (expected shisantouketsuYYYYMMDD.csv or .xlsx)');

  const edition = files.map((f) => f.stamp).sort().at(-1)!;
  const ofEdition = files.filter((f) => f.stamp === edition);
  return ListLinks.parse({
    csv: newest(ofEdition, 'csv', pageUrl)?.url ?? null,
    xlsx: newest(ofEdition, 'xlsx', pageUrl)?.url ?? null,
    asOf: asOfDate(page.text),
    fileDate: stampToIso(edition),
  });
}

function resolveBase(pageUrl: string, baseHref: string | null): URL {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    throw new DiscoveryError(pageUrl, 'the page URL is not an absolute URL');
  }
  if (baseHref === null) return page;
  try {
    return new URL(baseHref, page);
  } catch {
    return page;
  }
}

function listFileAt(href: string, base: URL, pageUrl: string): ListFile | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const name = decodeURIComponentSafe(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
  const match = LIST_FILE.exec(name);
  if (!match) return null;
  const [, stamp = '', extension = ''] = match;
  // A mis-dated name must not be skipped silently: if it were the newest edition we would report an older one.
  if (stampToIso(stamp) === null) throw new DiscoveryError(pageUrl, `${url.href} has no calendar date in its name`);
  url.hash = '';
  const ext = extension.toLowerCase();
  return { format: ext === 'csv' ? 'csv' : 'xlsx', stamp, legacy: ext === 'xls', url };
}

function newest(files: ListFile[], format: ListFormat, pageUrl: string): ListFile | null {
  const candidates = files
    .filter((f) => f.format === format)
    .sort((a, b) => b.stamp.localeCompare(a.stamp) || Number(a.legacy) - Number(b.legacy));
  const best = candidates[0];
  if (!best) return null;
  // Two different files claiming the same edition leave no way to know which one MOF means.
  const rival = candidates.find((f) => f.stamp === best.stamp && f.legacy === best.legacy && f.url.href !== best.url.href);
  if (rival) throw new DiscoveryError(pageUrl, `two ${format} links for ${best.stamp}: ${best.url.href} and ${rival.url.href}`);
  return best;
}

function stampToIso(stamp: string): string | null {
  return calendarDate(Number(stamp.slice(0, 4)), Number(stamp.slice(4, 6)), Number(stamp.slice(6, 8)));
}

// ---------------------------------------------------------------------------------------------------------------
// The as-of line: 「令和8年8月28日現在」, also written with full-width digits and spaces (「令和８年　８月２８日現在」).

/** First and last day of each era, so that 令和元年4月1日 (still 平成) is not mistaken for a date. */
const ERAS: Record<string, { offset: number; from: string; to: string }> = {
  令和: { offset: 2018, from: '2019-05-01', to: '9999-12-31' },
  平成: { offset: 1988, from: '1989-01-08', to: '2019-04-30' },
};

const AS_OF = /(令和|平成|(?=\d{4}\s*年))\s*(元|\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*現在/g;

/** The newest as-of date on the page: news items may quote older ones. */
export function asOfDate(pageText: string): string | null {
  // NFKC turns full-width digits into ASCII and U+3000 into a plain space.
  const text = pageText.normalize('NFKC');
  let newestDate: string | null = null;
  for (const [, era = '', year = '', month = '', day = ''] of text.matchAll(AS_OF)) {
    const iso = eraDate(era, year, Number(month), Number(day));
    if (iso !== null && (newestDate === null || iso > newestDate)) newestDate = iso;
  }
  return newestDate;
}

function eraDate(era: string, year: string, month: number, day: number): string | null {
  if (era === '') return calendarDate(Number(year), month, day);
  const rule = ERAS[era];
  if (!rule) return null;
  const iso = calendarDate(rule.offset + (year === '元' ? 1 : Number(year)), month, day);
  return iso !== null && iso >= rule.from && iso <= rule.to ? iso : null;
}

function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the HTML with node-html-parser: the href of every <a>, a <base href> if any, and the visible text.

interface PageMarkup {
  anchorHrefs: string[];
  baseHref: string | null;
  text: string;
}

/** Comments, scripts and styles hold hrefs and dates that are not links or text of the page. */
function readMarkup(html: string): PageMarkup {
  const root = parseHtml(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false } });
  for (const hidden of root.querySelectorAll('template')) hidden.remove();
  const hrefOf = (element: HTMLElement) => element.getAttribute('href')?.trim() || null;
  const firstBase = root.querySelector('base[href]');
  return {
    anchorHrefs: root.querySelectorAll('a[href]').flatMap((a) => hrefOf(a) ?? []),
    baseHref: firstBase ? hrefOf(firstBase) : null,
    // Entities decoded; 「令和8年<span>8月28日</span>現在」 reads as one line since the as-of pattern allows no gap.
    text: root.text,
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
