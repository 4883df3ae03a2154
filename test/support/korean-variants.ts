/**
 * An independent implementation of the Korean romanization standards, for measuring screening on spellings the
 * matcher was not written against (it shares no code with shared/screening).
 *
 * - toHangul: a DPRK name as MOF writes it (McCune-Reischauer without breves: KIM KWANG-IL, RI SONG HYOK, with O'
 *   for ŏ where the list keeps it) composed back into Hangul syllables. Where the Latin letter does not say which
 *   vowel it was (o: ㅗ or ㅓ; yo: ㅛ or ㅕ; u: ㅜ or ㅡ), a seeded choice picks one: both are real names.
 * - revisedRomanization: Hangul in the Revised Romanization of Korean (2000), the South's official system:
 *   ㅓ eo, ㅕ yeo, ㅡ eu, initial ㄱ g, ㄷ d, ㅂ b, ㅈ j; surnames as the RR table gives them (이 I, 리 Ri).
 * - popularSpelling: the spelling South Koreans and the press commonly use, which neither system gives: the
 *   surname table of the National Institute of Korean Language's survey (Lee, Park, Choi, Jung, Kang, Cho, Yoon,
 *   Lim, Shin, Oh, Moon, Yoo, Han, Kwon), and ㅓ as u before ng/l/n/k (Sung, Chul, Hyun, Hyuk), oo for ㅜ (Moon).
 */

const INITIAL_LATIN: ReadonlyArray<readonly [string, number]> = [
  ['tch', 13], ['ch', 14], ['kk', 1], ['tt', 4], ['pp', 8], ['ss', 10], ['jj', 13], ['k', 0], ['g', 0], ['n', 2], ['t', 3], ['d', 3],
  ['r', 5], ['l', 5], ['m', 6], ['p', 7], ['b', 7], ['s', 9], ['j', 12], ['h', 18],
];
/** Vowel spellings to the jamo index candidates (first: the likelier in DPRK names). */
const VOWEL_LATIN: ReadonlyArray<readonly [string, number[]]> = [
  ["yo'", [6]], ["o'", [4]], ["u'", [18]], ['yeo', [6]], ['woo', [13]], ['eo', [4]], ['eu', [18]], ['oo', [13]], ['yae', [3]], ['wae', [10]], ['ae', [1]], ['ya', [2]], ['ye', [7]], ['yo', [6, 12]],
  ['wa', [9]], ['oe', [11]], ['wo', [14]], ['we', [15]], ['wi', [16]], ['yu', [17]], ['ui', [19]], ['a', [0]], ['e', [5]],
  ['o', [4, 8]], ['u', [13, 18]], ['i', [20]],
];
const FINAL_LATIN: ReadonlyArray<readonly [string, number]> = [['ng', 21], ['k', 1], ['g', 1], ['n', 4], ['l', 8], ['r', 8], ['m', 16], ['p', 17], ['b', 17], ['t', 7], ['', 0]];

/** A small deterministic generator, so that the set is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function syllable(token: string, random: () => number): string | null {
  let initial = 11; // ㅇ
  let rest = token;
  const head = INITIAL_LATIN.find(([latin]) => rest.startsWith(latin));
  if (head) {
    initial = head[1];
    rest = rest.slice(head[0].length);
  }
  const vowel = VOWEL_LATIN.find(([latin]) => rest.startsWith(latin));
  if (!vowel) return null;
  rest = rest.slice(vowel[0].length);
  const final = FINAL_LATIN.find(([latin]) => rest === latin);
  if (!final) return null;
  const medial = vowel[1][Math.floor(random() * vowel[1].length)]!;
  return String.fromCharCode(0xac00 + initial * 588 + medial * 28 + final[1]);
}

/** A Korean name in MOF's Latin to Hangul, or null when a part is not one syllable (a Chinese alias, a joined name). */
export function toHangul(latin: string, seed: number): string | null {
  const random = seeded(seed);
  const words = latin.toLowerCase().replace(/[’`]/g, "'").split(/[\s-]+/).filter(Boolean);
  const syllables = words.map((w) => syllable(w, random));
  if (syllables.some((s) => s === null) || syllables.length < 2 || syllables.length > 4) return null;
  // Korean writes the family name and the given name without a space, or with one after the family name.
  return `${syllables[0]}${random() < 0.5 ? ' ' : ''}${syllables.slice(1).join('')}`;
}

const RR_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const RR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const RR_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
/** RR's own surname spellings, where the syllable rule is not what the table prescribes. */
const RR_SURNAMES: Record<string, string> = { 리: 'Ri', 이: 'I', 박: 'Bak', 최: 'Choe', 정: 'Jeong', 김: 'Gim', 류: 'Ryu', 림: 'Rim', 로: 'Ro' };
const POPULAR_SURNAMES: Record<string, string> = {
  리: 'Lee', 이: 'Lee', 박: 'Park', 최: 'Choi', 정: 'Jung', 김: 'Kim', 강: 'Kang', 조: 'Cho', 윤: 'Yoon', 림: 'Lim', 임: 'Lim',
  신: 'Shin', 오: 'Oh', 문: 'Moon', 류: 'Yoo', 유: 'Yoo', 한: 'Han', 권: 'Kwon', 장: 'Jang', 전: 'Jeon', 현: 'Hyun', 로: 'Roh', 노: 'Roh',
};

function decompose(hangul: string): Array<[number, number, number]> {
  return [...hangul].filter((c) => /[\uac00-\ud7a3]/.test(c)).map((c) => {
    const code = c.charCodeAt(0) - 0xac00;
    return [Math.floor(code / 588), Math.floor((code % 588) / 28), code % 28];
  });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Hangul to RR, family name first, the given name's syllables joined by a hyphen (as RR recommends for names). */
export function revisedRomanization(hangul: string): string {
  const [family, ...given] = [...hangul.replace(/\s/g, '')];
  const rr = ([i, m, f]: [number, number, number]) => RR_INITIAL[i]! + RR_MEDIAL[m]! + RR_FINAL[f]!;
  const familyLatin = RR_SURNAMES[family!] ?? cap(rr(decompose(family!)[0]!));
  return `${familyLatin} ${cap(given.map((s) => rr(decompose(s)[0]!)).join('-'))}`;
}

/** Hangul in the common Southern spelling, given name first or last as `givenFirst` says, syllables spaced or hyphenated. */
export function popularSpelling(hangul: string, givenFirst: boolean): string {
  const [family, ...given] = [...hangul.replace(/\s/g, '')];
  const popular = ([i, m, f]: [number, number, number]) => {
    let vowel = RR_MEDIAL[m]!;
    const final = RR_FINAL[f]!;
    if (vowel === 'eo' && /^(?:ng|l|n|k)$/.test(final)) vowel = 'u';
    if (vowel === 'yeo' && /^(?:ng|n|k)$/.test(final)) vowel = i === 11 ? 'you' : 'yu';
    if (vowel === 'u' && final === 'n' && i !== 11) vowel = 'oo';
    return RR_INITIAL[i]! + vowel + final;
  };
  const familyLatin = POPULAR_SURNAMES[family!] ?? cap(popular(decompose(family!)[0]!));
  const givenLatin = cap(given.map((s) => popular(decompose(s)[0]!)).join('-'));
  return givenFirst ? `${givenLatin} ${familyLatin}` : `${familyLatin} ${givenLatin}`;
}
