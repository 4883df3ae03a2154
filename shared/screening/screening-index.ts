import type { Designation } from '../domain/designation';
import { countryCode } from '../domain/countries';
import { leastWeight } from './compare-names';
import { withoutSecondSurname } from './compound-surnames';
import { foldName, type NameToken, tokenizeName } from './normalize';
import type { MatchedField } from './schemas';
import { TokenSpace } from './token-space';
import { arabicSpellingShape } from './transliterate';

/** One written form of one entry's name: its primary name, an alias, a former name or a weak alias, in one script. */
export interface IndexedName {
  entry: number;
  field: MatchedField;
  text: string;
  tokens: NameToken[];
}

/**
 * What bounds each name's score cheaply (screen.ts' candidates), by name id: the weight of its legal forms and
 * generic words, its heaviest word's, the least compareNames can weigh the whole name at (its middle parts a
 * quarter, a patronymic half), its words, and the letters of its keys without legal forms (whether it could
 * match a query with its words run together). Typed arrays: read for every candidate of every query.
 */
export interface NameBounds {
  lowWeight: Float64Array;
  maxWordWeight: Float64Array;
  leastWeight: Float64Array;
  words: Uint16Array;
  joinedLength: Uint16Array;
}

/** What screening needs of an entry beyond its names, worked out once. */
export interface EntryFacts {
  /** ISO dates of birth, and every year any date-of-birth text mentions (`1963年頃`, `1965年3月29日又は…`). */
  birthDates: Set<string>;
  birthYears: Set<number>;
  /** ISO alpha-2 codes of nationalities and address countries; unknown names kept folded. */
  countries: Set<string>;
  /** A person the list gives addresses for but no nationality: the countries only say where they have lived. */
  residenceOnly: boolean;
  /** An organisation's address words (Bobruisk, Kurgan), folded: a customer file adds the city to a company's name. */
  addressWords: Set<string>;
}

/**
 * Built once from the list's entries; every query after that only reads it. Token keys sit in two spaces: the
 * native one (Latin keys, katakana keys, kanji as written) and the cross-script one where Latin and romanized
 * katakana meet.
 */
export class ScreeningIndex {
  readonly names: IndexedName[] = [];
  readonly facts: EntryFacts[];
  readonly native = new TokenSpace();
  /**
   * Cross-script keys, of katakana names and of Latin names apart: a Latin query word looks only among the katakana
   * names' (its Latin names are met in the native space, where compareNames compares a same-script pair).
   */
  readonly kanaCross = new TokenSpace();
  readonly latinCross = new TokenSpace();
  readonly bounds: NameBounds;
  /** Every word of every organisation's addresses: a query word among them may be a place screen.ts leaves out. */
  readonly addressWords: ReadonlySet<string>;
  /** Names holding each spelling family (Lee/RI, Mohammed/Muhammad), coarse key (c:…) and consonant skeleton (s:…): found by it, however far the spellings. */
  readonly families = new Map<string, number[]>();
  /** How many entries hold each name part (by family, else by key), for its rarity. */
  private readonly entriesHolding = new Map<string, number>();
  /** Each listed word's weight, once worked out: a query's search reads the same listed words thousands of times. */
  private readonly wordWeights = new WeakMap<NameToken, number>();

  constructor(readonly entries: readonly Designation[]) {
    this.facts = entries.map(entryFacts);
    this.addressWords = new Set(this.facts.flatMap((f) => [...f.addressWords]));
    entries.forEach((entry, index) => {
      const parts = new Set<string>();
      for (const [field, texts] of namesOf(entry)) {
        for (const text of texts) {
          const tokens = this.addName(index, field, text);
          // A hyphenated family name is also found by its first part (Fakhrizadeh for FAKHRIZADEH-MAHABADI).
          const shorter = entry.entityType === 'individual' ? withoutSecondSurname(text) : null;
          if (shorter !== null) this.addName(index, field, text, shorter);
          for (const token of tokens) {
            if (token.kind !== 'word') continue;
            parts.add(partOf(token));
            if (token.skeleton) parts.add(`s:${token.skeleton}`);
          }
        }
      }
      for (const part of parts) this.entriesHolding.set(part, (this.entriesHolding.get(part) ?? 0) + 1);
    });
    this.bounds = boundsOf(this.names, this.weightOf);
  }

  /**
   * How much a name part weighs: legal forms and generic words their fixed low weight; a word by how many of the
   * list's entries hold it (its family, else its key): 1 for a part one entry holds, down to RARITY_FLOOR for the
   * commonest (SERGEI, MOHAMMAD, KIM). A part the list does not hold is as rare as can be.
   */
  readonly weightOf = (token: NameToken): number => {
    if (token.kind !== 'word') return token.weight;
    let weight = this.wordWeights.get(token);
    if (weight === undefined) {
      const holding = this.entriesHolding.get(partOf(token));
      weight = holding === undefined ? 1 : rarity(holding);
      this.wordWeights.set(token, weight);
    }
    return weight;
  };

  /** How many listed entries hold this name part (its family, else its key), for the `why` of a match. */
  entriesWith(token: NameToken): number {
    return this.entriesHolding.get(partOf(token)) ?? 0;
  }

  /** Indexes a listed name, read as `reading` when that differs from the text the list gives (which a match shows). */
  private addName(entry: number, field: MatchedField, text: string, reading = text): NameToken[] {
    const tokens = tokenizeName(reading);
    if (tokens.length === 0) return tokens;
    const id = this.names.length;
    this.names.push({ entry, field, text, tokens });
    for (const token of tokens) {
      this.native.add(token.key, id);
      if (token.cross) (token.script === 'latin' ? this.latinCross : this.kanaCross).add(token.cross, id);
      if (token.kind !== 'word') continue;
      // a: the Latin words arabicSpellings may pair by their consonants alone (screen.ts retrieves them for such a word).
      const arabicShaped = token.script === 'latin' && token.skeleton && token.skeleton.length >= 3 && arabicSpellingShape(token.text);
      for (const key of [token.family, token.coarse && `c:${token.coarse}`, token.skeleton && `s:${token.skeleton}`, arabicShaped && `a:${token.skeleton}`]) {
        if (!key) continue;
        const holders = this.families.get(key);
        if (!holders) this.families.set(key, [id]);
        else if (holders[holders.length - 1] !== id) holders.push(id);
      }
    }
    return tokens;
  }
}

function boundsOf(names: readonly IndexedName[], weightOf: (token: NameToken) => number): NameBounds {
  const n = names.length;
  const bounds = {
    lowWeight: new Float64Array(n),
    maxWordWeight: new Float64Array(n),
    leastWeight: new Float64Array(n),
    words: new Uint16Array(n),
    joinedLength: new Uint16Array(n),
  };
  names.forEach(({ tokens }, id) => {
    for (const token of tokens) {
      const weight = weightOf(token);
      if (token.kind !== 'word') bounds.lowWeight[id]! += weight;
      else {
        bounds.words[id]!++;
        if (weight > bounds.maxWordWeight[id]!) bounds.maxWordWeight[id] = weight;
      }
    }
    bounds.leastWeight[id] = leastWeight(tokens, weightOf);
    bounds.joinedLength[id] = joinedKeyLength(tokens);
  });
  return bounds;
}

/** The weight of a name part that `holding` entries share: 1 for one, falling with the logarithm, never below 0.25. */
const RARITY_FLOOR = 0.25;
const RARITY_SLOPE = 0.15;
function rarity(holding: number): number {
  const weight = 1 - RARITY_SLOPE * Math.log(holding);
  return weight > RARITY_FLOOR ? weight : RARITY_FLOOR;
}

/** A name part for its rarity: its family, else its key; an Arabic-script word by its consonants (as many Latin spellings hold). */
const partOf = (token: NameToken) => (token.script === 'arabic' ? `s:${token.skeleton}` : (token.family ?? `${token.script}:${token.key}`));

/** The length compareNames' joined comparison works on. */
export function joinedKeyLength(tokens: readonly NameToken[]): number {
  return tokens.reduce((length, t) => (t.kind === 'legal' ? length : length + t.key.length), 0);
}

function namesOf(entry: Designation): Array<[MatchedField, string[]]> {
  const both = (list: { ja: string[]; en: string[] }) => [...list.ja, ...list.en];
  return [
    ['name', [entry.name.ja, entry.name.en].filter((n): n is string => !!n)],
    ['alias', both(entry.aliases)],
    ['formerName', both(entry.formerNames)],
    ['weakAlias', both(entry.weakAliases)],
  ];
}

/** Street numbers, unit letters and particles are no places. */
const ADDRESS_WORD_LENGTH = 4;

function entryFacts(entry: Designation): EntryFacts {
  const birthDates = new Set(entry.datesOfBirth.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)));
  const birthYears = new Set(entry.datesOfBirth.flatMap((d) => [...d.matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]))));
  const countryNames = [...entry.nationalities.ja, ...entry.nationalities.en, ...entry.addresses.flatMap((a) => [a.country.ja, a.country.en])];
  const countries = new Set(countryNames.filter((c): c is string => !!c).map((c) => countryCode(c) ?? foldName(c)));
  const residenceOnly = entry.entityType === 'individual' && ![...entry.nationalities.ja, ...entry.nationalities.en].some((c) => !!c);
  // A person's words added are personWithAddedWords' (compare-names.ts): an address is a company's seat, a person's stay.
  const addressText = entry.entityType !== 'entity' ? [] : entry.addresses.flatMap((a) => [a.detail.en, a.detail.ja]).filter((d): d is string => !!d);
  const addressWords = new Set(addressText.flatMap((d) => foldName(d).split(/[^\p{L}]+/u)).filter((w) => w.length >= ADDRESS_WORD_LENGTH));
  return { birthDates, birthYears, countries, residenceOnly, addressWords };
}
