/** Cell-level text helpers shared by the CSV and XLSX readers. */

/** Trims a cell; blank, `不明` (unknown) and `-` are no value. `_x000D_` is OOXML's escape for a carriage return. */
export function cellText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value.replace(/_x000D_/g, '\n').replace(/\r\n?/g, '\n').trim();
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
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    if (depth === 0 && (ch === ';' || ch === '；' || ch === '\n')) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '' && p !== '不明');
}

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
