/** Cell-level text helpers shared by the CSV and XLSX readers. */

/** Trims a cell; blank, `不明` (unknown) and `-` are no value. `_x000D_` is OOXML's escape for a carriage return. */
export function cellText(value: string | null | undefined): string | null {
  if (value == null) return null;
  // Most cells have neither; the replacements would copy every one of them.
  const escaped = value.includes('_x000D_') ? value.replace(CR_ESCAPE, '\n') : value;
  const text = (escaped.includes('\r') ? escaped.replace(CR_LINE_END, '\n') : escaped).trim();
  if (text === '' || text === '不明' || text === '-' || text === '－') return null;
  return text;
}

/**
 * Splits a list cell at `;` / `；` (and line breaks) outside parentheses: MOF writes `；` inside parenthesised
 * remarks too (`1960年頃（…；…）`), and those must stay whole.
 */
export function splitList(value: string | null): string[] {
  if (value == null) return [];
  const parts: string[] = [];
  const keep = (part: string) => {
    const trimmed = part.trim();
    if (trimmed !== '' && trimmed !== '不明') parts.push(trimmed);
  };
  // Cut at separators by position (slices, not a string built a character at a time).
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === OPEN || c === WIDE_OPEN) depth++;
    else if ((c === CLOSE || c === WIDE_CLOSE) && depth > 0) depth--;
    else if (depth === 0 && (c === SEMICOLON || c === WIDE_SEMICOLON || c === NEWLINE)) {
      keep(value.slice(from, i));
      from = i + 1;
    }
  }
  keep(value.slice(from));
  return parts;
}

const CR_ESCAPE = /_x000D_/g;
const CR_LINE_END = /\r\n?/g;
const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const WIDE_OPEN = 0xff08; // （
const WIDE_CLOSE = 0xff09; // ）
const SEMICOLON = 0x3b; // ;
const WIDE_SEMICOLON = 0xff1b; // ；
const NEWLINE = 0x0a;

/** True when a string is written mostly in Japanese script (kana, kanji, full-width forms). */
export function isJapanese(text: string): boolean {
  let japanese = 0;
  let latin = 0;
  // Code units, not regular expressions per character: the XLSX reader asks this of every line and item.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff66 && c <= 0xff9f)) japanese++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return japanese > 0 && japanese >= latin / 4;
}
