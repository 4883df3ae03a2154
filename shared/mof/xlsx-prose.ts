import type { BilingualList } from '../domain/designation';
import { isJapanese } from './text';

/**
 * Reading the prose cells of the XLSX. The CSV publishes one value per column and language, `; `-separated; the
 * XLSX writes the same content as prose: `(a)… (b)…` enumerations, Japanese and English on separate lines, or
 * `English（日本語）` pairs. These helpers take such cells apart into the CSV's items.
 */

export type Language = 'ja' | 'en';

export function languageOf(text: string): Language {
  return isJapanese(text) ? 'ja' : 'en';
}

/** A top-level piece of a string: plain text, or a bracketed group `(…)` / `（…）` with its inner text. */
export interface Segment {
  text: string;
  group: boolean;
  inner: string;
}

/**
 * Splits a string into top-level text runs and bracketed groups. Half- and full-width brackets pair with each
 * other, because MOF mixes them (`（a.k.a. … )`). A group left open runs to the end of the string; a stray
 * closing bracket is text.
 */
export function segments(value: string): Segment[] {
  const result: Segment[] = [];
  const push = (end: number, group: boolean) => {
    const text = value.slice(start, end);
    if (text !== '') result.push({ text, group, inner: group ? stripBrackets(text) : text });
    start = end;
  };
  let start = 0;
  let depth = 0;
  // Brackets are single UTF-16 units, so scanning code units cannot split a character that matters.
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(' || ch === '（') {
      if (depth === 0) push(i, false);
      depth++;
    } else if ((ch === ')' || ch === '）') && depth > 0 && --depth === 0) {
      push(i + 1, true);
    }
  }
  push(value.length, depth > 0);
  return result;
}

function stripBrackets(group: string): string {
  return group.replace(/^[(（]/, '').replace(/[)）]$/, '').trim();
}

const separatorPatterns = new Map<string, RegExp>();

/** Splits at every top-level occurrence of one of the separator characters. */
export function splitTopLevel(value: string, separators: string): string[] {
  let pattern = separatorPatterns.get(separators);
  if (!pattern) separatorPatterns.set(separators, (pattern = new RegExp(`[${separators}]`)));
  const parts: string[] = [];
  for (const segment of segments(value)) {
    if (segment.group) {
      parts.push((parts.pop() ?? '') + segment.text);
      continue;
    }
    const pieces = segment.text.split(pattern);
    parts.push((parts.pop() ?? '') + (pieces.shift() ?? ''));
    parts.push(...pieces);
  }
  return parts;
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

/**
 * Splits an `(a)X (b)Y` / `（a）X（b）Y` / `(i)X (ii)Y` enumeration into its items, or returns null when there is
 * none. Markers must run in order from `(a)` or `(i)`, so a stray `(b)` in prose (`決議第1483号23(b)`) is not one.
 * Text before `(a)` is a lead-in shared by the items and is kept on the first
 * (`番号: (a)2132370 (b)812673` → `番号: 2132370`, `812673`, as the CSV writes it).
 */
export function splitEnumeration(value: string): string[] | null {
  // Markers are bracketed groups: a value without an opening bracket (most) has none.
  if (!/[(（]/.test(value)) return null;
  const parts = segments(value);
  const markerAt: number[] = [];
  let sequence: readonly string[] | null = null;
  for (const [index, segment] of parts.entries()) {
    const label = segment.group ? segment.inner.toLowerCase() : '';
    if (!/^([a-z]|[ivx]{1,4})$/.test(label)) continue;
    sequence ??= label === 'a' ? LETTERS : label === 'i' ? ROMANS : null;
    if (sequence?.[markerAt.length] === label) markerAt.push(index);
  }
  const text = (from: number, to: number) => parts.slice(from, to).map((s) => s.text).join('');
  const lead = text(0, markerAt[0] ?? 0).trim();
  // A lone `(a)` counts only at the very start (`(a)Pul-e-Khumri or …`, whose (b) MOF never wrote).
  if (markerAt.length === 0 || (markerAt.length === 1 && lead !== '')) return null;
  const items = markerAt.map((at, i) => text(at + 1, markerAt[i + 1] ?? parts.length));
  if (lead !== '' && !/^[:：]$/.test(lead)) items[0] = `${lead} ${items[0]}`;
  return items.map(cleanItem).filter((item) => item !== '');
}

/**
 * Trims an item and the list punctuation left around it (`…、` before `(b)`, a leading `：` or bullet `・`), and
 * a closing bracket that closes nothing (`(a)Noor ud Din Turabi (b) Haji Karim)`).
 */
export function cleanItem(item: string): string {
  const trimmed = item
    .replace(/^[\s:：、,;；・]+/, '')
    .replace(/[\s、,;；]+$/, '')
    .trim();
  // Brackets are counted only for an item that ends in one (few do).
  if (!/[)）]$/.test(trimmed)) return trimmed;
  const opened = (trimmed.match(/[(（]/g) ?? []).length;
  const closed = (trimmed.match(/[)）]/g) ?? []).length;
  return closed > opened ? trimmed.slice(0, -1).trim() : trimmed;
}

/** Items of a list cell: an enumeration if there is one, otherwise `;` / `；` / line breaks outside brackets. */
export function listItems(value: string): string[] {
  const enumerated = splitEnumeration(value);
  const items = enumerated ?? splitTopLevel(value, ';；\n');
  return items.map(cleanItem).filter((item) => item !== '' && item !== '不明');
}

/** Lines of a cell, trimmed, blank ones dropped. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Joins continuation lines of one language: English words with a space, Japanese without one (a Japanese line
 * break falls inside a word: `ゼネラル・ディ⏎レクター`).
 */
export function joinLines(parts: readonly string[]): string {
  return parts.reduce((joined, line) => {
    if (joined === '') return line;
    const glue = isJapanese(joined.slice(-1)) && isJapanese(line.slice(0, 1)) ? '' : ' ';
    return joined + glue + line;
  }, '');
}

/** Collapses runs of whitespace (including U+3000) into one space; for Latin text. */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Takes one item apart by script: `Mullah（ムラー）` → en Mullah, ja ムラー. A Japanese bracket at the start of an
 * English item (`（タリバーン統治下）Foreign Minister（外務大臣）`) is a qualifier of the Japanese side. An item in
 * one script goes to that language whole.
 *
 * `ユン・ホチン（Yun Ho-chin）` (Japanese first) is split only where asked: in name cells it pairs two spellings of
 * one name, but in other prose a Latin bracket after Japanese is part of the text (`…コーポレーション（KOMID）`,
 * `南スーダン、ボル（Bor）`).
 */
export function splitByScript(item: string, japaneseFirst = false): { ja: string | null; en: string | null } {
  const parts = segments(item.trim());
  const tail = parts.at(-1);
  if (parts.length > 1 && tail?.group) {
    const head = parts.slice(0, -1);
    const headText = head.map((s) => s.text).join('').trim();
    // Brackets inside the head (`Leader of the Faithful (‘Amir ul-Mumineen’)`, a Japanese qualifier) do not say
    // which language it is written in.
    const headPlain = head.filter((s) => !s.group).map((s) => s.text).join('').trim();
    const headLanguage = languageOf(headPlain || headText);
    const tailLanguage = languageOf(tail.inner);
    const splits = headLanguage === 'en' || japaneseFirst;
    if (splits && headText !== '' && tail.inner !== '' && headLanguage !== tailLanguage) {
      let qualifier = '';
      if (headLanguage === 'en') {
        while (head[0]?.group && languageOf(head[0].inner) === 'ja') qualifier += head.shift()!.text;
      }
      const main = squash(head.map((s) => s.text).join(''));
      const translation = qualifier + tail.inner;
      return headLanguage === 'ja' ? { ja: main, en: translation } : { ja: translation, en: main };
    }
  }
  const whole = item.trim();
  const spaced = japaneseFirst ? JAPANESE_THEN_LATIN.exec(whole) : null;
  if (spaced) return { ja: spaced[1]!, en: squash(spaced[2]!) };
  return languageOf(whole) === 'ja' ? { ja: whole, en: null } : { ja: null, en: squash(whole) };
}

/**
 * `アルリビ Al-Libi`: a name in Japanese, a space, the same name in Latin letters (with lower case: `株式会社560 BTRZ`
 * is one name).
 */
const JAPANESE_THEN_LATIN = /^([^A-Za-z]*[\u3040-\u30ff\u3400-\u9fff])\s+([A-Z][^\u3040-\u30ff\u3400-\u9fff]*[a-z][^\u3040-\u30ff\u3400-\u9fff]*)$/;

export function emptyList(): BilingualList {
  return { ja: [], en: [] };
}

/** Adds items to a bilingual list, skipping blanks and repeats. */
export function pushItem(list: BilingualList, language: Language, item: string | null): void {
  const value = item?.trim();
  if (!value || value === '不明' || list[language].includes(value)) return;
  list[language].push(value);
}

/**
 * A bilingual list cell: positions, titles, places of birth, nationalities. Japanese and English usually stand on
 * separate lines (`ロシア連邦大統領⏎President of the Russian Federation`); a line that wraps continues the line
 * above, unless both languages have the same number of lines, which then pair up as items.
 */
export function bilingualList(cell: string | null): BilingualList {
  const list = emptyList();
  if (cell === null) return list;
  // `English （日本語）` pairs wrap anywhere, so such a cell is one text, not lines of one language each.
  const blocks = PAIRED.test(cell) ? [joinLines(lines(cell))] : languageBlocks(lines(cell));
  for (const block of blocks) {
    for (const item of listItems(block)) {
      const { ja, en } = splitByScript(item);
      pushItem(list, 'ja', ja);
      pushItem(list, 'en', en);
    }
  }
  return list;
}

/** Latin text followed by a bracket with Japanese in it: `Minister of Justice （司法大臣）`. */
const PAIRED = /[A-Za-z.,)]\s*[(（][^()（）]*[\u3040-\u30ff\u3400-\u9fff]/;

/** Groups lines into blocks of one language each (see bilingualList). */
function languageBlocks(cellLines: readonly string[]): string[] {
  const ja = cellLines.filter((line) => languageOf(line) === 'ja');
  const en = cellLines.filter((line) => languageOf(line) === 'en');
  if (ja.length > 1 && ja.length === en.length) return [...cellLines];
  const blocks: { language: Language; lines: string[] }[] = [];
  for (const line of cellLines) {
    const language = languageOf(line);
    const last = blocks.at(-1);
    if (last && last.language === language) last.lines.push(line);
    else blocks.push({ language, lines: [line] });
  }
  return blocks.map((block) => joinLines(block.lines));
}
