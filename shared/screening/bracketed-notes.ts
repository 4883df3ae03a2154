import { foldLetters } from '../domain/normalize';
import { isPlaceName } from './added-words';

/**
 * Text in brackets in a Latin name that a customer file or the press adds to say who the person is or what they are
 * known by: a party (Oleg Nilov (LDPR)), a role (Park Jin Hyok (hacker)), an organisation (Kim Yong Chol (Korea Workers
 * Party)), a nickname or an alias (Igor Girkin (Strelkov)), an acronym or its expansion (MKB (Moskovsky Kreditny Bank)).
 * Screening practice compares the name without the note, and the note alone where it may be a name of its own; the
 * best reading counts (screen.ts), so a note that is no name part costs nothing, and one that is still counts.
 * Brackets in Japanese names (a katakana reading, an expansion) are read in japanese-press.ts and japanese-words.ts.
 */
const NOTE = /[(\[]([^()[\]]*\p{L}[^()[\]]*)[)\]]/gu;
/** Japanese names keep their own bracket readings (a post's abbreviation, 連邦保安局(FSB)長官, is no name). */
const JAPANESE = /[\u3040-\u30ff\p{Script=Han}]/u;

/** The name without its bracketed notes, and each note alone; empty when the name holds none. */
export function bracketedNoteReadings(name: string): string[] {
  if (JAPANESE.test(name)) return [];
  const notes = [...name.matchAll(NOTE)].map((m) => m[1]!.trim());
  if (notes.length === 0) return [];
  const without = name.replace(NOTE, ' ').replace(/\s+/g, ' ').trim();
  // A note that is only a place (Bank of China (Hong Kong)) says where: it is not read alone.
  return [without, ...notes.filter((note) => !isPlaceName(foldLetters(note).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()))].filter((text) => /\p{L}{2}/u.test(text));
}
