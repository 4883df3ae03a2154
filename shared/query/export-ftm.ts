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
  const birthDates = entry.datesOfBirth.filter((d) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d));
  const otherBirthDates = entry.datesOfBirth.filter((d) => !birthDates.includes(d));
  const properties: Record<string, (string | null | undefined)[]> = {
    name: [entry.name.en, entry.name.ja],
    alias: both(entry.aliases),
    previousName: both(entry.formerNames),
    weakAlias: both(entry.weakAliases),
    address: addresses,
    country: entry.addresses.flatMap((a) => [ftmCountry(a.country.en), ftmCountry(a.country.ja)]),
    idNumber: entry.idNumbers,
    notes: [entry.otherInformation, ...otherBirthDates.map((d) => `生年月日 date of birth: ${d}`)],
    topics: ['sanction'],
    sourceUrl: [source?.url],
    ...(schema === 'Person' && {
      title: both(entry.titles),
      position: both(entry.positions),
      birthDate: birthDates,
      birthPlace: both(entry.placesOfBirth),
      nationality: both(entry.nationalities).map(ftmCountry),
      passportNumber: entry.passportNumbers,
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
    sourceUrl: [source?.url],
  };
  return [
    { id, schema, properties: compact(properties) },
    { id: `${id}-sanction`, schema: 'Sanction', properties: compact(sanction) },
  ];
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
