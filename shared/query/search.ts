import type { Designation } from '../domain/designation';
import { comparableText } from '../domain/normalize';

/** Search uses the diff's comparison form: width, case, spacing and punctuation do not matter. */
export const searchText = comparableText;

/** Whether `needle` (already searchText) is part of the entry's key, name or any of its other names. */
export function matchesSearch(entry: Designation, needle: string): boolean {
  const names = [entry.key, entry.name.ja, entry.name.en, ...[entry.aliases, entry.formerNames, entry.weakAliases].flatMap((l) => [...l.ja, ...l.en])];
  return names.some((name) => name !== null && comparableText(name).includes(needle));
}
