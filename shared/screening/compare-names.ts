import { countryCode } from '../domain/countries';
import { ADDED_PREFIX } from './added-words';
import { pinyinSyllables } from './chinese';
import { jaroWinkler, lengthAware } from './jaro-winkler';
import { coarseKey, latinKey, type NameReading, type NameToken, PARTICLE_PREFIX } from './normalize';
import { differentKoreanSyllables, familyKey } from './spelling-families';
import { arabicSpellings } from './transliterate';

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
/**
 * Names written as one word against several (ALQAIDA, AL QAIDA) compared joined, slightly discounted; Jaro-Winkler
 * is lenient with long strings (NIKOLAIANTONOV and NIKOLAYPANKOV, 0.93), so the knee is higher than for a word.
 */
const JOINED_FACTOR = 0.95;
const JOINED_KNEE = 0.96;
/** Two spellings of one family (Lee and RI, Mohammed and Muhammad): near-certain, not certain. */
export const FAMILY_SIMILARITY = 0.95;
/** Arabic script and a Latin spelling with the same consonants: the Latin's vowels are the reader's guess. */
export const ARABIC_SIMILARITY = 0.95;
/** Three consonants or more in the same order, or four letters, leave little to chance (صدام, قذافي, معمر). */
const ARABIC_SIMILARITY_LONG = 0.97;
/** The coarse key merges more than spellings (s/sh, g/h, a/o): two tokens that share it are alike, not the same. */
export const COARSE_SIMILARITY = 0.93;
/**
 * Below this similarity a pair is weaker evidence than its Jaro-Winkler says: two different surnames of one shape
 * (Belyakov and BULGAKOV, 0.85) are as close as a misspelling, and with a shared common given name they crossed the
 * threshold. Each point below the knee costs EVIDENCE_SLOPE points more.
 */
const EVIDENCE_KNEE = 0.92;
const EVIDENCE_SLOPE = 1.5;
/** An unmatched name part between the first and the last, or shaped like a patronymic, weighs half. */
const MIDDLE_FACTOR = 0.5;
const OUTLINE_MIDDLE_FACTOR = 0.25;
/** Only a name of four parts or more has a nasab between its ends; the middle of three is often half a given name (CHOE SOK MIN). */
const OUTLINE_MIN_LENGTH = 4;
// With the German and French forms (-owitsch, -ovitch, -owna) and the Ukrainian woman's (-ivna).
const PATRONYMIC = /(?:[oe][vw][iy](?:t?s?ch)|[oe][vw]na|[iy]vna|ichna|ogly|oglu|kyzy|gizi)$/;
/** A parent's name matched in the middle of a child's (see compareNames). */
const PARENT_FACTOR = 0.85;

/** How much a token weighs in a comparison: its kind's weight times how rare it is on the list (ScreeningIndex). */
export type TokenWeight = (token: NameToken) => number;
const ownWeight: TokenWeight = (token) => token.weight;

export interface TokenPair {
  query: string;
  queryIndex: number;
  listed: string;
  listedIndex: number;
  similarity: number;
  /** The two tokens' weights in the comparison: their kind's, times their rarity on the list. */
  weightQuery: number;
  weightListed: number;
  crossScript: boolean;
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  crossScript: boolean;
  joined: boolean;
}

/** The least two tokens of one script score as spellings of one name part: one family, one coarse key, or an Arabic name part's Latin spellings; else 0. */
function spellingScore(q: NameToken, c: NameToken): number {
  if (q.family !== null && q.family === c.family) return FAMILY_SIMILARITY;
  if (q.coarse !== null && q.coarse === c.coarse) return COARSE_SIMILARITY;
  return q.script === 'latin' && arabicSpellings(q.text, c.text, q.skeleton, c.skeleton) ? COARSE_SIMILARITY : 0;
}

const ARABIC_INITIAL_VOWEL = /^[اأإآع]/;
const ACRONYM = /^[^aeiou]{2,}$/;

export function tokenSimilarity(q: NameToken, c: NameToken): { similarity: number; crossScript: boolean } {
  if (q.kind !== 'word' && q.family !== null && q.family === c.family) return { similarity: 1, crossScript: false };
  // An article or honorific pairs with itself (ハジ and Haji are not HADID, nor Hadi), however the other name weighs it,
  // or in one script with a misspelling of itself (SHEIh).
  if ((titleParticle(q) || titleParticle(c)) && q.family !== c.family && q.text !== c.text && (q.script !== c.script || jaroWinkler(q.text, c.text) < MISSPELT_PARTICLE)) {
    return { similarity: 0, crossScript: false };
  }
  // Arabic script against Latin: by the consonants, the only letters both write (صدام and Saddam: sdm).
  if ((q.script === 'arabic') !== (c.script === 'arabic')) {
    const arabic = q.script === 'arabic' ? q : c;
    const latin = arabic === q ? c : q;
    // A name the table knows in Arabic script is its family's, and no other known name's (محمود is not MOHAMMAD).
    if (arabic.family !== null && latin.family !== null) return { similarity: arabic.family === latin.family ? ARABIC_SIMILARITY_LONG : 0, crossScript: false };
    if (q.skeleton === null || q.skeleton !== c.skeleton) return { similarity: 0, crossScript: false };
    // The script writes a word's first vowel with alif or ayn, which the consonants leave out: احمد is not HAMMID.
    if (ARABIC_INITIAL_VOWEL.test(arabic.text) !== /^[aeiou]/.test(latin.text)) return { similarity: 0, crossScript: false };
    // A final long i is a letter (the nisba's ي: عمر is Omar, not OMARI; حسيني Husayni, not Hussain); ى is read either way.
    const latinFinalI = /[^aeiou][iy]$/.test(latin.text);
    if (latinFinalI ? !/[يیى]$/.test(arabic.text) : /[^aeiouy]$/.test(latin.text) && /[يی]$/.test(arabic.text)) return { similarity: 0, crossScript: false };
    return { similarity: q.skeleton.length >= 3 || arabic.text.length >= 4 ? ARABIC_SIMILARITY_LONG : ARABIC_SIMILARITY, crossScript: false };
  }
  if (q.script === c.script) {
    // Kanji names have no spaces, so a whole company name is one token; Jaro-Winkler handles characters as letters.
    let similarity = q.script === 'latin' ? surnameAware(q.key, c.key, SLAVIC_ENDING, q.text, c.text) : lengthAware(q.key, c.key);
    // Two katakana renderings of one foreign name can differ more than their romanizations do (ワグナー, ワグネル).
    if (q.script === 'kana' && similarity < 1 && q.cross !== null && c.cross !== null) {
      const romanized = surnameAware(q.cross, c.cross, SLAVIC_ENDING_CROSS) * CROSS_SCRIPT_FACTOR;
      if (romanized > similarity) similarity = romanized;
    }
    // The Latin folding writes y and j alike (Slavic Yuri, Juri), which Korean syllables never do (YONG 용 and JONG 정):
    // two known names or syllables stay two however the folding meets them.
    if (differentNames(q, c)) return { similarity: 0, crossScript: false };
    if (similarity === 1) return { similarity, crossScript: false };
    // A word without vowels is an acronym (MTS, MTsST, VTB, MKB): another acronym, however alike, is another organisation.
    if (q.script === 'latin' && (ACRONYM.test(q.key) || ACRONYM.test(c.key))) return { similarity: 0, crossScript: false };
    const spelling = spellingScore(q, c);
    // Under PAIR_FLOOR a pair is never paired unless it is a spelling: the checks below, which only lower a score, are
    // then not needed (most pairs of a search end here).
    if (similarity < PAIR_FLOOR && spelling === 0) return { similarity, crossScript: false };
    if (q.script === 'latin' && (derivedName(q, c) || derivedName(c, q) || otherSyllable(q.text, c.text) || otherEnglishWord(q.text, c.text))) return { similarity: 0, crossScript: false };
    if (q.script === 'latin' && similarity > CONSONANT_CHANGED_SIMILARITY && consonantChanged(q, c, similarity)) return { similarity: CONSONANT_CHANGED_SIMILARITY, crossScript: false };
    return { similarity: similarity > spelling ? similarity : spelling, crossScript: false };
  }
  if (q.cross === null || c.cross === null || differentNames(q, c)) return { similarity: 0, crossScript: false };
  let romanized = surnameAware(q.cross, c.cross, SLAVIC_ENDING_CROSS) * CROSS_SCRIPT_FACTOR;
  if (romanized > CONSONANT_CHANGED_SIMILARITY * CROSS_SCRIPT_FACTOR && crossConsonantMore(q, c)) romanized = CONSONANT_CHANGED_SIMILARITY * CROSS_SCRIPT_FACTOR;
  // One name's family in both scripts (ウラジーミル and Volodymyr, フーシ and HOUTHI), however far the readings.
  const family = q.family !== null && q.family === c.family ? FAMILY_SIMILARITY * CROSS_SCRIPT_FACTOR : 0;
  return { similarity: family > romanized ? family : romanized, crossScript: true };
}

/**
 * A known given name with an ending added is another name, however alike the letters: a Slavic man's name with -a is
 * the woman's (Aleksandra, Oleksandr; Yevgenia, Yevgeni); with -ov, -ova, -ev, -in it is a family name formed from it
 * (ALEKSANDROVA is not Aleksandr, Ivanov not Ivan), with -ovich, -ovna a patronymic; with -i an Arabic or Persian nisba
 * or family name (MOHAMMADI is not Muhammad, AHMADI not Ahmed, Hosseini not Hossein). Only a known name counts as the
 * base, and only a word no family holds as the derived one, so a surname's -a (Ivanova) is not read so, nor a spelling
 * of the name itself (Sergei is Serge's family).
 */
const DERIVED_ENDINGS = ['ovich', 'evich', 'ovych', 'evych', 'ovna', 'evna', 'ova', 'eva', 'ina', 'ov', 'ev', 'in', 'a', 'i'];
function derivedName(base: NameToken, derived: NameToken): boolean {
  if (base.family === null || !base.family.startsWith('n:') || derived.family !== null) return false;
  const text = derived.text;
  return DERIVED_ENDINGS.some((ending) => text.length > ending.length + 2 && text.endsWith(ending) && familyKey(text.slice(0, -ending.length)) === base.family);
}

/**
 * English words of one stem with other endings name other things in a company's name (Hong Kong Electric, HONG KONG
 * ELECTRONICS): -ic against -onic(s) or -ical, not a spelling.
 */
const otherEnglishWords = (query: readonly NameToken[], listed: readonly NameToken[]) =>
  query.some((q) => q.script === 'latin' && listed.some((c) => c.script === 'latin' && otherEnglishWord(q.text, c.text)));

function otherEnglishWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 6 || !short.endsWith('ic')) return false;
  const stem = short.slice(0, -2);
  return long.startsWith(stem) && /^(?:onics?|ical)$/.test(long.slice(stem.length));
}

/**
 * A name's consonants are its frame; its vowels are what transliterations disagree on. Two unknown names (no spelling
 * family) whose consonants stand in the same places but one of them is another sound (PESTOV and PESKOV, STEINER and
 * STEIGER, NKUNKU and NKUNDA) are two names, however high Jaro-Winkler scores one letter in six: the pair is weak
 * evidence, and a shared given name alone no longer carries the score over the threshold. A consonant that is one
 * sound in two spellings or voiced and unvoiced (Gaddafi and Kaddafi, Mohamed and Mohamet, Ivanov and Iwanow) and the
 * coarse key's merges (s and sh, g and h) stay a match.
 */
const CONSONANT_CHANGED_SIMILARITY = 0.85;
/** Sibilants and affricates in their spellings (French ch, German sch, Polish cz: Loukachenko, LUKASHENKO; Bachar, BASHAR) are one sound here. */
const SIBILANT = /shch|tsch|dzh|sch|tch|sh|ch|zh|ts|tz|cz|sz|dj|dz|[szj]/g;
/** The aspirate and the vowels are left out: transliterations add and drop them (Ahmad, Ahmed; Mohamad, Muhammad). */
const NOT_FRAME = /[aeiouyh]/g;
/** Consonants that spellings write one for the other: voiced and unvoiced, l and r (Korean and Japanese renderings), m and n. */
const SOUND_CLASS: Record<string, string> = { K: 'k', g: 'k', q: 'k', k: 'k', d: 't', t: 't', b: 'p', p: 'p', f: 'f', v: 'f', w: 'f', l: 'r', r: 'r', m: 'n', n: 'n' };
const soundOf = (letter: string) => SOUND_CLASS[letter] ?? letter;
/** c is k (Cadafi, Kadafi) or ts (Tsvetkov, Cvetkov): it agrees with either. */
const sameSound = (x: string, y: string) => soundOf(x) === soundOf(y) || (x === 'c' && (y === 'S' || soundOf(y) === 'k')) || (y === 'c' && (x === 'S' || soundOf(x) === 'k'));
const frame = (key: string) => key.replace(SIBILANT, 'S').replace(NOT_FRAME, '').replace(/ck/g, 'k');
/**
 * A token's frame from its spelling folded as latinKey does, the Belarusian -ou, -au of a family name read as the
 * Russian -ov, -av (KUBRAKOU, KUBRAKOV: its u is the v's sound) and, when `kh`, the k of a kh the key writes h kept
 * as K. Worked out once per spelling.
 */
const frames = new Map<string, string>();
function frameOf(token: NameToken, kh: boolean): string {
  const id = kh ? `K${token.text}` : token.text;
  let found = frames.get(id);
  if (found === undefined) {
    const text = token.text.replace(/([aoe])u$/, '$1v');
    frames.set(id, (found = frame(latinKey(kh ? text.replace(/kh/g, 'K') : text))));
  }
  return found;
}
function consonantChanged(q: NameToken, c: NameToken, similarity: number): boolean {
  if (q.kind !== 'word' || c.kind !== 'word' || q.family !== null || c.family !== null || (q.coarse !== null && q.coarse === c.coarse)) return false;
  if (q.key.length < 4 || c.key.length < 4) return false;
  const [a, b] = [frameOf(q, false), frameOf(c, false)];
  if (a === b) return false;
  let changed = true;
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && sameSound(a[i]!, b[i]!)) changed = false;
  } else {
    // A consonant more in one frame, the rest sound by sound alike (KUDRIN and KURINNIY, LUBANSKI and LUBANGA, GLADKOV
    // and GLADKIKH): another name, unless the names are a typo apart (JW CONSONANT_DROP_TYPO and more: PATRUSHV).
    changed = similarity < CONSONANT_DROP_TYPO && oneConsonantMore(a, b, '');
  }
  // Read with the k of kh kept, the two may be one name after all (TSEKHOV, TSEKOV).
  return changed && !alike(frameOf(q, true), frameOf(c, true));
}
const alike = (a: string, b: string) => a.length === b.length && [...a].every((x, i) => x === b[i] || sameSound(x, b[i]!));
/** Whether one frame is the other with one consonant more (not one of `silent`, which a spelling may leave unwritten), the rest sound by sound alike. */
function oneConsonantMore(a: string, b: string, silent: string): boolean {
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let k = 0; k < long.length; k++) {
    if (silent.includes(long[k]!)) continue;
    const cut = long.slice(0, k) + long.slice(k + 1);
    if ([...cut].every((x, i) => x === short[i] || sameSound(x, short[i]!))) return true;
  }
  return false;
}
/**
 * The same between Latin and katakana, on the romanized keys (PATRUSHIN and パルシン, parshn): unknown names only, and
 * not a w or v, which katakana writes as a vowel (Shawkat シャウカト).
 */
const crossConsonantMore = (q: NameToken, c: NameToken) =>
  q.kind === 'word' && c.kind === 'word' && q.family === null && c.family === null &&
  q.cross!.length >= 4 && c.cross!.length >= 4 && oneConsonantMore(frame(q.cross!), frame(c.cross!), 'bvw');
const CONSONANT_DROP_TYPO = 0.93;

/**
 * A Chinese given name is written with its syllables run together (XIAOHONG, Jianshu): two of as many pinyin syllables,
 * one of them another syllable altogether (ming and hong: more than a typo's one letter), are two given names, 小明 and
 * 晓红, however alike Jaro-Winkler finds the rest (Ma Xiaoming is not MA XIAOHONG).
 */
function otherSyllable(a: string, b: string): boolean {
  const [x, y] = [syllablesOf(a), syllablesOf(b)];
  return x !== null && y !== null && x.length >= 2 && x.length === y.length && x.some((s, i) => s !== y[i] && !oneEditApart(s, y[i]!));
}
const pinyinWords = new Map<string, string[] | null>();
function syllablesOf(word: string): string[] | null {
  let split = pinyinWords.get(word);
  if (split === undefined) pinyinWords.set(word, (split = word.length >= 4 && word.length <= 12 ? pinyinSyllables(word) : null));
  return split;
}

/**
 * Two known names of different families are two names (Vladimir and Vladislav, Yulia and ユーリー), however alike; so
 * are two Korean syllables with another initial or vowel (JONG and KYONG: Kim Jong-il is not KIM KYONG IL).
 */
function differentNames(q: NameToken, c: NameToken): boolean {
  if (q.family === null || c.family === null || q.family === c.family) return false;
  return (q.family.startsWith('n:') && c.family.startsWith('n:')) || differentKoreanSyllables(q.family, c.family);
}

/**
 * Slavic family names share a handful of endings (-ov, -eva, -in, -sky, -skaya, -enko, -chuk, -ich, -ik, -ikh; a
 * patronymic's -ovich, -ovna): two of them alike
 * only there and in a few letters (IVANOVA and DIANOVA, MAKAROV and MARKOV, KRYLOVA and KRYUKOVA) are two names. When
 * both keys end so, the stems before the ending are compared too, and a clearly lower stem similarity counts. One
 * stem with a different kind of ending (GERASIMENKO and GERASIMOV, PATRUSHIN and PATRUSHEV, MEDVEDCHUK and MEDVEDEV),
 * or with letters added before the same ending (KABANOVA and KABAEVA), is another family's name: no pair at all
 * (SHEVCHIK is not Shevchenko, MELNIKOV not Melnyk, KOVALCHUK not Kovalchik, GLADKIKH not Gladkov; a patronymic
 * Maksimovna is not the family name MAKSIMOV).
 */
const SLAVIC_ENDING = /^(.{3,}?)(enko|enka|chuk|uk|ovich|evich|ovna|evna|ich|ik|(?<![aeiouy])ih|(?<!n)ko|skaia|ski|ova|eva|ina|ov|ev|in)$/;
/** The same endings in the cross-script key, where v is b, ch is c and -chuk loses its u (Latin and romanized katakana: セーチン and Sechkin). */
const SLAVIC_ENDING_CROSS = /^(.{3,}?)(enko|enka|cuk|ck|uk|obic|ebic|ic|ik|(?<!n)ko|skaia|ski|oba|eba|ina|ob|eb|in)$/;
/** Endings that are one ending in other forms: a woman's (-ova), ё written e or o (-ev, -ov), a patronymic's. */
const ENDING_KIND: Record<string, string> = {
  ova: 'ov', eva: 'ov', ov: 'ov', ev: 'ov', oba: 'ov', eba: 'ov', ob: 'ov', eb: 'ov', ina: 'in', in: 'in', skaia: 'ski',
  ski: 'ski', chuk: 'uk', cuk: 'uk', ck: 'uk', uk: 'uk', ovich: 'ich', evich: 'ich', ovna: 'ich', evna: 'ich', obic: 'ich', ebic: 'ich', ich: 'ich', ic: 'ich', ik: 'ik', ih: 'ih',
  enko: 'enko', enka: 'enko', ko: 'ko',
};
function surnameAware(a: string, b: string, endings = SLAVIC_ENDING, textA = '', textB = ''): number {
  const similarity = lengthAware(a, b);
  if (similarity === 1 || similarity < PAIR_FLOOR) return similarity;
  const endA = endings.exec(a);
  const endB = endA === null ? null : endings.exec(b);
  if (endA === null || endB === null) return similarity;
  const [stemA, stemB] = [endA[1]!, endB[1]!];
  if (anotherFamily(stemA, ENDING_KIND[endA[2]!]!, stemB, ENDING_KIND[endB[2]!]!, endings === SLAVIC_ENDING)) return OTHER_FAMILY_SIMILARITY;
  // Plain Jaro-Winkler on the stems, and only a clear difference counts: TSEKHOV and TSEKOV (tseh, tsek: 0.88) are
  // one name in two transliterations, IVANOVA and DIANOVA (ivan, dian: 0.83) two names.
  // Stems alike but more than one letter (or one swap, a typo's) apart are two names (PUSHK and PUSHIL: PUSHKIN is
  // not PUSHYLIN), counted in the coarse key, where German and Polish spellings of one stem meet (Lisizyn, LISITSYN),
  // unless the two names as written are one typo apart (BELOSUOV, BELOUSOV: the key folds ou, the typo's swap is su).
  const stems = jaroWinkler(stemA, stemB);
  if (stems < EVIDENCE_KNEE && stems >= STEM_FLOOR && !(textA && oneEditApart(textA, textB)) && !oneEditApart(coarseKey(stemA), coarseKey(stemB))) {
    return OTHER_FAMILY_SIMILARITY;
  }
  return stems < STEM_FLOOR && stems < similarity ? stems : similarity;
}

/** Whether one letter changed, added or left out, or two neighbours swapped, turns one stem into the other. */
function oneEditApart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length !== long.length) return short.slice(i) === long.slice(i + 1);
  return short.slice(i + 1) === long.slice(i + 1) || (short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2));
}
/** Below PAIR_FLOOR: the two family names are not paired. */
const OTHER_FAMILY_SIMILARITY = 0.7;

/**
 * One stem (or one the other's start) under two kinds of ending (GROMYKO and GROMOV, MEDVEDKO and MEDVEDEV), letters
 * other than a soft sign's i added (KABANOVA and KABAEVA), or a vowel other than i and e put in at the start (YUSHCHENKO
 * and ISHCHENKO: ю is not и, while ye and e, or ьe and e, are spellings of one letter).
 */
function anotherFamily(stemA: string, kindA: string, stemB: string, kindB: string, latin: boolean): boolean {
  const [short, long] = stemA.length <= stemB.length ? [stemA, stemB] : [stemB, stemA];
  const prefix = long.startsWith(short);
  if (kindA !== kindB) return prefix || jaroWinkler(stemA, stemB) >= STEM_FLOOR;
  // AFANASIEV and AFANASEV are one name (ь written i or left out); KABANOVA and KABAEVA are two.
  if (prefix) return /[^i]/.test(long.slice(short.length));
  // At the start only: further in, a vowel more is as often a typo's transposition (OBNSOOV for OBNOSOV). Between
  // scripts, katakana writes vowels Latin does not (ブォ, ヴォ).
  return latin && long.length === short.length + 1 && /^.?[aou]/.test(long) && [0, 1].some((i) => /[aou]/.test(long[i]!) && long.slice(0, i) + long.slice(i + 1) === short);
}
const STEM_FLOOR = 0.87;

/** What a pair at this similarity is worth as evidence (see EVIDENCE_KNEE). */
export function evidence(similarity: number, knee = EVIDENCE_KNEE): number {
  return similarity >= knee ? similarity : similarity - EVIDENCE_SLOPE * (knee - similarity);
}

export function compareNames(query: readonly NameToken[], listed: readonly NameToken[], weightOf: TokenWeight = ownWeight): NameComparison {
  const all: Array<{ i: number; j: number; similarity: number; crossScript: boolean }> = [];
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < listed.length; j++) {
      const { similarity, crossScript } = tokenSimilarity(query[i]!, listed[j]!);
      if (similarity >= (crossScript ? PAIR_FLOOR * CROSS_SCRIPT_FACTOR : PAIR_FLOOR)) all.push({ i, j, similarity, crossScript });
    }
  }
  // Ties go to the pair spelled alike: YONG pairs with YONG before JONG (y and j fold together for Slavic names).
  all.sort((a, b) => b.similarity - a.similarity || Number(query[b.i]!.text === listed[b.j]!.text) - Number(query[a.i]!.text === listed[a.j]!.text));
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
    const worth = evidence(pair.similarity);
    const weightQ = weightOf(query[pair.i]!);
    const weightL = weightOf(listed[pair.j]!);
    foundQ += weightQ * worth;
    foundL += weightL * worth;
    crossScript ||= pair.crossScript;
    pairs.push({ query: query[pair.i]!.text, queryIndex: pair.i, listed: listed[pair.j]!.text, listedIndex: pair.j, similarity: pair.similarity, weightQuery: weightQ, weightListed: weightL, crossScript: pair.crossScript });
  }
  // A surname with initials (Putin V.V., ПУТИН В.В.): each initial stands for the listed given name it begins.
  const initials = pairInitials(query, listed, weightOf, usedQ, usedL, pairs);
  foundQ += initials.found;
  foundL += initials.found;
  // "HANNIBAL MUAMMAR QADHAFI" is Hannibal, son of Muammar: when the listed name's first part is not found, the
  // parts found between its first and last name the father, and count for less.
  // (A person's: an organisation's first word left out is a prefix, KOREA KWANGSONG TRADING CORPORATION.)
  if (!usedL.has(0) && listed.length > 2 && listed[0]!.kind === 'word' && !organisational(listed)) {
    for (const pair of pairs) {
      if (pair.listedIndex > 0 && pair.listedIndex < listed.length - 1) {
        const lost = (1 - PARENT_FACTOR) * evidence(pair.similarity);
        foundQ -= lost * pair.weightQuery;
        foundL -= lost * pair.weightListed;
      }
    }
  }
  // A Korean name has no middle name: a syllable more is another given name (Son Heung-min is not SON MIN or ソン・ミン).
  const korean = koreanSyllables(query, []);
  const weightQ = totalWeight(query, usedQ, weightOf, korean ? 1 : null, initials.weights);
  // The Japanese press names a person by family name and title (プーチン大統領): the given names it leaves out weigh little.
  // So does a customer record that holds a rare family name alone (Zawahiri): the one part few listed people share names them.
  const surnameAlone = query.some((t) => t.title) || loneRareName(query, pairs, listed.length);
  const weightL = totalWeight(listed, usedL, weightOf, surnameAlone && !organisational(listed) ? TITLE_OMITTED_FACTOR : null);
  const [q, l] = weightQ && weightL ? [Math.max(0, foundQ) / weightQ, Math.max(0, foundL) / weightL] : [0, 0];
  // A name the query holds in full (a patronymic the list leaves out) counts like a query the name holds in full,
  // but only when the listed name has two words or more: a one-word alias (JOHN) must not claim every John.
  // What the query holds beyond the listed name must be a middle name or a patronymic: a Korean given name's
  // syllable (KANG MIN against 강민서) or a different family name after the given name is a different person.
  const wordsListed = listed.filter((t) => t.kind === 'word').length;
  const extrasInMiddle =
    !korean && (query.every((t, i) => usedQ.has(i) || t.kind !== 'word' || (i > 0 && i < query.length - 1) || PATRONYMIC.test(t.text)) || organisational(query));
  const queryShare = commonOnly(pairs, listed, usedL) ? COMMON_QUERY_SHARE : QUERY_SHARE;
  const queryFirst = queryShare * q + (1 - queryShare) * l;
  const listedFirst = wordsListed >= 2 && extrasInMiddle ? (1 - QUERY_SHARE) * q + QUERY_SHARE * l : 0;
  const found = Math.max(queryFirst, listedFirst, containment(query, listed, pairs, usedQ, l), namedWithKind(query, listed, pairs, usedQ, q, l), personWithAddedWords(query, listed, pairs, usedQ, usedL));
  const capped = found > COMMON_WORDS_CAP && (commonWordsOnly(query, listed, pairs, usedL) || commonPartsOnly(query, listed, pairs, usedQ, usedL) || otherLineage(query, listed, pairs)) ? COMMON_WORDS_CAP : found;
  const placed = capped > PLACES_DISAGREE_CAP && placesDisagree(query, listed, usedQ, usedL) ? PLACES_DISAGREE_CAP : capped;
  const tokenScore =
    placed > SYLLABLES_SWAPPED_CAP && (syllablesSwapped(query, listed, pairs) || givenSyllableMissing(query, listed, pairs) || abdApart(query, listed, pairs)) ? SYLLABLES_SWAPPED_CAP : placed;
  // The listed name's legal form aside too: Rosoboron Export and JSC Rosoboronexport are two words against one.
  const listedWords = wordCount(listed);
  // Not where a word of one is another English word of the other's stem (Hong Kong Electric, HONG KONG ELECTRONICS):
  // run together, the letters would hide it.
  const joinedScore = (query.length !== listed.length || (listedWords < listed.length && wordCount(query) !== listedWords)) && !(query as NameReading).respaced && !otherEnglishWords(query, listed) && !koreanSyllables(query, listed) ? evidence(joinedSimilarity(query, listed), JOINED_KNEE) * JOINED_FACTOR : 0;
  const joined = joinedScore > tokenScore;
  return { score: joined ? joinedScore : tokenScore, pairs, crossScript: !joined && crossScript, joined };
}

/**
 * Abd is no name alone but the first half of one (Abd Rabbuh, Abd al-Hadi: servant of the Lord, of the Guide): an Abd
 * found whose next word is not found with the listed Abd's next word names another man (Abd Rabbuh Mansur Hadi is not
 * the alias Abd Al-Hadi, though Abd and Hadi are both in it).
 */
const ABD = familyKey('abd');
function abdApart(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[]): boolean {
  const next = (tokens: readonly NameToken[], i: number) => tokens.findIndex((t, j) => j > i && t.kind === 'word' && !particle(t));
  const previous = (tokens: readonly NameToken[], i: number) => tokens.findLastIndex((t, j) => j < i && t.kind === 'word' && !particle(t));
  return pairs.some((p) => {
    if (query[p.queryIndex]!.family !== ABD || listed[p.listedIndex]!.family !== ABD) return false;
    const l = next(listed, p.listedIndex);
    // The word after it, or before it in a name written backwards (… ABDUL BEN HAMADI for HAMADI BEN ABDUL AZIZ).
    const around = [next(query, p.queryIndex), previous(query, p.queryIndex)];
    return l >= 0 && around.some((q) => q >= 0) && !around.some((q) => pairs.some((o) => o.queryIndex === q && o.listedIndex === l));
  });
}

/**
 * A Korean given name is its syllables together: a family name and one given syllable, all found, against a listed
 * family name and two (Choe Hyon, CHOE MYONG HYON; Kim Kwang, KIM KWANG IL) name another person, as a syllable added
 * does (personWithAddedWords).
 */
function givenSyllableMissing(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[]): boolean {
  const korean = (tokens: readonly NameToken[]) => tokens.every((t) => t.kind === 'word' && t.family !== null && t.family.startsWith('k:'));
  return query.length === 2 && listed.length === 3 && pairs.length === 2 && korean(query) && korean(listed);
}

/**
 * A person's whole listed name with words added after or before it, as a customer record adds a title, a kunya or the
 * company the person is with (Siraj Haqqani Khalifa, Park Jin Hyok Chosun Expo): found whole, every part as spelled,
 * and rare enough together to say who, it scores just above the default threshold, whatever the added words weigh.
 * The added words stand on one side of it: words put between its parts are middle names, weighed as such above,
 * and a name around it is another's (Khalid Abd Allah al-Mansouri). A Korean syllable added is another given name
 * (Son Heung-min is not SON MIN).
 */
function personWithAddedWords(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[], usedQ: ReadonlySet<number>, usedL: ReadonlySet<number>): number {
  if (organisational(listed) || pairs.length < 2) return 0;
  for (let j = 0; j < listed.length; j++) {
    if (listed[j]!.kind !== 'word') continue;
    if (!usedL.has(j)) return 0;
  }
  let weight = 0;
  for (const pair of pairs) {
    // As spelled, or a known spelling of it (its family, its coarse key): Shahji is not Shah.
    if (pair.crossScript || !(sameSpelling(pair) || pair.similarity === COARSE_SIMILARITY)) return 0;
    weight += pair.weightListed;
  }
  if (weight < ADDED_WORDS_NAME_WEIGHT) return 0;
  const added = query.map((t, i) => (usedQ.has(i) || t.kind !== 'word' ? -1 : i)).filter((i) => i >= 0);
  if (added.length === 0 || added.length > 2) return 0;
  if (added.some((i) => query[i]!.family?.startsWith('k:'))) return 0;
  const paired = [...usedQ];
  if (!added.every((i) => i < Math.min(...paired)) && !added.every((i) => i > Math.max(...paired))) return 0;
  return PERSON_WITH_ADDED_WORDS * pairs.reduce((sum, p) => sum + evidence(p.similarity), 0) / pairs.length;
}
/** Above DEFAULT_THRESHOLD (0.88) for a name found as spelled. */
const PERSON_WITH_ADDED_WORDS = 0.9;
/**
 * What the listed name's parts must weigh together: a rare surname with a common given name (Igor Sechin: 0.47 + 0.9),
 * not two common parts (Ahmad Shah: 0.34 + 0.76; Abd Allah), which a longer name holds by chance.
 */
const ADDED_WORDS_NAME_WEIGHT = 1.2;

/**
 * Commercial Bank of Iran is not Commercial Bank of Syria: an organisation's country, which weighs little as a
 * qualifier (a bank of Russia is still the bank), names another organisation when both names give one and they differ.
 */
function placesDisagree(query: readonly NameToken[], listed: readonly NameToken[], usedQ: ReadonlySet<number>, usedL: ReadonlySet<number>): boolean {
  if (!organisational(query) && !organisational(listed)) return false;
  const countriesQ = unpairedCountries(query, usedQ);
  if (countriesQ.size === 0) return false;
  const countriesL = unpairedCountries(listed, usedL);
  return countriesL.size > 0 && ![...countriesQ].some((code) => countriesL.has(code));
}

function unpairedCountries(tokens: readonly NameToken[], used: ReadonlySet<number>): Set<string> {
  const codes = new Set<string>();
  tokens.forEach((token, i) => {
    const code = used.has(i) || token.text.length <= 3 ? null : (countryCode(token.text) ?? DEMONYMS[token.text] ?? null);
    if (code !== null) codes.add(code);
  });
  return codes;
}
const PLACES_DISAGREE_CAP = 0.8;
const wordCount = (tokens: readonly NameToken[]) => tokens.reduce((n, t) => (t.kind === 'legal' ? n : n + 1), 0);
/** A country named by its adjective (Russian Agricultural Bank, Agricultural Bank of China): the list's regimes' and their neighbours'. */
const DEMONYMS: Record<string, string> = {
  russian: 'RU', belarusian: 'BY', belarussian: 'BY', ukrainian: 'UA', chinese: 'CN', iranian: 'IR', syrian: 'SY', iraqi: 'IQ',
  libyan: 'LY', lebanese: 'LB', afghan: 'AF', yemeni: 'YE', sudanese: 'SD', somali: 'SO', malian: 'ML', congolese: 'CD',
  turkish: 'TR', emirati: 'AE', saudi: 'SA', egyptian: 'EG', israeli: 'IL', palestinian: 'PS', cypriot: 'CY', georgian: 'GE',
  armenian: 'AM', kazakh: 'KZ', uzbek: 'UZ', indian: 'IN', japanese: 'JP', american: 'US', british: 'GB', german: 'DE',
  french: 'FR', swiss: 'CH', serbian: 'RS', venezuelan: 'VE', cuban: 'CU', myanmar: 'MM', burmese: 'MM',
};

/**
 * Two names written wholly in Korean syllables (이수진 read as I SU CHIN, YU CHIN) have as many syllables as they are
 * written with: run together, a three-syllable name is not a two-syllable one (isuchin and yuchin are 0.9 alike).
 */
/**
 * A Korean given name is its syllables in order: 석진 (Seok-jin) is not 진석 (JIN-SOK), though the family name may stand
 * first or last. Two syllables next to each other in the query paired with two next to each other the other way round
 * in the listed name make another name, unless the whole name is turned round (IL SONG CHOE for CHOE SONG IL), as a
 * customer file that reverses a name's words writes it.
 */
function syllablesSwapped(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[]): boolean {
  if (!koreanSyllables(query, listed)) return false;
  const order = [...pairs].sort((a, b) => a.queryIndex - b.queryIndex);
  if (order.every((p, i) => i === 0 || p.listedIndex < order[i - 1]!.listedIndex)) return false;
  return order.some((p, i) => i > 0 && p.queryIndex === order[i - 1]!.queryIndex + 1 && p.listedIndex === order[i - 1]!.listedIndex - 1);
}
const SYLLABLES_SWAPPED_CAP = 0.8;

const koreanSyllables = (query: readonly NameToken[], listed: readonly NameToken[]) =>
  [...query, ...listed].every((t) => t.family !== null && t.family.startsWith('k:'));

/** Middle names, patronymics and nasabs are a person's: an organisation's name (a legal form, BANK, PLANT) has none. */
const organisational = (tokens: readonly NameToken[]) => tokens.some((t) => t.organisational);

/** The least totalWeight can come to for these tokens, whatever is matched: for bounding a score cheaply. */
export function leastWeight(tokens: readonly NameToken[], weightOf: TokenWeight): number {
  const person = !organisational(tokens);
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    const middle = tokens.length >= OUTLINE_MIN_LENGTH ? OUTLINE_MIDDLE_FACTOR : MIDDLE_FACTOR;
    const factor = !person ? 1 : i > 0 && i < tokens.length - 1 ? middle : PATRONYMIC.test(tokens[i]!.text) || nisba(tokens, i) ? MIDDLE_FACTOR : 1;
    if (!particle(tokens[i]!)) total += weightOf(tokens[i]!) * factor;
  }
  return total;
}

/**
 * An Arabic name's last part after the article, when at least two parts come before it (SADDAM HUSSEIN AL-TIKRITI):
 * a nisba, the tribe or town, which the press leaves out (サダム・フセイン) as it leaves out a patronymic.
 */
const ARTICLE = new Set(['al', 'el', 'アル', 'エル']);
const nisba = (tokens: readonly NameToken[], i: number) => i >= 3 && i === tokens.length - 1 && ARTICLE.has(tokens[i - 1]!.text);

/** A listed person's name parts a query of family name and title leaves out (see compareNames). */
const TITLE_OMITTED_FACTOR = 0.2;
/**
 * A query of one Latin word of some length, found as spelled (or one spelling of it) in a name part at most two listed
 * entries hold: a family name that rare names its person, as the press writes him (Zawahiri). A common one (Kim,
 * Ivanov) or a short one does not.
 */
const LONE_NAME_LENGTH = 5;
// A double family name too, written as its two parts (Abbasi Davani for FEREIDOUN ABBASI-DAVANI): the listed name's last parts.
const loneRareName = (query: readonly NameToken[], pairs: readonly TokenPair[], listedLength: number) =>
  (query.length === 1 || (query.length === 2 && listedLength > 2 && pairs.every((p) => p.listedIndex >= listedLength - 2))) &&
  query.every((t) => t.kind === 'word' && t.script === 'latin' && t.text.length >= LONE_NAME_LENGTH) &&
  pairs.length === query.length &&
  pairs.every((p) => p.similarity >= FAMILY_SIMILARITY && p.weightListed >= CONTAINED_RARE);

/** A name's weight, its unmatched middle parts at half (or every unmatched part at `omitted`, 1 for in full): first and last name carry the identity. */
function totalWeight(
  tokens: readonly NameToken[],
  matched: ReadonlySet<number>,
  weightOf: TokenWeight,
  omitted: number | null = null,
  weights: ReadonlyMap<number, number> = NO_WEIGHTS,
): number {
  // With both ends of a long name found, its outline (given and family name) is there, and what lies between is a
  // nasab or a patronymic (MUAMMAR MOHAMMED ABU MINYAR QADHAFI): it weighs a quarter.
  const factor = tokens.length >= OUTLINE_MIN_LENGTH && matched.has(0) && matched.has(tokens.length - 1) ? OUTLINE_MIDDLE_FACTOR : MIDDLE_FACTOR;
  const person = !organisational(tokens);
  // An organisation's word left out between two found (Daedong [Credit] Bank, Libyan [Foreign] Investment) weighs half,
  // as a person's middle name does: the name's outline is there, when a word few listed names hold is among them (not
  // KOREA DEVELOPMENT BANK for KOREA UNITED DEVELOPMENT BANK, where the word left out is what tells the two apart).
  let firstMatched = tokens.length;
  let lastMatched = -1;
  if (!person && [...matched].some((i) => tokens[i]!.kind === 'word' && weightOf(tokens[i]!) >= CONTAINED_RARE)) {
    for (const i of matched) [firstMatched, lastMatched] = [Math.min(firstMatched, i), Math.max(lastMatched, i)];
  }
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    const weight = weights.get(i) ?? (!matched.has(i) && particle(tokens[i]!) ? 0 : undefined);
    if (weight !== undefined) {
      total += weight;
      continue;
    }
    if (omitted !== null && !matched.has(i)) {
      total += weightOf(tokens[i]!) * omitted;
      continue;
    }
    const middle = person
      ? !matched.has(i) && ((i > 0 && i < tokens.length - 1) || PATRONYMIC.test(tokens[i]!.text) || nisba(tokens, i))
      : !matched.has(i) && i > firstMatched && i < lastMatched;
    total += weightOf(tokens[i]!) * (middle ? (person ? factor : MIDDLE_FACTOR) : 1);
  }
  return total;
}

const NO_WEIGHTS: ReadonlyMap<number, number> = new Map();

/**
 * A query found only on name parts many listed entries share (Ahmed Mahmoud in AHMED MAHMOUD HASSAN), while the
 * listed name begins or ends with a part the query lacks, says little about who it is: the query's share falls to a
 * half, so that the part left out counts. A middle part, a patronymic or a nisba left out does not count so (Muammar
 * Qadhafi is MUAMMAR MOHAMMED ABU MINYAR QADHAFI).
 */
const COMMON_PART = 0.8;
const COMMON_QUERY_SHARE = 0.5;
const commonOnly = (pairs: readonly TokenPair[], listed: readonly NameToken[], usedL: ReadonlySet<number>) =>
  pairs.length > 0 &&
  pairs.every((p) => p.weightQuery < COMMON_PART) &&
  listed.some((t, j) => !usedL.has(j) && t.kind === 'word' && (j === 0 || j === listed.length - 1) && !PATRONYMIC.test(t.text) && !nisba(listed, j));
/**
 * A person found only on listed name parts many entries share (Muhammad Ali for the alias ALI MOHAMMED, Hassan al-Haj
 * for the alias HASSAN, Omar Abdullah for OMAR, RAMZI MOHAMED ABDELLAH) is one of thousands of namesakes, however
 * wholly the short alias is found: when what is found of the listed name weighs less than WEAK_EVIDENCE by rarity
 * (Muammar and Qadhafi together weigh 1.4, Mohamed and Hassan 0.67), the score stays below the default threshold. A
 * listed name with a rare part found (Sergei PETROV, Muhammad ASHRAF) is not touched: that is the listed name itself,
 * which a compliance officer must see; nor is a family name with the post the press gives it (ハッカーニ師), which says
 * who is meant.
 */
const WEAK_EVIDENCE = 0.9;
function commonPartsOnly(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[], usedQ: ReadonlySet<number>, usedL: ReadonlySet<number>): boolean {
  if (pairs.length === 0 || organisational(listed) || query.some((t) => t.title) || verbatim(query, listed, pairs, usedQ, usedL)) return false;
  let mass = 0;
  for (const p of pairs) {
    if (p.weightListed >= COMMON_PART) return false;
    mass += p.weightListed * evidence(p.similarity);
  }
  return mass < WEAK_EVIDENCE;
}
/**
 * The listed name as the list writes it, every word and nothing added (not even an honorific: Hassan al-Haj is not the
 * alias HASSAN): a name a screening must always report, however common.
 */
const verbatim = (query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[], usedQ: ReadonlySet<number>, usedL: ReadonlySet<number>) =>
  pairs.every((p) => p.query === p.listed) && query.every((_, i) => usedQ.has(i)) && listed.every((t, j) => usedL.has(j) || t.kind !== 'word');
/**
 * An Arabic name's parts after the first are a lineage (Ahmad son of Hasan son of Mahmoud): written in Arabic script,
 * as its bearer writes it, three parts or more found, common ones among them, in an order that is neither the listed
 * one nor the listed one turned round (a family name moved to the front), name another person (أحمد حسن محمود is not
 * AHMAD MAHAMOOD HASSAN). A Latin name's order stays free: customer files and romanizations shuffle it.
 */
const LINEAGE_PARTS = 3;
function otherLineage(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[]): boolean {
  if (!query.some((t) => t.script === 'arabic')) return false;
  // The article and bin, which a spelling writes or leaves out anywhere, are no part of the order.
  const parts = pairs.filter((p) => listed[p.listedIndex]!.kind === 'word' && !particle(listed[p.listedIndex]!));
  if (parts.length < LINEAGE_PARTS || organisational(listed) || parts.filter((p) => p.weightListed < COMMON_PART).length < 2) return false;
  const order = parts.sort((a, b) => a.queryIndex - b.queryIndex).map((p) => p.listedIndex);
  const n = order.length;
  const ranks = [...order].sort((a, b) => a - b);
  return !ranks.some((_, shift) => order.every((j, i) => j === ranks[(i + shift) % n]));
}
/**
 * An organisation found only on words many listed names share (Korea Bank in KOREA TRADING BANK: KOREA is in 80
 * entries' names, BANK a generic word), while the listed name holds a word the query lacks, is not named by them: the
 * score stays below the default threshold. A listed name found whole is found, however common its words.
 */
const COMMON_WORDS_CAP = 0.85;
const DISTINCTIVE_WORD = 0.5;
function commonWordsOnly(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[], usedL: ReadonlySet<number>): boolean {
  if (!organisational(listed) || !listed.some((t, j) => !usedL.has(j) && t.kind !== 'legal')) return false;
  return !pairs.some((p) => p.weightQuery >= DISTINCTIVE_WORD && query.some((t) => t.text === p.query && t.kind === 'word'));
}
/** An article or honorific, not a word a customer file added (a place, an office), which is a word of its own. */
const titleParticle = (token: NameToken) => particle(token) && !token.family!.startsWith(ADDED_PREFIX);
const MISSPELT_PARTICLE = 0.9;
/** The article or an honorific, which one spelling writes and another leaves out (al-Qathafi, QADHAFI; Sheikh Hamza): unpaired, it weighs nothing. */
const particle = (token: NameToken) => token.family !== null && token.family.startsWith(PARTICLE_PREFIX);

/**
 * An organisation's name the query gives in part (Mints Radiotechnical Institute for Academician A.L. Mints
 * Radiotechnical Institute Joint Stock Company, Wagner Group for PMC Wagner): when every word of the query is found
 * (in the same spelling), what is found is distinctive (its words weigh CONTAINED_WEIGHT together by their rarity, one
 * of them rare) and the listed name adds words only before it, the query counts for most and what the listed name adds
 * for little. Generic words and legal forms the query adds (Group, of the DPRK), and words that say what kind of
 * company it is (Concern, Plant), do not count against it.
 *
 * A company known by one distinctive word of its listed name (Tekhmash, Kronshtadt, Omsktransmash for JSC Omsk
 * Transport Machine Factory Omsktransmash) is found wherever that word stands, when the list holds it in at most two
 * entries' names (its weight CONTAINED_RARE or more), it is not short, the listed name is a company's (it has a legal
 * form) and the query adds nothing but a legal form or the kind of company: the word is the company's name.
 */
const CONTAINED_WEIGHT = 1;
/** Words that name another entity of a group (Azia Shipping Holdings is not AZIA SHIPPING COMPANY): not generic here. */
const RELATED_ENTITY = new Set(['holding', 'holdings', 'subsidiary', 'affiliate', 'ホールディングス']);
/** Words that say what kind of company a name is (Kalashnikov Concern, Kurganmashzavod Plant), which a customer record adds or drops. */
const KIND_OF_COMPANY = new Set([
  'group', 'concern', 'kontsern', 'plant', 'factory', 'zavod', 'works', 'kombinat', 'shipyard', 'companies', 'associated', 'general', 'コンツェルン', 'プラント', '工場',
]);
/** General says the kind after a name (KOREA RYONBONG GENERAL CORPORATION); first, it is the name's own word (General Electric). */
const kindOfCompany = (token: NameToken, i: number) => KIND_OF_COMPANY.has(token.text) && !(i === 0 && token.text === 'general');
export const CONTAINED_RARE = 0.85;
const CONTAINED_SHARE = 0.9;
/** One distinctive word is the company's name: it counts for more of the score than a part of a longer name does. */
export const SINGLE_WORD_SHARE = 0.95;
const SINGLE_WORD_LENGTH = 5;
/** The one word a query names a company by (Omsktransmash, Techmash Concern), which containment may find anywhere in a listed name; else null. */
export function singleCompanyWord(query: readonly NameToken[]): NameToken | null {
  const named = query.filter((t) => t.kind === 'word' && !KIND_OF_COMPANY.has(t.text));
  return named.length === 1 && named[0]!.text.length >= SINGLE_WORD_LENGTH ? named[0]! : null;
}
/**
 * Each word found as written, as its spelling family, in the other script or in the plural (Mansudae Overseas Projects,
 * MANSUDAE OVERSEAS PROJECT): a near miss (Sony and SONGI) is another company.
 */
const sameSpelling = (pair: TokenPair) =>
  pair.similarity === 1 ||
  pair.similarity === FAMILY_SIMILARITY ||
  (pair.crossScript && pair.similarity >= CROSS_SCRIPT_FACTOR) ||
  pair.query === `${pair.listed}s` ||
  pair.listed === `${pair.query}s`;
/**
 * A listed word after the part a query names that says what kind of company it is, not which one (GREEN PINE ASSOCIATED
 * CORPORATION, KOREA RYONBONG GENERAL CORPORATION, … GROUP OF COMPANIES). A line of business (TONGBANG BANK, … TRADING)
 * is not one: Tongbang Ltd is another company.
 */
export const CONNECTIVES = new Set(['of', 'the', 'and']);
const describesCompany = (token: NameToken) => token.kind === 'legal' || KIND_OF_COMPANY.has(token.text) || particle(token) || CONNECTIVES.has(token.text);
function containment(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[], usedQ: ReadonlySet<number>, l: number): number {
  if (!organisational(listed) || !query.every((t, i) => usedQ.has(i) || (t.kind !== 'word' && !RELATED_ENTITY.has(t.text)) || kindOfCompany(t, i))) return 0;
  let found = 0;
  let weight = 0;
  let rare = false;
  for (const pair of pairs) {
    // A one-letter word (an initial, A.L. Mints) is no distinctive part of a company's name.
    if (pair.listed.length < 2) continue;
    const token = query.find((t) => t.text === pair.query);
    if (!token || token.kind !== 'word') continue;
    if (!sameSpelling(pair)) return 0;
    found += pair.weightQuery * pair.similarity;
    weight += pair.weightQuery;
    rare ||= pair.weightQuery >= CONTAINED_RARE;
  }
  // A company's name, as its legal form says (not Vostok Battalion), and nothing more in the query than its kind (not Vostok Trading).
  const company = () => listed.some((t) => t.kind === 'legal') && query.every((t, i) => usedQ.has(i) || t.kind === 'legal' || kindOfCompany(t, i));
  if (rare && singleCompanyWord(query) !== null && company()) {
    return SINGLE_WORD_SHARE * (found / weight) + (1 - SINGLE_WORD_SHARE) * l;
  }
  // What the listed name adds comes before what the query names (Korea Ryonbong, Academician A.L. Mints, PMC Wagner);
  // words after it make another company (Azia Shipping Holdings is not Azia Shipping Co.), unless they only say what
  // kind of company it is.
  const first = Math.min(...pairs.map((p) => p.listedIndex));
  const pairedListed = new Set(pairs.map((p) => p.listedIndex));
  // A name cut short, as a customer file's field cuts it (Ocean Maritime for OCEAN MARITIME MANAGEMENT COMPANY, LIMITED):
  // two words or more found from the listed name's start, the query adding no word but a legal form; what is cut is no
  // other entity of a group.
  const cut =
    pairs.filter((p) => query.some((t) => t.text === p.query && t.kind === 'word')).length >= 2 &&
    pairs.every((p) => p.listedIndex < pairs.length) &&
    query.every((t, i) => usedQ.has(i) || t.kind === 'legal') && !listed.some((t) => RELATED_ENTITY.has(t.text));
  if (!cut && listed.some((t, j) => j > first && !pairedListed.has(j) && !describesCompany(t))) return 0;
  return rare && weight >= CONTAINED_WEIGHT ? CONTAINED_SHARE * (found / weight) + (1 - CONTAINED_SHARE) * l : 0;
}

/**
 * An organisation the list names by one rare word (Otkritie, Novikombank, Syriatel, Hamas), which a customer file gives
 * with what kind of organisation it is (Otkritie Bank, Novikombank JSCB, Syriatel Mobile Telecom, Hamas movement,
 * Sberbank of Russia PJSC): the listed name found whole, as spelled, in a query whose other words are only legal forms,
 * qualifiers, places or such kinds, counts as the containment above does, the listed name for most. A word that names
 * a line of business or another entity of a group (Sovcombank Leasing, … Holdings) is not a kind.
 */
const KIND_OF_ENTITY = new Set([
  ...KIND_OF_COMPANY, 'bank', 'movement', 'organisation', 'organization', 'state', 'financial', 'finance', 'mobile', 'telecom', 'telecommunications',
]);
/** Whether a query holds a word namedWithKind may read as the kind of a one-word listed name: screen.ts retrieves those names for it. */
export function addsKindOfEntity(query: readonly NameToken[]): boolean {
  return query.some((t) => KIND_OF_ENTITY.has(t.text) || t.kind !== 'word');
}
function namedWithKind(query: readonly NameToken[], listed: readonly NameToken[], pairs: readonly TokenPair[], usedQ: ReadonlySet<number>, q: number, l: number): number {
  const words = listed.filter((t) => t.kind === 'word');
  const pair = words.length === 1 ? pairs.find((p) => p.listed === words[0]!.text) : undefined;
  if (!pair || query.length < 2 || words[0]!.text.length < SINGLE_WORD_LENGTH || !sameSpelling(pair) || pair.weightListed < CONTAINED_RARE) return 0;
  const kinds = query.filter((_, i) => !usedQ.has(i));
  if (!kinds.some((t) => t.organisational) && !organisational(listed)) return 0;
  if (!kinds.every((t) => KIND_OF_ENTITY.has(t.text) || (t.kind !== 'word' && !RELATED_ENTITY.has(t.text)))) return 0;
  return CONTAINED_SHARE * l + (1 - CONTAINED_SHARE) * q;
}

/**
 * A one-letter word of a query that holds longer ones is an initial (Putin V.V.). It pairs with an unpaired listed given
 * name it begins, at INITIAL_SIMILARITY, and weighs what that name weighs; only when the query's surname is rare on the
 * list (a common one with initials names too many people). The first initial left unpaired is a given name the listed
 * name does not hold (Medvedev D.A. is not Ilya Medvedev) and weighs in full; the others may be a patronymic's, which
 * the list often leaves out, and weigh nothing.
 */
const INITIAL_SIMILARITY = 0.92;
const RARE_SURNAME = 0.75;
function pairInitials(
  query: readonly NameToken[],
  listed: readonly NameToken[],
  weightOf: TokenWeight,
  usedQ: Set<number>,
  usedL: Set<number>,
  pairs: TokenPair[],
): { found: number; weights: ReadonlyMap<number, number> } {
  if (!query.some(isInitial) || !query.some((t) => t.kind === 'word' && !isInitial(t))) return { found: 0, weights: NO_WEIGHTS };
  const rare = pairs.some((p) => p.similarity >= EVIDENCE_KNEE && p.weightQuery >= RARE_SURNAME && p.query.length > 1);
  // With a given name found as well as the surname (Mikheichik Vladimir V., Medvedev, Dmitry A.), an initial left is the patronymic's.
  // (Not in a Korean name, whose one-letter syllables, 아, 우, are no initials: 김연아 is not KIM KWANG YON.)
  const givenFound = pairs.filter((p) => p.query.length > 1).length >= 2 && !koreanSyllables(query, []);
  const weights = new Map<number, number>();
  let found = 0;
  let first = !givenFound;
  query.forEach((token, i) => {
    if (!isInitial(token) || usedQ.has(i)) return;
    const j = rare ? listed.findIndex((t, j) => !usedL.has(j) && t.kind === 'word' && t.script === 'latin' && t.text.length > 1 && t.text.startsWith(token.text)) : -1;
    if (j < 0) {
      weights.set(i, first ? weightOf(token) : 0);
      first = false;
      return;
    }
    first = false;
    usedQ.add(i);
    usedL.add(j);
    const weight = weightOf(listed[j]!);
    weights.set(i, weight);
    found += weight * evidence(INITIAL_SIMILARITY);
    pairs.push({ query: token.text, queryIndex: i, listed: listed[j]!.text, listedIndex: j, similarity: INITIAL_SIMILARITY, weightQuery: weight, weightListed: weight, crossScript: false });
  });
  return { found, weights };
}

export const isInitial = (token: NameToken) => token.kind === 'word' && token.script === 'latin' && token.text.length === 1 && token.text >= 'a';

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
