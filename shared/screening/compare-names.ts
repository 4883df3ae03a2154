import { jaroWinkler } from './jaro-winkler';
import type { NameToken } from './normalize';

/**
 * How alike two names are, token by token, in any order: each query token is paired with at most one token of
 * the listed name (best pairs first), and the score weighs how much of the query is found (0.65) and how much of
 * the listed name is accounted for (0.35). Legal forms and generic words carry little weight on either side.
 */

/** A pair below this similarity is no evidence at all; counting it would lift every unrelated name. */
const PAIR_FLOOR = 0.8;
/** Latin against romanized katakana is a rougher comparison than within one script. */
export const CROSS_SCRIPT_FACTOR = 0.95;
const QUERY_SHARE = 0.65;
/** Names written as one word against several (ALQAIDA, AL QAIDA) compared joined, slightly discounted. */
const JOINED_FACTOR = 0.95;

export interface TokenPair {
  query: string;
  listed: string;
  similarity: number;
  crossScript: boolean;
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  crossScript: boolean;
  joined: boolean;
}

export function tokenSimilarity(q: NameToken, c: NameToken): { similarity: number; crossScript: boolean } {
  if (q.script === c.script) {
    // Kanji names have no spaces, so a whole company name is one token; Jaro-Winkler handles characters as letters.
    return { similarity: lengthAware(q.key, c.key), crossScript: false };
  }
  if (q.cross === null || c.cross === null) return { similarity: 0, crossScript: false };
  return { similarity: lengthAware(q.cross, c.cross) * CROSS_SCRIPT_FACTOR, crossScript: true };
}

/**
 * Jaro-Winkler is lenient with short words: it scores a short word found inside a longer one highly (OGAWA in
 * BOGATOVA: 0.875), and one letter off in a four-letter word still scores above 0.8. Two tokens of clearly
 * different lengths are discounted by their length ratio, as watchman does; two short ones by squaring.
 */
export function lengthAware(a: string, b: string): number {
  const similarity = jaroWinkler(a, b);
  if (similarity === 1) return 1;
  // In words of four letters or fewer one letter is a quarter of the word (KENJI/KONY fold to keni/koni, 0.83).
  if (a.length <= 4 && b.length <= 4) return similarity * similarity;
  const ratio = a.length < b.length ? a.length / b.length : b.length / a.length;
  return ratio < 0.8 ? similarity * ratio ** 0.25 : similarity;
}

export function compareNames(query: readonly NameToken[], listed: readonly NameToken[]): NameComparison {
  const all: Array<{ i: number; j: number; similarity: number; crossScript: boolean }> = [];
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < listed.length; j++) {
      const { similarity, crossScript } = tokenSimilarity(query[i]!, listed[j]!);
      if (similarity >= (crossScript ? PAIR_FLOOR * CROSS_SCRIPT_FACTOR : PAIR_FLOOR)) all.push({ i, j, similarity, crossScript });
    }
  }
  all.sort((a, b) => b.similarity - a.similarity);
  const usedQ = new Set<number>();
  const usedL = new Set<number>();
  const pairs: TokenPair[] = [];
  let foundQ = 0;
  let foundL = 0;
  let crossScript = false;
  for (const pair of all) {
    if (usedQ.has(pair.i) || usedL.has(pair.j)) continue;
    usedQ.add(pair.i);
    usedL.add(pair.j);
    foundQ += query[pair.i]!.weight * pair.similarity;
    foundL += listed[pair.j]!.weight * pair.similarity;
    crossScript ||= pair.crossScript;
    pairs.push({ query: query[pair.i]!.text, listed: listed[pair.j]!.text, similarity: pair.similarity, crossScript: pair.crossScript });
  }
  const weightQ = query.reduce((sum, t) => sum + t.weight, 0);
  const weightL = listed.reduce((sum, t) => sum + t.weight, 0);
  const [q, l] = weightQ && weightL ? [foundQ / weightQ, foundL / weightL] : [0, 0];
  // A name the query holds in full (a patronymic the list leaves out) counts like a query the name holds in full,
  // but only when the listed name has two words or more: a one-word alias (JOHN) must not claim every John.
  const wordsListed = listed.filter((t) => t.kind === 'word').length;
  const queryFirst = QUERY_SHARE * q + (1 - QUERY_SHARE) * l;
  const listedFirst = wordsListed >= 2 ? (1 - QUERY_SHARE) * q + QUERY_SHARE * l : 0;
  const tokenScore = queryFirst > listedFirst ? queryFirst : listedFirst;
  const joinedScore = query.length !== listed.length ? joinedSimilarity(query, listed) * JOINED_FACTOR : 0;
  const joined = joinedScore > tokenScore;
  return { score: joined ? joinedScore : tokenScore, pairs, crossScript: !joined && crossScript, joined };
}

/** The two names with their words run together (same script only), ignoring legal forms. */
function joinedSimilarity(query: readonly NameToken[], listed: readonly NameToken[]): number {
  const join = (tokens: readonly NameToken[]) => tokens.filter((t) => t.kind !== 'legal').map((t) => t.key).join('');
  const q = query.filter((t) => t.kind !== 'legal');
  const l = listed.filter((t) => t.kind !== 'legal');
  if (q.length === 0 || l.length === 0 || q.some((t) => t.script !== l[0]!.script) || l.some((t) => t.script !== q[0]!.script)) return 0;
  const [a, b] = [join(query), join(listed)];
  // A short name's prefix is not the whole of a longer one (JOHN is not JOHNSMITH).
  if (a.length > 1.25 * b.length || b.length > 1.25 * a.length) return 0;
  return jaroWinkler(a, b);
}
