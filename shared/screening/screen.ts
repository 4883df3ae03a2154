import type { Designation } from '../domain/designation';
import { addsKindOfEntity, ARABIC_SIMILARITY, COARSE_SIMILARITY, compareNames, CONNECTIVES, isInitial, type NameComparison, CONTAINED_RARE, CROSS_SCRIPT_FACTOR, FAMILY_SIMILARITY, singleCompanyWord } from './compare-names';
import { countryCode } from '../domain/countries';
import { hasHan, PARTIAL_GUESS_FACTOR, wholeNameAgrees } from './chinese';
import { entityTypeMismatch } from './entity-type';
import { foldName, type NameReading, type NameToken, namesSomeone, tokenizeReadings } from './normalize';
import {
  type Customer,
  type CustomerScreening,
  type MatchedField,
  type ScoreReason,
  ScreeningQuery,
  type ScreeningMatch,
  type ScreeningResult,
} from './schemas';
import { type EntryFacts, joinedKeyLength, type ScreeningIndex } from './screening-index';
import { arabicSpellingShape } from './transliterate';

/**
 * Screening one name against the list, the way OFAC's Sanctions List Search and watchman do (token-wise
 * Jaro-Winkler over every name of every entry, a threshold the user sets), plus what those lack: katakana,
 * transliteration variants, and the date of birth and country confirming or weakening a candidate.
 */

/** A weak alias (確定に十分でない別名) is by the list's own word not enough to identify anyone. */
const FIELD_FACTOR: Record<MatchedField, number> = { name: 1, alias: 1, formerName: 0.97, weakAlias: 0.9 };
const DOB_EXACT = 0.05;
const DOB_YEAR = 0.02;
const DOB_DIFFERS = -0.1;
const COUNTRY_SAME = 0.03;
const COUNTRY_DIFFERS = -0.05;
const MAX_BONUS = DOB_EXACT + COUNTRY_SAME;
/** How close a listed token must be to a query token for its names to be considered at all. */
const NATIVE_RETRIEVAL = 0.8;
const CROSS_RETRIEVAL = 0.8;

export function screenName(index: ScreeningIndex, input: ScreeningQuery): ScreeningResult {
  const query = ScreeningQuery.parse(input);
  const wantCountry = query.country ? (countryCode(query.country) ?? foldName(query.country)) : null;
  const best = new Map<number, { score: number; why: ScoreReason[]; field: MatchedField; text: string }>();
  const inCharacters = hasHan(query.name);

  // A Cyrillic name may have two Latin readings (г as g and as h): each entry keeps its best.
  for (const tokens of tokenizeReadings(query.name)) {
    if (!namesSomeone(tokens)) continue;
    scoreNames(tokens, null, null);
    // A name with an entry's one-word alias added (Minsk Wheel Tractor Plant MZKT, OMM Ocean Maritime Management): the
    // alias says which entry; the rest is compared with that entry's names.
    for (const [i, entries] of aliasWords(index, tokens)) {
      const rest = Object.assign(tokens.filter((_, j) => j !== i), { guessed: tokens.guessed });
      if (namesSomeone(rest)) scoreNames(rest, entries, tokens[i]!.text);
    }
  }

  function scoreNames(tokens: NameReading, only: ReadonlySet<number> | null, alias: string | null) {
    for (const nameId of candidates(index, tokens, query.threshold)) {
      const name = index.names[nameId]!;
      if (only && !only.has(name.entry)) continue;
      const entry = index.entries[name.entry]!;
      if (query.entityType && entry.entityType !== query.entityType) continue;
      const facts = index.facts[name.entry]!;
      const found = compareNames(tokens, name.tokens, index.weightOf);
      const place = placeAdded(tokens, found, facts);
      const withoutPlace = place && compareNames(place.rest, name.tokens, index.weightOf);
      const comparison = withoutPlace && withoutPlace.score * ADDRESS_PLACE_FACTOR > found.score ? { ...withoutPlace, score: withoutPlace.score * ADDRESS_PLACE_FACTOR } : found;
      const factor = FIELD_FACTOR[name.field];
      // A query that says what it is looks only at entries of that kind (above); one that does not is read by its words.
      const mismatch = query.entityType ? null : entityTypeMismatch(tokens, name.tokens, entry.entityType);
      // A reading guessed from Chinese characters or another romanization counts fully only where all of it agrees.
      const guess = tokens.guessed && !wholeNameAgrees(comparison, tokens, name.tokens, inCharacters) ? PARTIAL_GUESS_FACTOR : 1;
      const score = comparison.score * factor * guess + (mismatch?.effect ?? 0);
      if (score + MAX_BONUS < query.threshold) continue;
      const known = best.get(name.entry);
      if (known && known.score >= score) continue;
      const why: ScoreReason[] = [
        {
          signal: 'name',
          detail: `${name.field} "${name.text}"${comparison.joined ? ' (words run together)' : ''}${tokens.guessed ? `, the query read as "${tokens.map((t) => t.text).join(' ')}"${guess !== 1 ? ` (×${guess}: not all of it agrees)` : ''}` : ''}`,
          effect: round(comparison.score),
        },
        ...comparison.pairs.map((p) => ({
          signal: 'token' as const,
          detail: `${p.query} ≈ ${p.listed}${p.crossScript ? ` (katakana ↔ Latin, ×${CROSS_SCRIPT_FACTOR})` : ''}, weight ${round(p.weightListed)}${rarityNote(index, name.tokens, p.listed)}`,
          effect: round(p.similarity),
        })),
      ];
      const legal = [...tokens, ...name.tokens].filter((t) => t.kind === 'legal').map((t) => t.text);
      if (legal.length) why.push({ signal: 'legal-form', detail: `weighed low: ${[...new Set(legal)].join(', ')}`, effect: 0 });
      if (factor !== 1) {
        why.push({
          signal: name.field === 'weakAlias' ? 'weak-alias' : 'former-name',
          detail: name.field === 'weakAlias' ? 'a weak alias (確定に十分でない別名)' : 'a former name (旧称)',
          effect: round(comparison.score * (factor - 1)),
        });
      }
      if (mismatch) why.push(mismatch);
      if (alias) why.push({ signal: 'name', detail: `"${alias}" is a one-word name of this entry, the rest compared with its names`, effect: 0 });
      if (comparison !== found) why.push({ signal: 'name', detail: `"${place!.place}" is in the entry's address, the rest compared with its names (×${ADDRESS_PLACE_FACTOR})`, effect: 0 });
      best.set(name.entry, { score, why, field: name.field, text: name.text });
    }
  }

  const matches: ScreeningMatch[] = [];
  for (const [entryIndex, found] of best) {
    let score = found.score;
    const facts = index.facts[entryIndex]!;
    for (const reason of [birthDate(query.dateOfBirth, facts), country(query.country, wantCountry, facts)]) {
      if (!reason) continue;
      found.why.push(reason);
      score += reason.effect;
    }
    score = Math.min(1, Math.max(0, score));
    if (score < query.threshold) continue;
    matches.push(toMatch(index.entries[entryIndex]!, round(score), found));
  }
  matches.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return {
    query: {
      name: query.name,
      dateOfBirth: query.dateOfBirth ?? null,
      country: query.country ?? null,
      entityType: query.entityType ?? null,
    },
    threshold: query.threshold,
    matches,
  };
}

/** Screens a customer file; only customers with a match are reported. */
export function screenCustomers(
  index: ScreeningIndex,
  customers: readonly Customer[],
  options: { threshold: number; since: number | null },
): CustomerScreening {
  const hits = [];
  for (const customer of customers) {
    const { matches } = screenName(index, {
      name: customer.name,
      threshold: options.threshold,
      ...(customer.dateOfBirth && { dateOfBirth: customer.dateOfBirth }),
      ...(customer.country && { country: customer.country }),
      ...(customer.entityType && { entityType: customer.entityType }),
    });
    if (matches.length) hits.push({ customerId: customer.id, customerName: customer.name, matches });
  }
  return { threshold: options.threshold, scope: { since: options.since, entries: index.entries.length }, customers: customers.length, hits };
}

/**
 * The names that share at least one close token with the query, and could still reach the threshold given how
 * much of the query their close tokens cover. Legal forms and generic words do not retrieve names on their own.
 * Works in arrays indexed by name, reused between queries: a customer file is tens of thousands of queries, and
 * a map and an array per candidate name were most of their cost.
 */
function candidates(index: ScreeningIndex, tokens: readonly NameToken[], threshold: number): number[] {
  // An initial (Putin V.V.) retrieves nothing; compareNames weighs it as the given name it pairs with, so the bounds
  // below count it as found.
  const words = tokens.some((t) => t.kind === 'word' && !isInitial(t)) ? tokens.filter((t) => t.kind === 'word' && !isInitial(t)) : tokens;
  const totalWeight = tokens.reduce((sum, t) => sum + index.weightOf(t), 0);
  const lowWeight = totalWeight - words.reduce((sum, t) => sum + index.weightOf(t), 0);
  // compareNames weighs an unmatched middle part at a quarter at least: the smallest the query's weight can come to.
  const middleWeight = tokens.reduce((sum, t, i) => (i > 0 && i < tokens.length - 1 ? sum + index.weightOf(t) : sum), 0);
  // A last word some organisation's address holds may be left out as a place added to its name (placeAdded).
  const last = words[words.length - 1]!;
  const placeWeight = words.length > 1 && index.addressWords.has(last.text) ? index.weightOf(last) : 0;
  const outlineWeight = totalWeight - 0.75 * middleWeight;
  const leastWeight = outlineWeight - placeWeight > 0 ? outlineWeight - placeWeight : outlineWeight;
  // A family name with a Japanese title (プーチン大統領) leaves out the given names compareNames then weighs little.
  const surnameOnly = tokens.some((t) => t.title);
  // A company named by one rare word of its listed name (Omsktransmash Plant) may be scored on that word alone
  // (compareNames' containment): every name holding a word close to it is compared.
  const companyWord = singleCompanyWord(tokens);
  const kindAdded = words.length > 1 && addsKindOfEntity(tokens);
  const oneWord = companyWord !== null && index.weightOf(companyWord) >= CONTAINED_RARE;
  const { tokenBest, covered, similaritySum } = scratchFor(index);
  const touched: number[] = [];
  for (const token of words) {
    const touchedByToken: number[] = [];
    const note = (nameId: number, similarity: number) => {
      if (tokenBest[nameId] === 0) touchedByToken.push(nameId);
      if (similarity > tokenBest[nameId]!) tokenBest[nameId] = similarity;
    };
    for (const [keyId, similarity] of index.native.similar(token.key, NATIVE_RETRIEVAL)) {
      for (const nameId of index.native.namesHolding(keyId)) note(nameId, similarity);
    }
    if (token.cross && token.cross.length >= 2) {
      for (const space of token.script === 'latin' ? [index.kanaCross] : [index.kanaCross, index.latinCross]) {
        for (const [keyId, similarity] of space.similar(token.cross, CROSS_RETRIEVAL)) {
          for (const nameId of space.namesHolding(keyId)) note(nameId, similarity * CROSS_SCRIPT_FACTOR);
        }
      }
    }
    if (token.family) for (const nameId of index.families.get(token.family) ?? []) note(nameId, FAMILY_SIMILARITY);
    if (token.coarse) for (const nameId of index.families.get(`c:${token.coarse}`) ?? []) note(nameId, COARSE_SIMILARITY);
    if (token.script === 'arabic' && token.skeleton) for (const nameId of index.families.get(`s:${token.skeleton}`) ?? []) note(nameId, ARABIC_SIMILARITY);
    // Two Latin spellings of one Arabic name part (Gheddafi, QADHAFI) meet by their consonants, which Jaro-Winkler may
    // put below retrieval: compareNames scores them a coarse match (arabicSpellings), so they must be compared at all.
    else if (token.script === 'latin' && token.skeleton && token.skeleton.length >= 3 && arabicSpellingShape(token.text)) for (const nameId of index.families.get(`a:${token.skeleton}`) ?? []) note(nameId, COARSE_SIMILARITY);
    const weight = index.weightOf(token);
    for (const nameId of touchedByToken) {
      if (similaritySum[nameId] === 0) touched.push(nameId);
      covered[nameId]! += tokenBest[nameId]! * weight;
      similaritySum[nameId]! += tokenBest[nameId]!;
      tokenBest[nameId] = 0;
    }
  }
  const joinedLength = joinedKeyLength(tokens);
  const { lowWeight: nameLowWeight, maxWordWeight, leastWeight: nameLeastWeight, words: nameWords, joinedLength: nameJoinedLength } = index.bounds;
  const result: number[] = [];
  for (const nameId of touched) {
    const nameWordCount = nameWords[nameId]!;
    const nameJoined = nameJoinedLength[nameId]!;
    const nameLeast = nameLeastWeight[nameId]!;
    // One side written as one word, the other as several (GRODNOAZOT, OJSC Grodno Azot): compared joined, which
    // the coverages below do not bound; the lengths say whether that comparison could reach a score at all.
    const joinable =
      (words.length === 1) !== (nameWordCount === 1) && nameJoined <= 1.25 * joinedLength && joinedLength <= 1.25 * nameJoined;
    const sims = similaritySum[nameId]!;
    // Upper bounds of compareNames' two coverages: the query only as far as its close tokens go, the listed name
    // at most one listed word (at most its heaviest) per close query token, plus its legal forms and generic words,
    // over the least its weight can come to (its middle parts may count a quarter, a patronymic half). (Ternaries, not Math.min/max: this loop runs
    // for every candidate, and Math calls are slow under Jest.)
    const q = leastWeight > 0 ? (covered[nameId]! + lowWeight) / leastWeight : 0;
    const found = sims * maxWordWeight[nameId]! + nameLowWeight[nameId]!;
    const l = found < nameLeast && !surnameOnly ? found / nameLeast : 1;
    const qb = q < 1 ? q : 1;
    const bound = nameWordCount >= 2 && l > qb ? 0.35 * qb + 0.65 * l : 0.65 * qb + 0.35 * l;
    // A one-word name found whole, with what kind of organisation it is added (Otkritie Bank): compareNames' namedWithKind.
    const named = kindAdded && nameWordCount === 1 && sims >= FAMILY_SIMILARITY;
    if (joinable || oneWord || named || bound + MAX_BONUS >= threshold) result.push(nameId);
    covered[nameId] = 0;
    similaritySum[nameId] = 0;
  }
  return result;
}

/**
 * A customer record gives where a company is after its name (Belshina Bobruisk, Kurganmashzavod Kurgan): the query's
 * last word, when it is in the organisation's own address, says where, not who, and the rest is compared alone, for
 * a little less. Only a word the name comparison left unpaired, and never the first.
 */
const ADDRESS_PLACE_FACTOR = 0.98;
function placeAdded(tokens: NameReading, comparison: NameComparison, facts: EntryFacts): { rest: NameReading; place: string } | null {
  const last = tokens.findLastIndex((t) => t.kind === 'word');
  if (last < 1 || !facts.addressWords.has(tokens[last]!.text) || comparison.pairs.some((p) => p.queryIndex === last)) return null;
  const rest = Object.assign(tokens.filter((_, i) => i !== last), { guessed: tokens.guessed });
  return namesSomeone(rest) ? { rest, place: tokens[last]!.text } : null;
}

/** An organisation's alias is its acronym or short name when it is one word of three letters or more (MZKT, OMM, VEB); a person's one-word alias (Ahmed) is a given name. */
const ALIAS_LENGTH = 3;
const aliasIndexes = new WeakMap<ScreeningIndex, Map<string, Set<number>>>();

/**
 * The acronym an organisation's Latin name makes of its words' initials, without its legal form and connectives
 * (Dandong Hongxiang Industrial Development Company Limited: DHID), which a customer file puts before the name as the
 * list puts its own acronyms among the aliases; null for a name of fewer than three such words or more than six.
 */
function acronymOf(tokens: readonly NameToken[]): string | null {
  const words = tokens.filter((t) => t.kind !== 'legal' && !CONNECTIVES.has(t.text));
  if (words.length < 3 || words.length > 6 || words.some((t) => t.script !== 'latin')) return null;
  return words.map((t) => t.text[0]!).join('');
}

/** The query's words (of a query of three words or more) that are a listed entry's whole name or its acronym, with those entries. */
function aliasWords(index: ScreeningIndex, tokens: readonly NameToken[]): Array<[number, ReadonlySet<number>]> {
  if (tokens.length < 3) return [];
  let byWord = aliasIndexes.get(index);
  if (!byWord) {
    const built = new Map<string, Set<number>>();
    const add = (text: string, entry: number) => {
      let entries = built.get(text);
      if (!entries) built.set(text, (entries = new Set()));
      entries.add(entry);
    };
    for (const name of index.names) {
      if (index.entries[name.entry]!.entityType !== 'entity') continue;
      if (name.tokens.length === 1 && name.tokens[0]!.kind === 'word' && name.tokens[0]!.text.length >= ALIAS_LENGTH) add(name.tokens[0]!.text, name.entry);
      const initials = acronymOf(name.tokens);
      if (initials !== null) add(initials, name.entry);
    }
    aliasIndexes.set(index, (byWord = built));
  }
  const found: Array<[number, ReadonlySet<number>]> = [];
  tokens.forEach((t, i) => {
    const entries = t.kind === 'word' ? byWord.get(t.text) : undefined;
    if (entries) found.push([i, entries]);
  });
  return found;
}

/** How common the listed name part is, when it is common enough to say so. */
function rarityNote(index: ScreeningIndex, listed: readonly NameToken[], text: string): string {
  const token = listed.find((t) => t.text === text);
  const holding = token && token.kind === 'word' ? index.entriesWith(token) : 0;
  return holding > 1 ? ` (${holding} listed entries share it)` : '';
}

interface Scratch {
  tokenBest: Float64Array;
  covered: Float64Array;
  similaritySum: Float64Array;
}
const scratches = new WeakMap<ScreeningIndex, Scratch>();

/** Per-name working arrays, all zero between queries (each query sets back what it touched). */
function scratchFor(index: ScreeningIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.names.length;
    scratch = { tokenBest: new Float64Array(n), covered: new Float64Array(n), similaritySum: new Float64Array(n) };
    scratches.set(index, scratch);
  }
  return scratch;
}

function birthDate(wanted: string | undefined, facts: EntryFacts): ScoreReason | null {
  if (!wanted || facts.birthYears.size === 0) return null;
  if (facts.birthDates.has(wanted)) return { signal: 'date-of-birth', detail: `${wanted} is a listed date of birth`, effect: DOB_EXACT };
  const year = Number(wanted.slice(0, 4));
  const listed = [...facts.birthYears].join(', ');
  if (facts.birthYears.has(year)) return { signal: 'date-of-birth', detail: `born ${year}, as listed (${listed})`, effect: DOB_YEAR };
  if ([...facts.birthYears].some((y) => Math.abs(y - year) <= 1)) return { signal: 'date-of-birth', detail: `born ${year}, listed ${listed}: within a year`, effect: 0 };
  return { signal: 'date-of-birth', detail: `born ${year}, listed ${listed}`, effect: DOB_DIFFERS };
}

function country(raw: string | undefined, wanted: string | null, facts: EntryFacts): ScoreReason | null {
  if (!raw || !wanted || facts.countries.size === 0) return null;
  const listed = [...facts.countries].join(', ');
  if (facts.countries.has(wanted)) return { signal: 'country', detail: `${raw} is a listed nationality or address country (${listed})`, effect: COUNTRY_SAME };
  // An address is where a person lives, not what they are (HANNIBAL QADHAFI, a Libyan, has an address in Lebanon): a
  // customer's other country speaks against a person only where the list gives a nationality. An organisation's
  // address is its seat, and counts.
  return facts.residenceOnly
    ? { signal: 'country', detail: `${raw} is not among ${listed}, where the person has an address (the list gives no nationality)`, effect: 0 }
    : { signal: 'country', detail: `${raw} is not among ${listed}`, effect: COUNTRY_DIFFERS };
}

function toMatch(entry: Designation, score: number, found: { why: ScoreReason[]; field: MatchedField; text: string }): ScreeningMatch {
  return {
    key: entry.key,
    score,
    matchedName: found.text,
    matchedField: found.field,
    name: entry.name,
    regime: entry.regime,
    entityType: entry.entityType,
    datesOfBirth: entry.datesOfBirth,
    nationalities: [...entry.nationalities.ja, ...entry.nationalities.en],
    why: found.why,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
