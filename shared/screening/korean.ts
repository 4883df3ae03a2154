import { hanjaToHangul, readHanjaName } from './korean-hanja';
import { KOREAN_SURNAME_SPELLINGS, koreanWordKey, splitKoreanSyllables } from './spelling-families';
import { romanizeHangul, romanizeHangulWord } from './transliterate';

/**
 * Korean names as customer records hold them, read the way the list writes them. The list writes a DPRK
 * organisation by an English name (KOREA RYONBONG GENERAL CORPORATION, TANCHON COMMERCIAL BANK): the Korean words
 * translated, the proper names in McCune-Reischauer; a customer record in Hangul holds the Korean words
 * (조선련봉총회사, 단천상업은행). A Korean person in hanja (金英哲) is read by the Sino-Korean readings (김영철, KIM YONG
 * CHOL), and a romanized given name run together (Sunghyuk, Yeongcheol) split into its syllables, as the list writes
 * them. Pure.
 */

/**
 * The Korean words of the list's DPRK organisations' names (regimes 13, 14 and 16) and the English words the list
 * uses for them: 조선 is Korea as the DPRK names itself (the South's 한국 is read as it is written: no DPRK name
 * holds it), 무역 Trading, 총회사 General Corporation, 해운 Shipping, 성 Ministry and 부 Department (only at a
 * name's end). Longest first when read.
 */
const WORDS: Record<string, string> = {
  조선: 'korea', 무역: 'trading', 은행: 'bank', 상업: 'commercial', 총회사: 'general corporation', 회사: 'company',
  총무역: 'general trading', 총국: 'general bureau', 공업: 'industry', 위원회: 'committee', 그룹: 'group', 합영: 'joint venture',
  합작: 'joint venture', 개발: 'development', 기술: 'technology', 해운: 'shipping', 광업: 'mining', 원자력: 'atomic energy',
  신용: 'credit', 국제: 'international', 기계: 'machinery', 우주: 'space', 경제: 'economic', 민족: 'national', 보험: 'insurance',
  중앙: 'central', 군수: 'munitions', 정찰: 'reconnaissance', 조직: 'organization', 지도: 'guidance', 선전: 'propaganda',
  선동: 'agitation', 건설: 'construction', 동북: 'north east', 아시아: 'asia', 컴퓨터: 'computer', 콤퓨터: 'computer',
  센터: 'center', 쎈터: 'center', 엑스포: 'expo', 로케트: 'rocket', 로켓: 'rocket', 아연: 'zinc', 수출입: 'export import',
  과학원: 'academy of sciences', 자연과학원: 'academy of natural sciences', 과학: 'science', 국가: 'national', 항공: 'air',
  해양: 'maritime', 관리: 'management', 대외: 'external', 복합: 'complex', 설비: 'equipment', 수입: 'import', 수출: 'export',
  석유: 'oil', 탐사: 'exploration', 정보: 'information', 화학: 'chemical', 련합: 'united', 연합: 'united', 국방: 'national defence',
  인민무력: "people's armed forces", 군사: 'military', 전략: 'strategic', 투자: 'investment', 금융: 'financial', 보험회사: 'insurance company',
  창작사: 'art studio', 해외: 'overseas', 선박: 'ship', 운영: 'management', 원양: 'ocean', 합영은행: 'joint bank',
  농업: 'agricultural', 공사: 'company', 산업: 'industrial', 원유: 'crude oil', 호실: 'office', 주식회사: 'co ltd', 유한회사: 'ltd',
  // The DPRK's own names for itself and its party and army, as the list's English names spell them out.
  조선민주주의인민공화국: 'democratic peoples republic of korea', 북조선: 'north korea', 로동당: 'workers party', 조선로동당: 'workers party of korea',
  군사위원회: 'military commission', 인민군: 'korean peoples army', 전략군: 'strategic force', 해운관리: 'maritime management',
  국가우주개발국: 'national aerospace development administration', 국가항공우주기술총국: 'national aerospace technology administration',
};
/**
 * Words the list's English renders two ways (대외: KOREA FOREIGN TECHNICAL TRADE CENTER beside Korea General Corporation
 * for External Construction; 기술 Technical or Technology; 무역 Trade or Trading; 개발 Development in KOREA MINING DEVELOPMENT
 * TRADING CORPORATION, Project in MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES, 만수대해외개발회사그룹): a second reading uses these.
 */
const SECOND_WORDS: Record<string, string> = { 대외: 'foreign', 기술: 'technical', 무역: 'trade', 원유: 'oil', 개발: 'project' };
/** A ministry (성), department (부) or bureau (국) closes a name: elsewhere these syllables are parts of proper names (대성, 부강). */
const CLOSING: Record<string, string> = { 성: 'ministry', 부: 'department', 국: 'bureau' };
/**
 * The South writes a word's first ㄹ as ㄴ, or as silent ㅇ before i and y (두음법칙: 로동당 is 노동당, 련합 연합): a record
 * from the South, or in its spelling, holds the words so.
 */
const INITIAL_SOUND_ILIKE = new Set([2, 3, 6, 7, 12, 17, 20]); // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
function southernSpelling(word: string): string | null {
  const code = word.charCodeAt(0) - 0xac00;
  if (Math.floor(code / 588) !== 5) return null;
  const medial = Math.floor((code % 588) / 28);
  const initial = INITIAL_SOUND_ILIKE.has(medial) ? 11 : 2;
  return String.fromCharCode(0xac00 + initial * 588 + (code % 588)) + word.slice(1);
}
for (const [word, english] of Object.entries(WORDS)) {
  const southern = southernSpelling(word);
  if (southern !== null && !(southern in WORDS)) WORDS[southern] = english;
}
const WORD_LIST = Object.keys(WORDS).sort((a, b) => b.length - a.length);
/** 제2경제위원회 is the Second Economic Committee: an ordinal before a word. */
const ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth' };
const HANGUL_WORD = /[\uac00-\ud7a3]+/g;

/**
 * The same words romanized, by their syllables whatever the system (Gwangeop and Kwangop, Unhaeng and Eunhaeng are
 * 광업 and 은행): a DPRK organisation's Korean name in Latin letters (Tanchon Sangop Unhaeng, Joseon Gwangeop Gaebal
 * Muyeok Hoesa) read in the list's English. Words of two syllables or more: one syllable alone is as likely a name's.
 */
const ROMANIZED_WORDS = new Map<string, string>();
for (const word of WORD_LIST) {
  const key = word.length >= 2 ? koreanWordKey(romanizeHangulWord(word)) : null;
  if (key !== null && !ROMANIZED_WORDS.has(key)) ROMANIZED_WORDS.set(key, WORDS[word]!);
}
/** Korea alone is no sign of a Korean name: the list's English names hold it too. */
const KOREA = 'korea';

/** English words that make a name an organisation's, beside one Korean word (Daedong Shinyong Bank). */
const ENGLISH_KIND = /\b(?:bank|company|corporation|corp|trading|group|co|ltd)\b/;

/**
 * A Latin name of two Korean words of an organisation's name or more (Korea aside), or one with an English word that
 * says it is an organisation's (Daedong Shinyong Bank), with them in English; null otherwise. Not one Korean word alone,
 * since a person's given name run together may be one (Kisul, Sangop).
 */
export function readRomanizedKoreanOrganisation(folded: string): string | null {
  let known = 0;
  const words = folded.split(' ').map((word) => {
    const english = ROMANIZED_WORDS.get(koreanWordKey(word) ?? '');
    if (english === undefined) return word;
    if (english !== KOREA) known++;
    return english;
  });
  return known >= 2 || (known === 1 && ENGLISH_KIND.test(folded)) ? words.join(' ') : null;
}

/**
 * A name in Hangul that holds a word of an organisation's name, read as the list writes such a name: the words in
 * English, the rest run together in McCune-Reischauer (조선련봉총회사 → korea ryonbong general corporation); null for
 * a name without such a word (a person's).
 */
export function readKoreanOrganisation(folded: string, second = false): string | null {
  let known = false;
  const text = folded
    .replace(/제 ?([1-5])(?=[\uac00-\ud7a3])/g, (_, n: string) => {
      known = true;
      return ` ${ORDINALS[n]} `;
    })
    .replace(HANGUL_WORD, (run) => {
      const out: string[] = [];
      let proper = '';
      const flush = () => {
        if (proper) out.push(romanizeHangulWord(proper));
        proper = '';
      };
      for (let i = 0; i < run.length; ) {
        const word = WORD_LIST.find((w) => run.startsWith(w, i));
        const closing = i === run.length - 1 && i > 0 ? CLOSING[run[i]!] : undefined;
        if (word) {
          flush();
          out.push((second ? SECOND_WORDS[word] : undefined) ?? WORDS[word]!);
          i += word.length;
          known = true;
        } else if (closing && out.length > 0 && proper === '') {
          out.push(closing);
          i++;
        } else {
          proper += run[i];
          i++;
        }
      }
      flush();
      return ` ${out.join(' ')} `;
    });
  return known && isOrganisation(folded) ? text.replace(/\s+/g, ' ').trim() : null;
}

/**
 * A Korean person's name is two to four syllables; an organisation's holds a word other than 조선 (which, before a
 * syllable, may be a family and a given name: 조선희), or is longer.
 */
function isOrganisation(folded: string): boolean {
  const syllables = (folded.match(HANGUL_WORD) ?? []).join('');
  const words = WORD_LIST.filter((w) => w !== '조선' && syllables.includes(w));
  return words.length > 0 || syllables.length > 4;
}

/**
 * A foreign name written in Hangul by the loanword orthography (외래어 표기법, 1986): a consonant alone (at the end or
 * before another) is written with ㅡ after it (스 s, 크 k, 트 t), ㅈ writes z between vowels (라자루스 Lazarus) and j
 * elsewhere, ㄹ at a word's start is l.
 * A word ending in such a syllable (no Korean name or word does) is a loanword; it is read back into Latin letters.
 */
const LOAN_INITIALS = ['g', 'k', 'n', 'd', 't', 'r', 'm', 'b', 'p', 's', 's', '', 'j', 'ts', 'ch', 'k', 't', 'p', 'h'];
const LOAN_MEDIALS = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const LOAN_FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'l', 'l', 'l', 'l', 'l', 'l', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
const ALONE = /[\uac00-\ud7a3]+[스즈츠크트프드그브]$/;
const EU = 18;
const J = 12;

function loanword(word: string): string {
  const codes = [...word].map((c) => c.charCodeAt(0) - 0xac00);
  return codes
    .map((code, i) => {
      const initial = Math.floor(code / 588);
      const medial = Math.floor((code % 588) / 28);
      const final = code % 28;
      const afterVowel = i > 0 && codes[i - 1]! % 28 === 0;
      const onset = i === 0 && initial === 5 ? 'l' : initial === J && afterVowel ? 'z' : LOAN_INITIALS[initial]!;
      const next = codes[i + 1];
      const beforeConsonant = next === undefined || Math.floor(next / 588) !== 11;
      const vowel = medial === EU && final === 0 && beforeConsonant ? '' : LOAN_MEDIALS[medial]!;
      return onset + vowel + LOAN_FINALS[final]!;
    })
    .join('');
}

/** The name with its loanword-shaped Hangul words read back into Latin letters, or null when it has none. */
function readLoanwords(folded: string): string | null {
  let found = false;
  const text = folded.replace(HANGUL_WORD, (run) => {
    if (!ALONE.test(run)) return run;
    found = true;
    return loanword(run);
  });
  return found ? text : null;
}

/** The Latin readings of a name written in Hangul: as an organisation's name when it is one, else syllable by syllable. */
export function readHangul(folded: string): string[] {
  const loan = readLoanwords(folded);
  const readings = readNativeHangul(folded);
  if (loan === null) return readings;
  // What is left in Hangul (그룹, 은행) is read as before.
  return [...readings, ...(hasHangulLeft(loan) ? readNativeHangul(loan) : [loan])];
}

const hasHangulLeft = (text: string) => /[\uac00-\ud7a3]/.test(text);

/** A DPRK organisation's Korean words in both of the list's renderings (대외: external and foreign), or none. */
function organisationReadings(hangul: string): string[] {
  const first = readKoreanOrganisation(hangul);
  if (first === null) return [];
  const second = readKoreanOrganisation(hangul, true);
  return second !== null && second !== first ? [first, second] : [first];
}

function readNativeHangul(folded: string): string[] {
  const syllables = romanizeHangul(folded);
  const readings = organisationReadings(folded);
  if (readings.length === 0) return [syllables];
  readings.push(...dprkSpelledOut(readings[0]!));
  // A short name with a word of an organisation's name may still be a person's (이기술): read both ways.
  return (folded.match(HANGUL_WORD) ?? []).join('').length <= 4 ? [...readings, syllables] : readings;
}

/**
 * 조선 (朝鮮) opening an organisation's name is the DPRK, which the list writes out in a state body's name (조선중앙은행 is
 * the Central Bank of the Democratic People's Republic of Korea): a further reading, beside Korea, when the name
 * has words after it.
 */
export const dprkSpelledOut = (reading: string): string[] =>
  /^korea [a-z]/.test(reading) ? [reading.replace(/^korea /, 'democratic peoples republic of korea ')] : [];

const HAN_ONLY = /^[\p{Script=Han}0-9 ]+$/u;
/**
 * China's commonest given names (the Ministry of Public Security's reports of the most frequent names, 2019 and
 * before): a name in characters with one of them is a Chinese name far more often than a Korean one (李秀英 is Li
 * Xiuying before it is 이수영), and is read in pinyin only (chinese.ts). In simplified characters (and those the two
 * sets share), as the mainland writes them: the traditional forms (輝, 偉) are how Korean names are written in hanja
 * too (崔輝, CHOE HWI), so a name in them is read both ways.
 */
const CHINESE_GIVEN_NAMES = new Set(
  '秀英 桂英 秀兰 玉兰 桂兰 秀珍 凤英 玉珍 玉英 兰英 玉梅 凤兰 桂珍 淑珍 秀云 桂芳 秀芳 建华 建国 建军 国华 志强 志明 海燕 秀梅 丽华 红梅 伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 桂英 浩 鹏 辉 斌 宇 俊 帅 鑫 婷 玲 燕 雪 慧 琳 颖 倩 晶 欣 萍'.split(' '),
);

/**
 * A name in characters that starts with 朝鮮 (朝鲜), the DPRK's name for itself, or Japan's 北朝鮮: read as a DPRK
 * organisation it is no guess (normalize.ts reads it as a name's own reading); another (偵察総局, 高麗銀行) may be a
 * Japanese or Chinese name, and is read as a guess (hanjaReadings).
 */
export const startsWithKorea = (folded: string) => /^北?朝[鮮鲜]/.test(folded);

/**
 * A DPRK organisation as the Japanese and Chinese press write it (朝鮮貿易銀行, 偵察総局, 朝鲜对外贸易银行): its Korean
 * words read as in Hangul, in both of the list's renderings (FOREIGN TRADE BANK), or none.
 */
export function kanjiOrganisationReadings(folded: string): string[] {
  const hangul = HAN_ONLY.test(folded) ? hanjaToHangul(folded) : null;
  return hangul === null ? [] : organisationReadings(hangul);
}

/**
 * A Korean person's name in hanja read by its Sino-Korean readings (金英哲 → kim yong chol), or a DPRK organisation's
 * by its Korean words, or none: a guess, since the same characters are a Chinese or Japanese name (screen.ts weighs it
 * as such, unless all of it agrees).
 */
export function hanjaReadings(folded: string): string[] {
  if (!HAN_ONLY.test(folded)) return [];
  const organisation = kanjiOrganisationReadings(folded)[0] ?? null;
  if (organisation !== null) return startsWithKorea(folded) ? [] : [organisation];
  const han = folded.replace(/ /g, '');
  if (CHINESE_GIVEN_NAMES.has([...han].slice(1).join(''))) return [];
  const name = readHanjaName(han);
  return name === null ? [] : [romanizeHangul(name)];
}

/**
 * A Korean person's romanized name with a given name run together (Lee Sunghyuk, Yeongcheol Kim) split into its
 * syllables (lee sung hyuk), as the list writes given names; null when nothing is to split or the name is not shaped
 * as a Korean one: two or three words, a Korean family name first or last, every other word one or two syllables.
 */
export function splitKoreanGivenName(reading: string): string | null {
  const words = reading.split(' ');
  // Initials are not syllables (Sechin I.I.), and I alone is the rarest spelling of 이 in Latin.
  if (words.length < 2 || words.length > 3 || words.some((w) => w.length < 2)) return null;
  const surnameAt = KOREAN_SURNAME_SPELLINGS.has(words[0]!) ? 0 : KOREAN_SURNAME_SPELLINGS.has(words[words.length - 1]!) ? words.length - 1 : -1;
  if (surnameAt < 0) return null;
  let split = false;
  const out: string[] = [];
  for (const [i, word] of words.entries()) {
    if (i === surnameAt || word.length <= 4) {
      out.push(word);
      continue;
    }
    const syllables = splitKoreanSyllables(word);
    if (!syllables || syllables.length > 2) return null;
    split ||= syllables.length === 2;
    out.push(syllables.join(' '));
  }
  return split ? out.join(' ') : null;
}

/**
 * The other way to cut a romanized given name run together where a syllable's final ng meets a vowel (KWANGIL: kwang
 * il, which splitKoreanGivenName cut kwan gil): both cuts are syllables, and the name says nothing of which. The
 * reading unchanged when there is no such cut.
 */
export function otherKoreanCut(reading: string): string {
  return reading.replace(/\b([a-z]+n) g([aeiou][a-z]*)\b/g, (whole, first: string, second: string) =>
    splitKoreanSyllables(`${first}g`)?.length === 1 && splitKoreanSyllables(second)?.length === 1 ? `${first}g ${second}` : whole,
  );
}
