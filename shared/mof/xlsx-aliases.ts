import type { BilingualList } from '../domain/designation';
import type { NameListField } from './xlsx-columns';
import { isCountryName } from './xlsx-countries';
import {
  cleanItem,
  emptyList,
  languageOf,
  lines,
  pushItem,
  segments,
  splitByScript,
  splitEnumeration,
  splitTopLevel,
  squash,
  type Language,
} from './xlsx-prose';

/**
 * Alias cells of the XLSX (別名, 別称・旧称, 確定に十分でない別名, …), which the CSV publishes pre-split into
 * 別名・別称 / 旧称 / 確定に十分でない別名 columns per language. The XLSX writes them as prose:
 * `（別称、A、B及びC）⏎（a.k.a. X, a.k.a. Y, f.k.a. Z）`, `A・カビール⏎ (a.k.a.: A. Kabir)`,
 * `ja1; ja2 ⏎⏎ en1; en2`, `(a)ja（en）(b)ja（en）`, `（別称）X⏎X'⏎（旧称）Y⏎Y'`.
 */

export type NameLists = Record<NameListField, BilingualList>;

export function emptyNameLists(): NameLists {
  return { aliases: emptyList(), formerNames: emptyList(), weakAliases: emptyList() };
}

/** `（別称、…）`, `（旧称、…）`: Japanese alias prose. */
export const JAPANESE_PROSE = /^(別称|別名|旧称)\s*[、,，：:]/;
/** `(a.k.a. …)`, `(f.k.a. …)`, also spaced (`f.k.a .`). */
export const ENGLISH_PROSE = /^[af]\s*\.\s*k\s*\.\s*a\b/i;
/** Labels MOF puts after an alias that was the entry's earlier listed name; the CSV drops them too. */
const LISTING_LABEL = /^(以前掲載の氏名|formerly listed as)$/i;

/** Reads an alias cell into the lists; returns remarks found in it (`（リビア旅券番号：215215）`). */
export function readAliasCell(cell: string, field: NameListField, into: NameLists): string[] {
  const notes: string[] = [];
  const rest: string[] = [];
  for (const segment of segments(cell)) {
    if (segment.group && JAPANESE_PROSE.test(segment.inner)) readJapaneseProse(segment.inner, field, into);
    else if (segment.group && ENGLISH_PROSE.test(segment.inner)) readEnglishProse(segment.inner, field, into);
    else rest.push(segment.text);
  }
  // A block is one language's list (`ja1; ja2 ⏎⏎ en1; en2`); its lines stay apart, unless an enumeration runs over
  // them. `ZZGT` on the Japanese line is a Japanese alias, as the CSV has it.
  const blocks: AliasBlock[] = [];
  for (const line of markedLines(rest.join(''), field)) {
    const last = blocks.at(-1);
    if (last && last.language === line.language && last.field === line.field) last.text += `\n${line.text}`;
    else blocks.push({ language: line.language, field: line.field, text: line.text, items: [] });
  }
  for (const block of blocks) {
    const enumerated = splitEnumeration(block.text);
    block.items = (enumerated ?? splitTopLevel(block.text, ';；、\n')).map(cleanItem);
    if (enumerated) block.language = null;
  }
  splitParallelList(blocks);
  for (const { language, field: list, items } of blocks) {
    for (const item of items) readAliasItem(item, into[list], notes, language);
  }
  return notes;
}

interface AliasBlock {
  /** Null for an enumeration, whose items each say their language (`(a)ja（en）(b)…`). */
  language: Language | null;
  field: NameListField;
  text: string;
  items: string[];
}

interface AliasLine {
  text: string;
  language: Language;
  field: NameListField;
  marked: boolean;
}

/** `（別称）X`, `（旧称）X`, `旧称：X`, `f.k.a. X` at the start of a line say which list the line belongs to. */
const LINE_MARKER = /^\s*(?:[（(]\s*(別称|別名|旧称|旧姓)\s*[）)]|(別称|別名|旧称)\s*[：:]|([af])\s*\.\s*k\s*\.\s*a\s*\.?\s*[:：]?)\s*/i;
/** `X、旧称：Y` / `X, f.k.a. Y` switch to former names within a line. */
const INLINE_FORMER = /、\s*旧称\s*[：:]\s*|,\s*f\s*\.\s*k\s*\.\s*a\s*\.?\s*/i;

/**
 * The lines of an alias cell with the list each belongs to (sheets 14 and 16):
 * `（別称）X⏎X'⏎（旧称）Y⏎Y'`. An unmarked line takes the list of the line at the same place in the other language,
 * when both languages have as many lines (`（別称）A⏎（旧称）B⏎A'⏎f.k.a. B'`), and the column's list otherwise.
 */
function markedLines(text: string, field: NameListField): AliasLine[] {
  const marked: AliasLine[] = [];
  for (const line of lines(text)) {
    line.split(INLINE_FORMER).forEach((part, index) => {
      const marker = LINE_MARKER.exec(part);
      const word = marker?.[1] ?? marker?.[2] ?? marker?.[3] ?? (index > 0 ? '旧称' : null);
      const body = marker ? part.slice(marker[0].length) : part;
      if (body.trim() === '') return;
      marked.push({ text: body, language: languageOf(body), field: word ? listOf(word, field) : field, marked: word !== null });
    });
  }
  const ja = marked.filter((line) => line.language === 'ja');
  const en = marked.filter((line) => line.language === 'en');
  if (ja.length === en.length) {
    ja.forEach((line, i) => {
      const other = en[i]!;
      if (!line.marked && other.marked) line.field = other.field;
      else if (line.marked && !other.marked) other.field = line.field;
    });
  }
  return marked;
}

function listOf(marker: string, field: NameListField): NameListField {
  if (/^(旧称|旧姓|f)$/i.test(marker)) return 'formerNames';
  return field === 'formerNames' ? 'aliases' : field;
}

/**
 * `アフメド・ガルバヤ、サイード、サミール・サルワン⏎（Ahmed Garbaya, Sa-id, Samir Salwwan）`: the English list
 * is comma-separated, which a name may be too (`Aid Organization of the Ulema, Pakistan`); it is split only when
 * the Japanese list beside it has exactly as many names.
 */
function splitParallelList(blocks: AliasBlock[]): void {
  if (blocks.length !== 2) return;
  const ja = blocks.find((b) => b.language === 'ja');
  const en = blocks.find((b) => b.language === 'en');
  if (!ja || !en || ja.items.length < 2 || en.items.length !== 1) return;
  const only = segments(en.items[0]!);
  const inner = only.length === 1 && only[0]!.group ? only[0]!.inner : en.items[0]!;
  const parts = splitTopLevel(inner, ',').map(cleanItem);
  if (parts.length === ja.items.length) en.items = parts;
}

/**
 * `別称、A、B及びC、旧称、D`: 、 separates, 及び joins the last item of a run, and 別称 / 旧称 switch the list.
 * Only the last item of a run is split at 及び, because a name may contain 及び itself (`…研究所及びミクロン工場`).
 */
export function readJapaneseProse(inner: string, field: NameListField, into: NameLists): void {
  let list = into[field];
  let run: string[] = [];
  const finish = () => {
    const last = run.pop();
    if (last !== undefined) run.push(...splitLastConjunction(last));
    for (const item of run) pushItem(list, 'ja', item);
    run = [];
  };
  for (const token of splitTopLevel(inner, '、,，').map(cleanItem)) {
    const switched = /^(別称|別名|旧称)\s*[：:]?\s*(.*)$/.exec(token);
    if (switched) {
      finish();
      list = switched[1] === '旧称' ? into.formerNames : into[field === 'formerNames' ? 'aliases' : field];
      if (switched[2]) run.push(switched[2]);
    } else if (token !== '') {
      run.push(token);
    }
  }
  finish();
}

function splitLastConjunction(item: string): string[] {
  const at = item.lastIndexOf('及び');
  if (at <= 0 || at + 2 >= item.length) return [item];
  return [item.slice(0, at), item.slice(at + 2)].map(cleanItem);
}

/**
 * `a.k.a. X, a.k.a. Y; f.k.a. Z`, also `a.k.a.: (a)X (b)Y`. Commas inside a name (`CO., LTD`) stay. A marker starts
 * after no full stop: the last `a.` of `a.k.a. K.A. Valiev…` and the initials after it are no second marker.
 */
export function readEnglishProse(inner: string, field: NameListField, into: NameLists): void {
  for (const piece of inner.split(/[,;；，]?\s*(?<![.．]\s*)(?=\b[af]\s*\.\s*k\s*\.\s*a\b)/i)) {
    const marker = /^([af])\s*\.\s*k\s*\.\s*a\s*\.?\s*[:：]?\s*/i.exec(piece);
    if (!marker) continue;
    const list = marker[1]!.toLowerCase() === 'f' ? into.formerNames : into[field === 'formerNames' ? 'aliases' : field];
    const content = piece.slice(marker[0].length);
    const items = splitEnumeration(content) ?? splitTopLevel(content, ';；');
    for (const item of items.map(cleanItem)) pushItem(list, 'en', squash(withoutLabels(item)));
  }
}

function withoutLabels(item: string): string {
  return segments(item)
    .filter((s) => !(s.group && LISTING_LABEL.test(s.inner)))
    .map((s) => s.text)
    .join('');
}

/** A remark rather than a name: it carries a colon or a list (`リビア旅券番号：215215`, `…の息子、1965年に…`). */
export function isRemark(text: string): boolean {
  return /[:：、，]/.test(text);
}

/**
 * One alias: `ja（en）` pairs the two spellings; `名（訳）` in one script is two aliases, as the CSV lists them
 * (`バズ・グラン・グリフ（グラン・グリフの基地）`); a bracketed remark goes to the notes.
 */
function readAliasItem(raw: string, list: BilingualList, notes: string[], lineLanguage: Language | null): void {
  const item = withoutLabels(raw).trim();
  const parts = segments(item);
  if (parts.length === 0) return;
  const push = (alias: string) => pushAlias(list, alias, lineLanguage);
  const tail = parts.at(-1)!;
  if (parts.length === 1 && tail.group) {
    if (isRemark(tail.inner)) notes.push(tail.text);
    else push(tail.inner);
    return;
  }
  if (tail.group && isRemark(tail.inner)) {
    notes.push(tail.inner);
    push(parts.slice(0, -1).map((s) => s.text).join(''));
    return;
  }
  const head = parts.slice(0, -1).map((s) => s.text).join('').trim();
  // `ウレマ援助組織（パキスタン）`: a bracketed country names a branch, it is no second name.
  if (tail.group && head !== '' && languageOf(head) === languageOf(tail.inner) && !isCountryName(tail.inner)) {
    push(head);
    push(tail.inner);
    return;
  }
  const { ja, en } = splitByScript(item, true);
  if (ja !== null && en !== null) {
    pushItem(list, 'ja', ja);
    pushItem(list, 'en', en);
  } else {
    push(ja ?? en ?? '');
  }
}

function pushAlias(list: BilingualList, alias: string, lineLanguage: Language | null): void {
  const text = alias.trim();
  if (text === '') return;
  const language = lineLanguage ?? languageOf(text);
  pushItem(list, language, language === 'en' ? squash(text) : text);
}

