/**
 * The Persian and Urdu izafat (the "of" that joins a noun to what follows it) in group names: Lashkar-e-Jhangvi,
 * Jaish-e-Mohammed as the press writes them, LASHKAR I JHANGVI and JAISH-I-MOHAMMED as the list does. Between two
 * words, a lone e is read as the list's i (folding has already made the hyphens spaces). Only between words of three
 * letters or more, so that initials (Kim E. S.) stay as written. Pure.
 */
export const readIzafat = (reading: string): string => reading.replace(/\b([a-z]{3,}) e (?=[a-z]{3,}\b)/g, '$1 i ');
