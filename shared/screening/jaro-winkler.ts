/**
 * Jaro-Winkler similarity (Winkler 1990): the measure OFAC's Sanctions List Search and moov-io/watchman use for
 * names. Written here rather than taken from npm because the screening loop calls it millions of times per
 * customer file: this version allocates one reusable flag buffer instead of two arrays per call, and the
 * candidates on npm either pull in a whole NLP toolkit or are unmaintained single-file packages. It follows the
 * textbook definition (match window ⌊max/2⌋−1, transpositions halved, prefix of up to 4 scaled by 0.1, the boost
 * applied only above 0.7), and test/unit/screening/jaro-winkler.test.ts checks it against published values.
 */
let flags = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flags.length < la + lb) flags = new Uint8Array(2 * (la + lb));
  flags.fill(0, 0, la + lb);
  // Ternaries and `>>` rather than Math.*: under Jest's sandbox each Math call costs a microsecond or more.
  const longer = la > lb ? la : lb;
  const window = longer < 4 ? 0 : (longer >> 1) - 1;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0;
    const to = i + window < lb - 1 ? i + window : lb - 1;
    for (let j = from; j <= to; j++) {
      if (flags[la + j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      flags[i] = 1;
      flags[la + j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!flags[i]) continue;
    while (!flags[la + j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Jaro-Winkler is lenient with short words: it scores a short word found inside a longer one highly (OGAWA in
 * BOGATOVA: 0.875), and one letter off in a four-letter word still scores above 0.8. Two tokens of clearly
 * different lengths are discounted by their length ratio, as watchman does; two short ones by squaring.
 */
export function lengthAware(a: string, b: string): number {
  const similarity = jaroWinkler(a, b);
  if (similarity === 1) return 1;
  // In words of four letters or fewer one letter is a quarter of the word (KENJI/KONY fold to keni/koni, 0.83).
  if (a.length <= 4 && b.length <= 4) return similarity * similarity;
  const ratio = a.length < b.length ? a.length / b.length : b.length / a.length;
  return ratio < 0.8 ? similarity * ratio ** 0.25 : similarity;
}
