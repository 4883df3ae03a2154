import type { Address, BilingualList, Designation } from '../domain/designation';

/**
 * The list as one CSV row per entry (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel opens Japanese text
 * correctly). Lists within a cell are joined by "; ", in the order the list gives them.
 */

const join = (values: readonly string[]) => values.join('; ');
const address = (a: Address, lang: 'ja' | 'en') => [a.detail[lang], a.country[lang]].filter(Boolean).join(', ');

const COLUMNS: [string, (e: Designation) => string | null][] = [
  ['key', (e) => e.key],
  ['regime_number', (e) => String(e.regime.number)],
  ['regime_title', (e) => e.regime.title],
  ['notice_number', (e) => e.noticeNumber],
  ['notice_marker', (e) => e.noticeMarker],
  ['entity_type', (e) => e.entityType],
  ['status', (e) => e.status],
  ['name_ja', (e) => e.name.ja],
  ['name_en', (e) => e.name.en],
  ...bilingual('aliases', (e) => e.aliases),
  ...bilingual('former_names', (e) => e.formerNames),
  ...bilingual('weak_aliases', (e) => e.weakAliases),
  ...bilingual('titles', (e) => e.titles),
  ...bilingual('positions', (e) => e.positions),
  ['dates_of_birth', (e) => join(e.datesOfBirth)],
  ...bilingual('places_of_birth', (e) => e.placesOfBirth),
  ...bilingual('nationalities', (e) => e.nationalities),
  ['passport_numbers', (e) => join(e.passportNumbers)],
  ['id_numbers', (e) => join(e.idNumbers)],
  ['addresses_ja', (e) => join(e.addresses.map((a) => address(a, 'ja')).filter(Boolean))],
  ['addresses_en', (e) => join(e.addresses.map((a) => address(a, 'en')).filter(Boolean))],
  ['un_reference', (e) => e.unReference],
  ['un_listing_date', (e) => e.unListingDate],
  ['designated_on', (e) => e.designatedOn],
  ['amended_on', (e) => join(e.amendedOn)],
  ['other_information', (e) => e.otherInformation],
];

function bilingual(name: string, pick: (e: Designation) => BilingualList): [string, (e: Designation) => string][] {
  return [
    [`${name}_ja`, (e) => join(pick(e).ja)],
    [`${name}_en`, (e) => join(pick(e).en)],
  ];
}

export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

export function exportCsv(entries: readonly Designation[]): string {
  const rows = [CSV_COLUMNS, ...entries.map((e) => COLUMNS.map(([, value]) => value(e) ?? ''))];
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
