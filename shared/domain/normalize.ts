/**
 * Comparison forms. Two values whose comparison forms are equal differ only cosmetically: character width
 * (`１９６８` / `1968`), spacing, punctuation, case, or the order of a list. The published text is always kept
 * for display; these forms only decide whether a difference is material.
 */

// Punctuation MOF varies between editions: ASCII and full-width marks, the katakana middle dot, quotes, dashes.
const PUNCTUATION = /[\s.,;:'"`、。，．・･\-‐‑–—―/()（）「」『』“”‘’［］\[\]]/g;

export function comparableText(value: string | null): string {
  if (value === null) return '';
  return value.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '');
}

const LATIN_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/**
 * Letters as a name search reads them: width (NFKC), case, Latin diacritics and letters (ß, ø, ł…), hiragana as
 * katakana. Punctuation and spacing are left to the caller: screening splits names into words, countries drop both.
 */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[ßøłđæœıþ]/g, (c) => LATIN_LETTERS[c]!)
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** A list compared as a set: order and repeats do not matter, blank items do not count. */
export function comparableList(values: readonly string[]): string[] {
  return [...new Set(values.map(comparableText).filter((v) => v !== ''))].sort();
}

export function sameText(a: string | null, b: string | null): boolean {
  return comparableText(a) === comparableText(b);
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  const left = comparableList(a);
  const right = comparableList(b);
  return left.length === right.length && left.every((v, i) => v === right[i]);
}
