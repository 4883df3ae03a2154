/**
 * How the Japanese press writes a person: a katakana name with a title or a post after it (プーチン大統領,
 * パトルシェフ安全保障会議書記, ボルトニコフ連邦保安局(FSB)長官), an office or a title before it (ＩＳ指導者バグダディ
 * 容疑者), and where the person is first (ロシア外務省のザハロワ報道官). Pure: word lists, no list knowledge.
 */

/**
 * Titles and honorifics written straight after a family name (プリゴジン氏, ハッカーニ師, ザワヒリ容疑者), whole words, and
 * the endings that make a post's name however long the office before it is (国防相, 参謀総長, 報道官, 安全保障会議書記,
 * 大統領府第一副長官): the kanji after a katakana name, as written or with 元/前/故 (former, late) before it.
 */
const TITLES = new Set([
  '氏', '師', '容疑者', '被告', '受刑者', '大統領', '首相', '議長', '司令官', '将軍', '元帥', '首長', '総書記', '夫人', '指導者',
  '最高指導者', '代表', '会長', '社長', '創設者', '幹部', '司令', '総裁', '大使', '特使', '党首', '議員', '書記', '頭取', '主席',
  '報道官', '司令長官', '指揮官', '戦闘員', '工作員',
]);
const TITLE_ENDINGS = ['大統領', '書記', '指導者', '代表', '相', '長', '官', '臣', '帥', '将', '佐'];
/** Offices whose names end like a post but are organisations (…研究所長 is a post, …工場 is not; these never end a post). */
const ORGANISATION_ENDINGS = ['銀行', '研究所', '工場', '製作所', '設計局', '造船所', '会社', '公社', '商事', '協会', '組合', '企業', '団体', '機構', '大学', '委員会', '旅団', '部隊'];
/** A long post is an office and its title (連邦保安局長官): up to this many characters. */
const LONGEST_POST = 14;

/** A kanji word that is a title or a post, alone or ending an office's name (…安全保障会議書記). */
export function isJapaneseTitle(text: string): boolean {
  const post = text.replace(/^[元前故現]/, '');
  if (post.length === 0 || post.length > LONGEST_POST || !/^[\p{Script=Han}々]+$/u.test(post)) return false;
  if (TITLES.has(post)) return true;
  return TITLE_ENDINGS.some((end) => post.endsWith(end)) && !ORGANISATION_ENDINGS.some((end) => post.endsWith(end));
}

/**
 * An abbreviation inside a post (連邦保安局(FSB)長官, ＦＳＢ長官, ＩＳ指導者): a short Latin word between kanji of a
 * title. Only where the kanji around it make a post; alone it is a name's word.
 */
export const isPostAbbreviation = (text: string) => /^[a-z]{2,5}$/.test(text);

/**
 * The part of a press reference after where the person is (ロシア外務省の, チェチェン共和国の, フーシ派の): the text after
 * the last の when a katakana name follows it; else null. An extra reading, since an organisation's name holds の too
 * (イラクのアル・カーイダ is AL-QAIDA IN IRAQ).
 */
export function afterPlaceOf(name: string): string | null {
  const at = name.lastIndexOf('の');
  if (at < 0) return null;
  const rest = name.slice(at + 1);
  return /[\u30a1-\u30fa]/.test(rest) && /[\u30a1-\u30fa\p{Script=Han}]/u.test(name.slice(0, at)) ? rest : null;
}

/**
 * A name in kanji with its katakana reading in brackets (金英哲（キム・ヨンチョル）党副委員長), as the press writes a Korean or
 * Chinese name on first mention: the name is read as either, with what follows it (the post). Null when there is none.
 */
const BRACKETED_READING = /([\p{Script=Han}々]+)\s*[（(]([\u30a1-\u30fa\u30fc・･＝=\s]+)[）)]/u;
export function bracketedReadings(name: string): [string, string] | null {
  const found = BRACKETED_READING.exec(name);
  return found === null ? null : [name.replace(found[0], `${found[1]!} `), name.replace(found[0], ` ${found[2]!} `)];
}

/**
 * A company word written in kanji or a connective in katakana after a katakana name (アルファ銀行, スベルバンク・オブ・ロシア):
 * the word the list's English names use, so that it weighs as there (BANK generic, of Russia a qualifier). Only as a
 * whole token: in a kanji name (ロシア農業銀行's 農業銀行) it is part of the name.
 */
const PRESS_COMPANY_WORDS = new Map([
  ['銀行', 'bank'], ['工場', 'plant'], ['商事', 'trading'], ['オブ', 'of'], ['アンド', 'and'], ['ロシア', 'russia'],
]);
export const pressCompanyWord = (token: string): string => PRESS_COMPANY_WORDS.get(token) ?? token;
