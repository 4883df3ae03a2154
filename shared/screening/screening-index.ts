import type { Designation } from '../domain/designation';
import { countryCode } from '../domain/countries';
import { foldName, type NameToken, tokenizeName } from './normalize';
import type { MatchedField } from './schemas';
import { TokenSpace } from './token-space';

/** One written form of one entry's name: its primary name, an alias, a former name or a weak alias, in one script. */
export interface IndexedName {
  entry: number;
  field: MatchedField;
  text: string;
  tokens: NameToken[];
  /** Sum of the token weights, and of those of legal forms and generic words: for bounding a score cheaply. */
  weight: number;
  lowWeight: number;
  words: number;
  /** Letters of the name's keys without legal forms: whether it could match a query with its words run together. */
  joinedLength: number;
}

/** What screening needs of an entry beyond its names, worked out once. */
export interface EntryFacts {
  /** ISO dates of birth, and every year any date-of-birth text mentions (`1963年頃`, `1965年3月29日又は…`). */
  birthDates: Set<string>;
  birthYears: Set<number>;
  /** ISO alpha-2 codes of nationalities and address countries; unknown names kept folded. */
  countries: Set<string>;
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
  readonly cross = new TokenSpace();

  constructor(readonly entries: readonly Designation[]) {
    this.facts = entries.map(entryFacts);
    entries.forEach((entry, index) => {
      for (const [field, texts] of namesOf(entry)) {
        for (const text of texts) this.addName(index, field, text);
      }
    });
  }

  private addName(entry: number, field: MatchedField, text: string): void {
    const tokens = tokenizeName(text);
    if (tokens.length === 0) return;
    const sum = (ts: NameToken[]) => ts.reduce((total, t) => total + t.weight, 0);
    const words = tokens.filter((t) => t.kind === 'word');
    const joinedLength = joinedKeyLength(tokens);
    const name = { entry, field, text, tokens, weight: sum(tokens), lowWeight: sum(tokens) - sum(words), words: words.length, joinedLength };
    const id = this.names.length;
    this.names.push(name);
    for (const token of name.tokens) {
      this.native.add(token.key, id);
      if (token.cross) this.cross.add(token.cross, id);
    }
  }
}

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

function entryFacts(entry: Designation): EntryFacts {
  const birthDates = new Set(entry.datesOfBirth.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)));
  const birthYears = new Set(entry.datesOfBirth.flatMap((d) => [...d.matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]))));
  const countryNames = [...entry.nationalities.ja, ...entry.nationalities.en, ...entry.addresses.flatMap((a) => [a.country.ja, a.country.en])];
  const countries = new Set(countryNames.filter((c): c is string => !!c).map((c) => countryCode(c) ?? foldName(c)));
  return { birthDates, birthYears, countries };
}
