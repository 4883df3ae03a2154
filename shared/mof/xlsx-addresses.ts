import type { Address } from '../domain/designation';
import { isCountryName, japaneseCountryPrefix } from './xlsx-countries';
import { cleanItem, segments, splitByScript, splitEnumeration, splitTopLevel, squash } from './xlsx-prose';

/**
 * 住所・所在地 cells. The CSV splits an address into country and the rest, per language; the XLSX writes it whole,
 * English with the country last (`…, 368730, Russia`), Japanese with the country first (`北朝鮮平壌特別市`; a
 * Japanese address is split only at a known country name, because nothing else marks it: `バグダッド、929地区`
 * starts with a city).
 * Several addresses in one country are one CSV address whose parts are joined by `; ` (028-000359), so they are
 * merged here the same way.
 */

/** Each line, `;` part, bullet (`・…`) or `(a)`/`(b)` item of the cell is an address. */
export function readAddresses(cell: string | null): Address[] {
  if (cell === null) return [];
  const items = splitEnumeration(cell) ?? splitTopLevel(cell, ';；\n');
  const addresses = items
    .map(cleanItem)
    .filter((item) => item !== '' && item !== '不明')
    .map(readAddress);
  return mergeByCountry(pairLanguages(addresses));
}

function readAddress(item: string): Address {
  // `ハイチ（Haiti）` is one place in two scripts; with more brackets (`…オムドゥルマン（Omdurman）・エルワハ（El Waha）`)
  // the Latin ones annotate parts of the Japanese address.
  const { ja, en } = splitByScript(item, segments(item).filter((s) => s.group).length === 1);
  const japanese = ja === null ? null : splitJapanese(ja);
  const english = en === null ? null : splitEnglish(en);
  return {
    country: { ja: japanese?.country ?? null, en: english?.country ?? null },
    detail: { ja: japanese?.detail ?? null, en: english?.detail ?? null },
  };
}

interface Split {
  country: string | null;
  detail: string | null;
}

/**
 * The last comma-separated part is the country when it has no digits (`…, 690091, Russia`; not `Moscow 107078`),
 * as the CSV splits it; an address of one part is a country only if it is a country's name (`Pakistan`).
 */
function splitEnglish(text: string): Split {
  const value = squash(text);
  const comma = value.lastIndexOf(',');
  if (comma < 0) return isCountryName(value) ? { country: value, detail: null } : { country: null, detail: value };
  const country = value.slice(comma + 1).trim();
  if (country === '' || /\d/.test(country)) return { country: null, detail: value };
  return { country, detail: value.slice(0, comma).trim() || null };
}

function splitJapanese(text: string): Split {
  const value = text.trim();
  const country = japaneseCountryPrefix(value);
  if (country === undefined) return { country: null, detail: value };
  const rest = value.slice(country.length).replace(/^[\s、，,]+/, '');
  // `ドイツの刑務所` is a place described by its country, not a country and a place.
  if (rest.startsWith('の')) return { country: null, detail: value };
  return { country, detail: rest === '' ? null : rest };
}

/** `イラン⏎Iran`: one address written once per language is one address. */
function pairLanguages(addresses: Address[]): Address[] {
  const japaneseOnly = addresses.filter((a) => a.detail.en === null && a.country.en === null);
  const englishOnly = addresses.filter((a) => a.detail.ja === null && a.country.ja === null);
  if (japaneseOnly.length === 0 || japaneseOnly.length !== englishOnly.length || japaneseOnly.length + englishOnly.length !== addresses.length) {
    return addresses;
  }
  return japaneseOnly.map((ja, i) => ({
    country: { ja: ja.country.ja, en: englishOnly[i]!.country.en },
    detail: { ja: ja.detail.ja, en: englishOnly[i]!.detail.en },
  }));
}

/** Addresses in the same country (per language) become one, their details joined by `; `, as in the CSV. */
function mergeByCountry(addresses: Address[]): Address[] {
  const merged: Address[] = [];
  for (const address of addresses) {
    const same = merged.find((m) => m.country.ja === address.country.ja && m.country.en === address.country.en);
    if (!same) {
      merged.push(address);
      continue;
    }
    same.detail = { ja: joinDetail(same.detail.ja, address.detail.ja), en: joinDetail(same.detail.en, address.detail.en) };
  }
  return merged;
}

function joinDetail(a: string | null, b: string | null): string | null {
  return [a, b].filter((v) => v !== null).join('; ') || null;
}
