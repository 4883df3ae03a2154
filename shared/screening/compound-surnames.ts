/**
 * A person's family name of two names joined by a hyphen (MOHSEN FAKHRIZADEH-MAHABADI; Hashemi-Rafsanjani), as Persian
 * names and double-barrelled European ones are written: the press and customer files give the first alone (Mohsen
 * Fakhrizadeh, モフセン・ファクリザデ), and screening should find the person by it, as it does a name without its patronymic.
 * The listed name is also indexed without the second part (screening-index.ts). Korean given names are hyphenated
 * too (JIN-HYOK), and the article (AL-TIKRITI): both parts must be of six letters or more, which no Korean syllable
 * and no particle is.
 */
const COMPOUND_LAST = /^(.*\S)\s+([A-Za-z]{6,})\s*[-‐‑–]\s*([A-Za-z]{6,})\s*$/;

/** The name with its hyphenated family name's second part left out, or null when it ends in no such compound. */
export function withoutSecondSurname(name: string): string | null {
  const found = COMPOUND_LAST.exec(name);
  return found === null ? null : `${found[1]} ${found[2]}`;
}
