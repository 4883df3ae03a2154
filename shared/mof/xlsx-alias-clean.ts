import type { AliasNote, BilingualList } from '../domain/designation';
import { normalizeBirthDate } from './birth-dates';
import type { NameLists } from './xlsx-aliases';
import { cleanItem, languageOf, pushItem, segments, splitTopLevel, squash } from './xlsx-prose';

/**
 * The last pass over a workbook entry's aliases. An alias is a name a screening system searches for, so what MOF
 * writes around the names in an alias cell must come out of it:
 * - list markers the cell reader could not split on (`…　（ｂ）マジード…`, `…(e)Abu-Ahmad…`), which separate names;
 * - descriptors (`以前のリスト記載ぶり`, `誕生名`, `戦闘員名`, `(previously listed as)`, `the following three aliases:`,
 *   `and`), kept as a note on the alias they describe where they say something;
 * - birth clauses (`ファビオ・フスコ、１９６８年１２月１８日にチュニジアにて出生`, `1967年1月1日にカンダハールで出生`,
 *   `Fabio Fusco, born 18 Dec. 1968 in Tunisia`, `… son of Noor Mohmad, born in 1965 …`), which become a note on
 *   the alias, their dates joining the entry's dates of birth (as the CSV's 生年月日 has them).
 */
export interface CleanedAliases {
  notes: AliasNote[];
  datesOfBirth: string[];
}

/** A list marker inside an alias: `（ｂ）`, `(e)`, `（ｊ）`, `(m)`, a single letter in brackets. */
const MARKER = /\s*[（(]\s*[a-zａ-ｚ]\s*[）)]\s*/g;

/** Descriptors that stand alone where a name should be, and what they say (null: nothing worth keeping). */
const DESCRIPTORS: ReadonlyArray<[RegExp, string | null]> = [
  [/^(?:アラビア語による)?以前のリスト記載ぶり(?:【アラビア語】)?$/, 'previously listed as (以前のリスト記載ぶり)'],
  [/^previously\s+listed\s+as\.?(?:\s*in\s+arabic\s*:.*)?$/i, 'previously listed as (以前のリスト記載ぶり)'],
  [/^formerly\s+listed\s+as$/i, 'previously listed as (以前のリスト記載ぶり)'],
  [/^(?:誕生名|birth\s+name)$/i, 'birth name (誕生名)'],
  [/^(?:戦闘員名|combat\s+name|nom\s+de\s+guerre)$/i, 'nom de guerre (戦闘員名)'],
  [/^(?:この戦闘員名で良く知られる|prominently\s+known\s+by\s+this\s+nom\s+de\s+guerre)$/i, 'best known by this nom de guerre (この戦闘員名で良く知られる)'],
  [/^false\s+identity\b/i, 'false identity (偽名)'],
  [/^(?:and|or|及び|又は)$/i, null],
  [/^(?:the\s+following\s+\w+\s+aliases|a\.?k\.?a\.?)\s*[:：,]?$/i, null],
];

/** Where a birth clause starts in an alias: a Japanese date followed by 出生 / 生まれ, or English `born`, `son of`, `DOB:`. */
const JAPANESE_BIRTH = /[、,，\s（(]*(?:生年月日\s*[:：]|[0-9０-９]{4}\s*年(?=[^（）()]*?(?:出生|生まれ|生)))/;
const ENGLISH_BIRTH = /[,\s(]*\b(?:born\b|son of\b|DOB\s*:)/i;
/** What is left of an English birth clause after a marker split (`11 Apr. 1963. POB: Egypt…`). */
const BARE_BIRTH = /^(?:\d{1,2}\s+[A-Z][a-z]{2,}\.?\s*\d{4}\b|.*\bPOB\s*:)/;

/** What any marker, descriptor or birth clause needs; most aliases are plain names and skip the rest of the pass. */
const SUSPECT =
  /[()（）【】:：;；\d０-９]|\bborn\b|\bson of\b|listed|birth name|combat name|guerre|false identity|following|別名|出生|生まれ|記載|戦闘員|誕生名|^[-‐–—]|[A-Za-z]\.$|^(?:and|or|及び|又は|a\.?k\.?a\.?)$/i;

export function cleanAliases(lists: NameLists): CleanedAliases {
  const result: CleanedAliases = { notes: [], datesOfBirth: [] };
  for (const list of Object.values(lists)) {
    const items = [...list.ja.map((v) => ['ja', v] as const), ...list.en.map((v) => ['en', v] as const)];
    list.ja = [];
    list.en = [];
    for (const [language, raw] of items) {
      if (!SUSPECT.test(raw)) pushItem(list, language, raw);
      else for (const piece of splitMarkers(raw)) readPiece(piece, language, list, result);
    }
  }
  return result;
}

/**
 * `【アラビア語】` stands where the workbook's source had the name in Arabic script, which MOF did not carry over; it is
 * no part of the name.
 */
const SCRIPT_PLACEHOLDER = /【アラビア語】/g;

function splitMarkers(alias: string): string[] {
  return alias
    .replace(SCRIPT_PLACEHOLDER, (match, at: number) => (at === 0 || at + match.length === alias.length ? '' : match))
    .split(MARKER).map(cleanPiece).filter((p) => p !== '');
}

/** Trims list punctuation, a leading dash (`-GosNIImash.`), a trailing full stop after a Latin name, stray brackets. */
function cleanPiece(piece: string): string {
  let text = cleanItem(piece).replace(/^[-‐–—]\s*/, '');
  if (/[A-Za-z]\.$/.test(text) && !/\b[A-Z]\.$/.test(text)) text = text.slice(0, -1);
  const opened = (text.match(/[(（]/g) ?? []).length;
  const closed = (text.match(/[)）]/g) ?? []).length;
  if (opened > closed && /^[(（]/.test(text)) text = text.slice(1).trim();
  if (closed > opened && /[)）]$/.test(text)) text = text.slice(0, -1).trim();
  return text;
}

function readPiece(piece: string, listLanguage: 'ja' | 'en', list: BilingualList, result: CleanedAliases): void {
  const previous = () => list[listLanguage].at(-1) ?? list.ja.at(-1) ?? list.en.at(-1) ?? null;
  const note = (alias: string | null, text: string | null) => {
    if (alias !== null && text !== null && !result.notes.some((n) => n.alias === alias && n.note === text)) result.notes.push({ alias, note: text });
  };

  const descriptor = describe(piece);
  if (descriptor !== undefined) {
    note(previous(), descriptor);
    return;
  }
  // `（アブー・ドゥアー）この戦闘員名で良く知られる`, `أبو دعاء ((Abu Du’a； Abu Duaa’) prominently known by …)`.
  let text = piece;
  const notes: string[] = [];
  const names: string[] = [];
  // `KOMID(…)が調達活動を実施するために使用している別名。`: what the alias is used for.
  const usedFor = /が([^。]*)使用している別名。?$/.exec(text);
  if (usedFor) {
    notes.push(`${usedFor[1]}使用している別名`);
    text = text.slice(0, usedFor.index);
  }
  // A remark of whole sentences inside the alias (`…サブリ（…と関係のある偽名。いずれの書類も没収済み。）Abd al-Muhsin`):
  // a note, and the Japanese and Latin spellings around it are two aliases.
  const pieces = segments(text);
  const sentences = pieces.filter((s) => s.group && /。/.test(s.inner));
  if (sentences.length > 0) {
    notes.push(...sentences.map((s) => s.inner));
    const rest = pieces.filter((s) => !sentences.includes(s)).map((s) => s.text).join(' ');
    const pair = /^([^A-Za-z]*[\u3040-\u30ff\u3400-\u9fff])\s+([A-Za-z].*)$/.exec(squash(rest));
    if (pair) {
      names.push(pair[2]!);
      text = pair[1]!;
    } else {
      text = rest;
    }
  }
  // A whole item in brackets listing names: `(Yunis al-Mauritani; Younis al-Mauritani; …)`.
  const whole = segments(text);
  if (whole.length === 1 && whole[0]!.group && /[;；]/.test(whole[0]!.inner)) {
    for (const name of nameList(whole[0]!.inner)) readPiece(name, listLanguage, list, result);
    return;
  }
  for (;;) {
    const parts = segments(text);
    const tail = parts.at(-1);
    const head = parts.slice(0, -1).map((s) => s.text).join('').trim();
    if (!tail) break;
    if (tail.group) {
      const said = describe(tail.inner);
      if (said !== undefined) {
        if (said !== null) notes.push(said);
        text = head;
        continue;
      }
      // A bracket holding a list of names and a descriptor: `(Abu Du’a； Abu Duaa’) prominently known by …`.
      const inner = segments(tail.inner);
      const lead = inner[0];
      const rest = inner.slice(1).map((s) => s.text).join('').trim();
      if (lead?.group && rest !== '' && describe(rest) !== undefined) {
        names.push(...nameList(lead.inner));
        const said2 = describe(rest);
        if (said2) notes.push(said2);
        text = head;
        continue;
      }
      if (head !== '' && /[;；]/.test(tail.inner) && !isBirth(tail.inner)) {
        names.push(...nameList(tail.inner));
        text = head;
        continue;
      }
    }
    // `（アブー・ドゥアー）この戦闘員名で良く知られる`: a bracketed name followed by a descriptor.
    if (parts.length === 2 && parts[0]!.group && !tail.group) {
      const said = describe(tail.text.trim());
      if (said !== undefined) {
        if (said !== null) notes.push(said);
        text = parts[0]!.inner;
        continue;
      }
    }
    break;
  }

  const cut = birthClauseAt(text);
  let alias = cleanPiece(cut === null ? text : text.slice(0, cut));
  const clause = cut === null ? null : cleanClause(text.slice(cut));
  if (clause !== null) {
    result.datesOfBirth.push(...birthDates(clause).filter((d) => !result.datesOfBirth.includes(d)));
    names.push(...clauseNames(clause));
  }
  if (alias === '' || (clause === null && BARE_BIRTH.test(alias))) {
    // A birth clause standing alone belongs to the alias before it (`…ハイルハワ（1967年1月1日に…出生）`).
    const owner = previous();
    if (clause !== null) note(owner, clause);
    else if (alias !== '') note(owner, alias);
    for (const n of notes) note(owner, n);
    alias = '';
  } else {
    // A Latin name stays in the Japanese list where the cell reader put it (`ZZGT` on the Japanese line, as the CSV
    // has it); Japanese found in the English list (`シューマーン・グループ（a）NABIL…`) moves to the Japanese one.
    const language = languageOf(alias) === 'ja' ? 'ja' : listLanguage;
    const value = language === 'en' ? squash(alias) : alias;
    pushItem(list, language, value);
    if (clause !== null) note(value, clause);
    for (const n of notes) note(value, n);
  }
  for (const name of names) pushItem(list, languageOf(name) === 'ja' ? 'ja' : listLanguage, languageOf(name) === 'en' ? squash(name) : name);
}

/** What a descriptor says, null if nothing worth a note, undefined if the text is no descriptor. */
/**
 * `(Previously listed as. In Arabic: رياض محمد حسن محمد الحجازي)`: the earlier listing's name in Arabic script, kept
 * in the note (the CSV states it as an `original script` in その他の情報, 002-000201).
 */
const IN_ARABIC = /\bin\s+arabic\s*:\s*(.*\S)/i;

function describe(text: string): string | null | undefined {
  const value = cleanPiece(text);
  for (const [pattern, said] of DESCRIPTORS) {
    if (!pattern.test(value)) continue;
    const script = said === null ? undefined : IN_ARABIC.exec(value)?.[1];
    return script ? `${said}, in Arabic: ${script}` : said;
  }
  return undefined;
}

function isBirth(text: string): boolean {
  return birthClauseAt(text) !== null || BARE_BIRTH.test(text);
}

/** Where a birth clause starts, or null. */
function birthClauseAt(text: string): number | null {
  const ja = JAPANESE_BIRTH.exec(text);
  const en = ENGLISH_BIRTH.exec(text);
  const at = [ja?.index, en?.index].filter((i): i is number => i !== undefined);
  return at.length === 0 ? null : Math.min(...at);
}

function cleanClause(clause: string): string | null {
  const text = clause.replace(/^[\s、,，（(]+/, '').replace(/[\s、,，。]+$/, '').trim();
  return text === '' ? null : text;
}

function nameList(text: string): string[] {
  return splitTopLevel(text, ';；').map(cleanPiece).filter((n) => n !== '' && describe(n) === undefined);
}

/** Names given inside a birth clause: `born in 1971 in Samarra, Iraq (A; B; C)`. */
function clauseNames(clause: string): string[] {
  return segments(clause)
    .filter((s) => s.group && /[;；、]/.test(s.inner) && !/\d/.test(s.inner))
    .flatMap((s) => splitTopLevel(s.inner, ';；、').map(cleanPiece))
    .filter((n) => n !== '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date of birth in English: `18 Dec. 1968`, `01 Jan.1967`, `13 April 1964`, or a year. */
const ENGLISH_DATE = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s*(\d{4})\b|\b(\d{4})\b/;

/**
 * Dates of birth a clause states, not the other dates in it (a passport's issue and expiry): in Japanese the
 * dates right before 出生 / 生まれ / `生年月日：`'s list, in English the first date after `born` / `DOB:`.
 */
export function birthDates(clause: string): string[] {
  const text = clause.normalize('NFKC');
  const dates: string[] = [];
  const dob = /生年月日\s*[:：]([^。]*)/.exec(text)?.[1];
  const japanese = dob ?? text.match(/(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?[^、。\d]*?(?:出生|生まれ|生)/g)?.join('、') ?? '';
  for (const m of japanese.matchAll(/(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/g)) {
    dates.push(m[3] ? normalizeBirthDate(`${m[1]}年${m[2]}月${m[3]}日`) : m[2] ? `${m[1]}年${m[2]}月` : `${m[1]}年`);
  }
  if (dates.length > 0) return dates;
  const after = /\b(?:born|DOB\s*:)(.*)$/i.exec(text)?.[1] ?? '';
  const m = ENGLISH_DATE.exec(after.split(/\bpassport\b|\bissued\b/i)[0]!);
  if (m?.[4]) return [`${m[4]}年`];
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  return m && month >= 0 ? [normalizeBirthDate(`${m[3]}年${month + 1}月${Number(m[1])}日`)] : [];
}
