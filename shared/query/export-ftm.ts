import { addressLine } from '../domain/canonical';
import type { BilingualList, Designation } from '../domain/designation';
import { comparableText } from '../domain/normalize';
import type { SourceFile } from '../records';
import { countryCode } from '../domain/countries';

/**
 * FollowTheMoney entities as JSON lines, the form OpenSanctions-compatible tooling (yente, nomenklatura, ftm)
 * loads: per designation a Person, Organization or LegalEntity, then a Sanction entity that names it.
 *
 * Ids are `jpsm-<list>-<key>`: stable while MOF keeps the regime and notice number (a renumbered regime gives new
 * keys, as it does in our change events). Countries are ISO codes, as FtM's country type requires; a name no code
 * matches stays in the address text only.
 */

export interface FtmEntity {
  id: string;
  schema: 'Person' | 'Organization' | 'LegalEntity' | 'Sanction';
  properties: Record<string, string[]>;
}

// Groups, fronts, armies and networks are organizations; an entity with none of these words may be a company, a
// vessel owner or a fund, which FtM's LegalEntity covers without claiming more than the list says.
const ORGANIZATION = /\b(group|front|army|brigade|battalion|network|movement|organi[sz]ation|party|committee|council|association|foundation|regiment|jamaat|taliban|al-qaida|isil)\b|組織|戦線|旅団|大隊|運動|委員会|協会|財団|連隊|党/iu;

/** FtM's country type is the alpha-2 code in lower case. */
const ftmCountry = (name: string | null) => countryCode(name)?.toLowerCase();

const AUTHORITY = 'Government of Japan: 外務省告示 (Ministry of Foreign Affairs notice); list by 財務省 (Ministry of Finance)';

export function ftmEntities(entry: Designation, list: string, source: SourceFile | null): FtmEntity[] {
  const id = `jpsm-${list}-${entry.key}`;
  const schema = entry.entityType === 'individual' ? 'Person' : ORGANIZATION.test(`${entry.name.en ?? ''} ${entry.name.ja ?? ''}`) ? 'Organization' : 'LegalEntity';
  const both = (l: BilingualList) => [...l.en, ...l.ja];
  const addresses = entry.addresses.flatMap((a) =>
    (['en', 'ja'] as const).map((lang) => addressLine(a, lang)).filter(Boolean),
  );
  const births = entry.datesOfBirth.map(ftmBirthDate);
  const passports = entry.passportNumbers.map(ftmPassport);
  // FtM wants a URL here; a local store's source is a path on someone's disk.
  const sourceUrl = source && /^https?:\/\//.test(source.url) ? source.url : undefined;
  const properties: Record<string, (string | null | undefined)[]> = {
    name: [entry.name.en, entry.name.ja],
    alias: both(entry.aliases),
    previousName: both(entry.formerNames),
    weakAlias: both(entry.weakAliases),
    address: addresses,
    country: entry.addresses.flatMap((a) => [ftmCountry(a.country.en), ftmCountry(a.country.ja)]),
    idNumber: entry.idNumbers,
    notes: [
      entry.otherInformation,
      ...births.flatMap((b) => (b.note ? [`生年月日 date of birth: ${b.note}`] : [])),
      ...passports.flatMap((p) => (p.note ? [`旅券 passport: ${p.note}`] : [])),
    ],
    topics: ['sanction'],
    sourceUrl: [sourceUrl],
    ...(schema === 'Person' && {
      title: both(entry.titles),
      position: both(entry.positions),
      birthDate: births.flatMap((b) => b.dates),
      birthPlace: both(entry.placesOfBirth),
      nationality: both(entry.nationalities).map(ftmCountry),
      passportNumber: passports.flatMap((p) => p.numbers),
    }),
  };
  const sanction: Record<string, (string | null | undefined)[]> = {
    entity: [id],
    authority: [AUTHORITY],
    authorityId: [`${entry.regime.number}-${entry.noticeNumber}`],
    program: [entry.regime.title ?? `区分 ${entry.regime.number}`],
    programId: [`JP-MOF-${entry.regime.number}`],
    unscId: [entry.unReference],
    country: ['jp'],
    provisions: ['資産凍結等 Asset freeze'],
    startDate: [entry.designatedOn],
    listingDate: [entry.designatedOn],
    modifiedAt: [entry.amendedOn.at(-1)],
    endDate: [entry.deletedOn],
    sourceUrl: [sourceUrl],
  };
  return [
    { id, schema, properties: compact(properties) },
    { id: `${id}-sanction`, schema: 'Sanction', properties: compact(sanction) },
  ];
}

/**
 * A date of birth as FtM's date type takes it (`1970`, `1970-05`, `1970-05-16`), and the list's words where they say
 * more than one date: `1963年頃` (about 1963) is 1963 with a note; `1955年から1958年の間` is each year of the range;
 * `1980年または1983年` both years. Words with no year (`10月10日（year unknown）`, an age) stay in the note only.
 */
export function ftmBirthDate(value: string): { dates: string[]; note: string | null } {
  const text = value.normalize('NFKC').trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return { dates: [text], note: null };
  const plain = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(text);
  if (plain) return { dates: [[plain[1], plain[2]?.padStart(2, '0'), plain[3]?.padStart(2, '0')].filter(Boolean).join('-')], note: null };
  const dates = new Set<string>();
  for (const m of text.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) dates.add(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
  const years = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => m[1]!);
  const range = /(\d{4})年?(?:\d{1,2}月\d{1,2}日)?\s*(?:から|-|~|～)[;、,\s]*(\d{4})年/.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to >= from && to - from <= 10) for (let year = from; year <= to; year++) years.push(String(year));
  }
  // A year a full date already gives says nothing more.
  for (const year of years) if (![...dates].some((d) => d.startsWith(year))) dates.add(year);
  return { dates: [...dates].sort(), note: value };
}

/** FtM caps an identifier at 64 characters; a plain number stays one, and prose around numbers goes to notes. */
const PLAIN_NUMBER = /^[A-Z0-9][A-Z0-9 .\/-]{2,31}$/i;
const NUMBER_IN_PROSE = /(?<![A-Za-z0-9])(?:[A-Z]{1,3}[ -])?[A-Z0-9]{5,15}(?![A-Za-z0-9])/gi;

export function ftmPassport(value: string): { numbers: string[]; note: string | null } {
  const text = value.normalize('NFKC').trim();
  if (PLAIN_NUMBER.test(text)) return { numbers: [text], note: null };
  const numbers = (text.match(NUMBER_IN_PROSE) ?? []).filter((n) => (n.match(/\d/g) ?? []).length >= 5);
  return { numbers, note: value };
}

export function exportFtm(entries: readonly Designation[], list: string, source: SourceFile | null): string {
  return entries.flatMap((e) => ftmEntities(e, list, source)).map((entity) => `${JSON.stringify(entity)}\n`).join('');
}

/** Drops empty values and repeats that differ only in width or case; drops properties left empty. */
function compact(properties: Record<string, (string | null | undefined)[]>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(properties)) {
    const seen = new Set<string>();
    const kept = values.filter((v): v is string => {
      if (!v || !v.trim()) return false;
      const form = comparableText(v);
      if (seen.has(form)) return false;
      seen.add(form);
      return true;
    });
    if (kept.length > 0) result[name] = kept;
  }
  return result;
}
