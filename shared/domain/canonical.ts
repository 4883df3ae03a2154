import { countryCode } from './countries';
import type { Address, Designation } from './designation';
import { comparableText } from './normalize';

/**
 * Canonical forms: what a field means, whichever of MOF's two formats stated it. The CSV and the workbook publish
 * the same facts in different shapes (an alias in the English column of one and the Japanese column of the other,
 * a position split in two, the country inside or apart from the address); two values whose canonical forms agree
 * state the same thing, and their difference is a restatement, not an amendment.
 */

/** Legal-form prefixes MOF adds or drops in front of a company's name (`JSC Novaia naftavaia kampania`). */
const LEGAL_FORM_PREFIX = /^(?:jsc|ojsc|pjsc|cjsc|ao|oao|pao|zao|llc|ooo)\s+/i;

/**
 * One name's forms: the name, and each part of an `A/B` name (`Dana Holdings/Dana Astra` is both companies).
 * Remembered: a diff reads each name in four fields and run together with each alias (nameUniverse).
 */
export const nameForms: (name: string) => readonly string[] = remembered(nameFormsOf);

function nameFormsOf(name: string): string[] {
  const parts = name.split(/[/／]/).map((p) => p.trim()).filter((p) => p !== '');
  const whole = [name, ...(parts.length > 1 ? parts : [])];
  return [...new Set(whole.map((n) => comparableText(n.replace(LEGAL_FORM_PREFIX, ''))).filter((f) => f !== ''))];
}

/**
 * Every form of an entry's names and aliases, in whichever language column they sit. A name run together with one
 * of its aliases (the CSV's `ベルインヴェストバンクベラルーシ開発復興銀行` for `ベルインヴェストバンク（ベラルーシ開発復興
 * 銀行）`) is a form too.
 */
export function nameUniverse(d: Designation): Set<string> {
  const names = [d.name.ja, d.name.en].filter((n): n is string => n !== null);
  const aliases = [...d.aliases.ja, ...d.aliases.en];
  const forms = new Set([...names, ...aliases].flatMap(nameForms));
  for (const name of names) for (const alias of aliases) for (const form of nameForms(name + alias)) forms.add(form);
  return forms;
}

/** A list's forms regardless of language (former names, low-quality aliases). */
export function listUniverse(values: readonly string[], formsOf: (v: string) => string[]): Set<string> {
  return new Set(values.flatMap(formsOf));
}

/**
 * A position or title as the facts it states: `X and Y` / `X; Y` / `X 及び Y` are two facts; `X (Y)` states X and
 * Y (`President of Central Bank (Da Afghanistan Bank)` is split into two positions by the CSV); `X（別称：Y）Z` is
 * `XZ` and `YZ` (`ナムチョンガン（別称：ナムハン）の代表者`).
 */
export function positionForms(value: string): string[] {
  const text = value.normalize('NFKC');
  const alternative = /^(.*?)\s*\((?:別称|別名|a\s*\.\s*k\s*\.\s*a\s*\.?)\s*[:：,、]?\s*([^()]+)\)\s*(.*)$/i.exec(text);
  if (alternative) {
    const [, head, other, tail] = alternative as unknown as [string, string, string, string];
    // `Representative of Namchongang (a.k.a. Namhung)`: the alias stands for as many words as it has.
    const words = head.trim().split(/\s+/);
    const replaced = tail === '' && words.length > 1 ? [...words.slice(0, -other.trim().split(/\s+/).length), other].join(' ') : other;
    return [...positionForms(`${head}${tail}`), ...positionForms(`${replaced}${tail}`)];
  }
  const pieces = text
    .split(/;|\s+and\s+|及び|\(|\)/i)
    .map((p) => comparableText(p))
    .filter((p) => p !== '');
  // `３月２３日運動（M23）の旅団指揮官、大佐`: the head before の is shared by the posts listed after it, and the CSV
  // writes it out for each (`３月２３日運動（M23）の大佐`, 009-000031).
  const shared = SHARED_HEAD.exec(text);
  if (shared) pieces.push(...shared[2]!.split('、').flatMap((post) => positionForms(`${shared[1]}${post}`)));
  return [...new Set(pieces)];
}

/** A Japanese list of posts after one head: `HのA、B` (no の in the posts, so the head is the whole of what they share). */
const SHARED_HEAD = /^(.+の)([^、の]+(?:、[^、の]+)+)$/;

/** Small kana and the long-vowel mark vary between transliterations of one title (`マウラヴィ` / `マウラヴ`). */
export function titleForms(value: string): string[] {
  return positionForms(value).map((f) => f.replace(/[ァィゥェォッャュョヮーｧｨｩｪｫｯｬｭｮｰ]/g, ''));
}

/**
 * An address as the places it states, per language: each `;`-separated part with the country apart, whether the
 * country was written at the end of the part (workbook) or in its own column (CSV). `Kabul,` and `Kabul` agree.
 */
export function addressForms(a: Address, language: 'ja' | 'en'): string[] {
  const country = a.country[language];
  const detail = a.detail[language];
  if (country === null && detail === null) return [];
  const countryForm = comparableText(country);
  const parts = (detail ?? '').split(/[;；]/).map((part) => {
    const trimmed = part.trim().replace(/[\s,，、]+$/, '');
    if (!country) return trimmed;
    const at = trimmed.toLowerCase().lastIndexOf(country.toLowerCase());
    const ending = at >= 0 && at + country.length === trimmed.length ? trimmed.slice(0, at) : trimmed;
    return ending.replace(/[\s,，、]+$/, '');
  });
  const forms = parts.map((p) => `${countryForm}|${comparableText(p)}`);
  return [...new Set(forms.length > 0 ? forms : [`${countryForm}|`])];
}

/**
 * One part of an address without the comma MOF leaves where it cut the country off the street address
 * (`Kabul,` + `Afghanistan`), so that joining the parts never writes `Kabul,, Afghanistan`.
 */
export function addressPart(value: string | null): string | null {
  return value === null ? null : value.trim().replace(/[\s,，、]+$/, '') || null;
}

/** An address in one language as "detail, country", for exports. */
export function addressLine(a: Address, lang: 'ja' | 'en'): string {
  return [addressPart(a.detail[lang]), addressPart(a.country[lang])].filter(Boolean).join(', ');
}

/** One line for an address, country last: `Kabul, Afghanistan`, never `Kabul,, Afghanistan`. */
export function formatAddress(a: Address): string {
  const ja = [addressPart(a.detail.ja), addressPart(a.country.ja)].filter(Boolean).join(' ');
  const en = [addressPart(a.detail.en), addressPart(a.country.en)].filter(Boolean).join(', ');
  return [ja, en].filter(Boolean).join(' / ');
}

/**
 * One fact a value states, as the diff compares it: `form` decides sameness within the field (a country as its
 * code, a date as ISO); `text` is the fact in comparable letters, to find it stated elsewhere in an entry (its
 * notice text, another column).
 */
export interface Piece {
  form: string;
  text: string;
}

/** Characters of Japanese script: a value holding them is written in Japanese. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * A parenthesised Latin rendering inside Japanese text (`ギセニ（Gisenyi）`, `イラン原子力庁(AEOI)`): the workbook
 * glosses a Japanese word with its English form, the CSV leaves the gloss to the English column. It states nothing
 * the word does not.
 */
const LATIN_GLOSS = /[(（]\s*[A-Za-z][A-Za-z0-9\s.,'’\-–&/]*[)）]/g;

/**
 * Qualifiers one format writes and the other drops: the workbook's 「…」(自称) / Self-proclaimed "…" around the
 * posts and names of Russia's occupation authorities, and quotation marks in general. The CSV states the post
 * bare; the qualifier says how MOF describes it, not a different post.
 */
const SELF_PROCLAIMED = /[(（]\s*自称\s*[)）]|自称の?|self[- ]proclaimed|so[- ]called|russian[- ]imposed/gi;
const QUOTES = /[「」『』“”"‘’]/g;

/**
 * Parenthesised notes on when or how a place or fact held (`（2014年6月時点）`, `（以前の住所）`, `(Domicile)`,
 * `（現在の所在地、2016年7月時点）`): the workbook keeps them beside the value, the CSV's split columns drop them.
 * Read as notes on the value, never as a value of their own; so is a pointer to another entry
 * (`［概要の説明は本リストの199番を参照］`).
 */
const NOTE = /参照$|時点|以前|以降|過去|現在|可能性|推定|報告によれば|報告されている住所|居住地?$|^居住|所在$|domicile|previous|formerly|former address|as of|reportedly/i;

/** Where one format lists facts one by one and the other joins them in a sentence. */
const SEPARATOR = /[;；、。\n]|,\s+|，|\s+and\s+|及び|又は|または|\s+or\s+|\s[–—]\s|^・|・$/gi;

/**
 * A word followed by its other spelling in parentheses, `Luhansk(Lugansk)`, `Donbass (Donbas)`, `Sanatan (または
 * Sanatin)`: the workbook states both spellings in one value, the CSV states the value once per spelling. Read as
 * both values. Only a spelling of the same initial counts (`Works (MMK)` is an acronym, a fact of its own). The other
 * spelling may run to several words, a rendering of the street or place (`Geologicheskaya(Geologicheskaia Street)`,
 * `Kirova(Kirova Avenue)`): the CSV writes it in place of the word (`Ulitsa Geologicheskaia Street`) or of as many
 * words as it has (`Prospekt Kirova` → `Kirova Avenue`), so both are read. A match starts only where a word does
 * (the lookbehind): the same matches, without trying every letter of a long unspaced Japanese run as a start, which
 * made the search quadratic in the run's length.
 */
const VARIANT_SPELLING =
  /(?<![\p{L}\p{N}'’])([\p{L}\p{N}'’]+)\s*[(（]\s*(?:(?:または|or\s|variant\s)\s*)?([\p{L}\p{N}'’]+(?: [\p{L}\p{N}'’]+)*)\s*[)）]/gu;

/**
 * The value with each word's other spelling (VARIANT_SPELLING) in its place, wherever the word recurs in the value
 * (`Sanatan (またはSanatin) Bazaar, Sanatan Bazaar Street` is also `Sanatin Bazaar Street`, as the CSV writes it):
 * `narrow` with a rendering of several words in place of the one word, `wide` in place of as many words before it.
 */
function respelled(text: string): { narrow: string; wide: string } {
  const spellings = new Map<string, string>();
  let narrow = '';
  let wide = '';
  let from = 0;
  for (const match of text.matchAll(VARIANT_SPELLING)) {
    const [whole, word, other] = match as unknown as [string, string, string];
    if (!spellingOf(word, other)) continue;
    if (!other.includes(' ')) spellings.set(word, other);
    const before = text.slice(from, match.index);
    narrow += before + other;
    wide += withoutLastWords(before, other.split(' ').length - 1) + other;
    from = match.index + whole.length;
  }
  if (from === 0) return { narrow: text, wide: text };
  narrow += text.slice(from);
  wide += text.slice(from);
  // Most spellings are given for a word the value names once: no second search.
  if (![...spellings.keys()].some((word) => text.indexOf(word) !== text.lastIndexOf(word))) return { narrow, wide };
  const recurring = new RegExp(`(?<![\\p{L}\\p{N}'’])(${[...spellings.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}'’])`, 'gu');
  const everywhere = (written: string) => written.replace(recurring, (word) => spellings.get(word) ?? word);
  return { narrow: everywhere(narrow), wide: everywhere(wide) };
}

/** Whether a value holds a rendering of several words that may stand for as many words (statementReadings). */
export const hasWideRendering = (value: string): boolean => /[(（]/.test(value) && wideRendering(value);

const wideRendering = remembered((value: string): boolean => {
  const { spelled } = prepared(value);
  return spelled !== null && spelled.narrow !== spelled.wide;
});

const WORD_LETTER = /[\p{L}\p{N}'’]/u;

/** `text` without its last `count` words, each followed by one space (`Prospekt ` before `Kirova(Kirova Avenue)`). */
function withoutLastWords(text: string, count: number): string {
  let end = text.length;
  for (let dropped = 0; dropped < count && text[end - 1] === ' '; dropped++) {
    let start = end - 1;
    while (start > 0 && WORD_LETTER.test(text[start - 1]!)) start--;
    if (start === end - 1) break;
    end = start;
  }
  return text.slice(0, end);
}

/**
 * Whether `other` spells `word` another way: one word of the same initial (`Luhansk(Lugansk)`), or a rendering of
 * several words whose first is the word respelled, sharing its first four letters (`Geologicheskaya(Geologicheskaia
 * Street)`); `Federation (from Luhansk…)` is a remark, not a spelling.
 */
function spellingOf(word: string, other: string): boolean {
  const first = other.split(' ')[0]!.toLowerCase();
  const head = other.includes(' ') ? 4 : 1;
  return word.length >= head && word.slice(0, head).toLowerCase() === first.slice(0, head);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin place names joined by a bare comma (`Nyiragongo,North Kivu`, `Ndélé,Bamingui-Bangoran`): split like `, `. */
const LATIN_COMMA = /(?<=\p{Script=Latin}),(?=\p{Script=Latin})/gu;

/**
 * A list marker, `(a)` or `(ii)`, where a list item starts (`(a)Branch Office 1: (i)Shop number 1584, …`): the
 * workbook numbers the items of a cell, the CSV parts them with `;`. It states nothing, and goes as the parentheses
 * around a remark would (the text around it joined as before). Not after a letter or digit, where it names a part of
 * something (`主文26(b)`).
 */
const LIST_MARKER = /[(（](?<![\p{L}\p{N}][(（])\s*(?:[a-z]|[ivx]{1,4})\s*[)）]/giu;

/** `1965年頃` / `1965年`: 頃 (circa) qualifies a date the CSV states without it. */
const CIRCA = /頃|ころ|circa|approximately|approx\.?/gi;

/**
 * Labels one format writes before a value and the other leaves to its column: `(original script: …)` (also written
 * after the script), the workbook's `決議1483上の根拠：`, `指定の根拠：` and `詳細：` (regimes 5, 12, 39 and 7, whose
 * columns the CSV files under その他の情報, the first as `（決議1483上の根拠）`), `パスポート番号：` before a number in
 * the 旅券番号 column, and the language an alias is written in (`【ロシア語】`, `Ermias ティグリニャ語`).
 */
const LABEL =
  /original\s*scr?i?pt\s*[:：]|[:：]\s*original\s*scr?i?pt|previously listed as,?\s*in\s*arabic\s*[:：]|[(（]?決議1483上の根拠[)）]?\s*[:：]?|指定の根拠\s*[:：]|詳細\s*[:：]|(?:パスポート番号|旅券番号)\s*[:：]|【[^】]{1,12}語】|(?<=\s)[ァ-ヶー]{2,12}語(?=\s*$)/gi;

/**
 * How the UN's amendment dates are worded: `（2018年4月26日及び2019年3月1日修正）` in the workbook,
 * `（改訂日2018年４月26日及び2019年３月１日）` or `…に改訂）` in the CSV. The dates state the fact; the word goes.
 */
const AMENDED_WORDING = /改訂日|に改訂|改訂|修正/g;

const JAPANESE_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const SLASH_DATE = /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/g;
const YEAR_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/g;
const YEAR = /(\d{4})\s*年(?!\s*\d)/g;

const pad = (n: string) => n.padStart(2, '0');

/** A year, or a month and day after a full date in the same list, its year left out: `2025年10月6日、10月21日`. */
const YEAR_OR_YEARLESS_DATE = /(\d{4})\s*年|(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/**
 * Dates as ISO whichever way a format writes them (`2012年11月30日`, `2012/11/30`, `1965年`); a month and day
 * without a year take the year of the full date before them, as Japanese lists of dates write them.
 */
export function isoDates(text: string): string {
  let year: string | null = null;
  const withYears = text.replace(YEAR_OR_YEARLESS_DATE, (whole, y?: string, m?: string, d?: string) => {
    if (y !== undefined) {
      year = y;
      return whole;
    }
    return year === null ? whole : `${year}年${m}月${d}日`;
  });
  return withYears
    .replace(JAPANESE_DATE, (_m, y: string, m: string, d: string) => `${y}-${pad(m)}-${pad(d)}`)
    .replace(SLASH_DATE, (_m, y: string, m: string, d: string) => `${y}-${pad(m)}-${pad(d)}`)
    .replace(YEAR_MONTH, (_m, y: string, m: string) => `${y}-${pad(m)}`)
    .replace(YEAR, (_m, y: string) => y);
}

/**
 * Remembers a pure function's results for the strings one diff meets again and again (an entry's names in four
 * fields, both halves of a bilingual list), within a bound so that a long-lived process does not grow.
 */
function remembered<T>(compute: (value: string) => T, bound = 50_000): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let result = cache.get(value);
    if (result === undefined) {
      if (cache.size >= bound) cache.clear();
      result = compute(value);
      cache.set(value, result);
    }
    return result;
  };
}

/** A value brought to the letters its facts are compared in: qualifiers off, dates ISO, then comparableText. */
export const statedText = remembered(statedTextOf);

function statedTextOf(value: string): string {
  const text = value.normalize('NFKC').replace(SELF_PROCLAIMED, '').replace(QUOTES, '').replace(CIRCA, '').replace(LABEL, '');
  // After comparableText, which takes out the spaces MOF leaves inside words (`国連安全保 障理事会`).
  return comparableText(isoDates(text).replace(AMENDED_WORDING, '')).replace(SECURITY_COUNCIL, '安保理');
}

/** 安保理 is how both files shorten 国連安全保障理事会, one sentence in one file and not the other (003-000019). */
const SECURITY_COUNCIL = /安全保障理事会/g;

/** Text outside and inside parentheses or brackets (one level): `X（Y）Z` → outside `XZ`, inside [`Y`]. */
function parentheses(text: string): { outside: string; inside: string[] } {
  const inside: string[] = [];
  let outside = '';
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（' || ch === '［' || ch === '[') {
      if (depth === 0) current = '';
      else current += ch;
      depth++;
    } else if ((ch === ')' || ch === '）' || ch === '］' || ch === ']') && depth > 0) {
      depth--;
      if (depth === 0) inside.push(current);
      else current += ch;
    } else if (depth > 0) current += ch;
    else outside += ch;
  }
  if (depth > 0) inside.push(current);
  return { outside, inside };
}

export interface PieceOptions {
  /** A piece that names a country is that country, however spelt (`=AF`). */
  countries?: boolean;
  /** Notes may stand outside parentheses too (addresses: `2014年5月時点の所在地 / Syrian Arab Republic`). */
  notes?: boolean;
  /** A rendering of several words in parentheses stands for as many words before it (`Prospekt Kirova(Kirova Avenue)`). */
  wide?: boolean;
}

/** Remembered readers, one per combination of options (countries 1, notes 2, wide 4). */
const readers: ((value: string) => Piece[])[] = [];

/**
 * The facts a value states, each apart: a list joined into one cell (`X、Y`, `X; Y`, `X and Y`, `A又はB`) and a
 * parenthesised remark are facts of their own; glosses, qualifiers and notes go (see above). Both formats'
 * values come apart the same way, so a list split in one file and joined in the other states the same pieces.
 */
export function statementPieces(value: string, options: PieceOptions = {}): Piece[] {
  const combination = (options.countries ? 1 : 0) | (options.notes ? 2 : 0) | (options.wide ? 4 : 0);
  const read = (readers[combination] ??= remembered((v) => statementPiecesOf(v, options)));
  return read(value);
}

/**
 * The ways to read the facts a value states: its pieces, and, when a rendering in parentheses runs to several words,
 * its pieces with the rendering standing for as many words (`wide`); the other edition states the value when it
 * states every piece of either reading.
 */
export function statementReadings(value: string, options: PieceOptions = {}): Piece[][] {
  const narrow = statementPieces(value, options);
  return hasWideRendering(value) ? [narrow, statementPieces(value, { ...options, wide: true })] : [narrow];
}

/** A value without qualifiers, quotes, list markers and Latin glosses, and its spellings read (respelled). */
function prepared(value: string): { text: string; spelled: { narrow: string; wide: string } | null } {
  let text = value.normalize('NFKC').replace(SELF_PROCLAIMED, '').replace(QUOTES, '').replace(LIST_MARKER, ' ');
  // Glosses and spellings are parenthesised: most values have no parenthesis, and skip both searches.
  const parenthesised = /[(（]/.test(text);
  if (parenthesised && JAPANESE.test(text)) text = text.replace(LATIN_GLOSS, '');
  return { text, spelled: parenthesised ? respelled(text) : null };
}

function statementPiecesOf(value: string, options: PieceOptions = {}): Piece[] {
  const { text, spelled } = prepared(value);
  const variants = spelled ? [spelled[options.wide ? 'wide' : 'narrow']] : [];
  const pieces = new Map<string, Piece>();
  for (const written of new Set([text, ...variants])) {
    const { outside, inside } = parentheses(written);
    for (const [at, part] of [outside, ...inside].entries()) {
      for (const raw of part.replace(LATIN_COMMA, ', ').split(SEPARATOR)) {
        const trimmed = raw.trim();
        if (trimmed === '' || ((at > 0 || options.notes) && NOTE.test(trimmed))) continue;
        const form = statedText(trimmed);
        if (form === '') continue;
        const code = options.countries ? countryCode(trimmed) : null;
        pieces.set(form, { form: code ? `=${code}` : form, text: form });
      }
    }
  }
  return [...pieces.values()];
}
