import type { ChangeEvent, ChangeType } from '../domain/change-event';
import type { Designation } from '../domain/designation';

/**
 * What a change can newly make a customer match: a designation, a relisting, or an amendment (a new alias, a
 * corrected date of birth). A delisting cannot.
 */
export const SCREENED_CHANGE_TYPES: ReadonlySet<ChangeType> = new Set(['designated', 'amended', 'relisted']);

/** The entries, as listed after the change, that one version's changes ask to screen customers against. */
export function changedEntries(changes: readonly ChangeEvent[]): Designation[] {
  const entries = new Map<string, Designation>();
  for (const change of changes) {
    if (SCREENED_CHANGE_TYPES.has(change.type) && change.after?.status === 'listed') entries.set(change.key, change.after);
  }
  return [...entries.values()];
}
