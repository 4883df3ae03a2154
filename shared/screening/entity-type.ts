import type { EntityType } from '../domain/designation';
import type { NameToken } from './normalize';
import type { ScoreReason } from './schemas';

/**
 * What the words of two names say about whether they name the same kind of party, for a query that gives no
 * entity type (one that does is only compared with entries of that type). A legal form or an organisation word
 * (LLC, BANK, PLANT, 株式会社, …研究所) marks an organisation's name. Their absence proves nothing on its own, since a
 * customer record often drops the legal form, so a mismatch weakens a candidate without ruling it out:
 *  - the query carries such a word and the listed party is a person whose name does not (IYAD AG GHALI's AG is a
 *    name, and the same word on both sides is no mismatch);
 *  - the listed name is an organisation's by its words and the query carries none: a person's name (Marie Müller)
 *    that resembles the organisation's other words (LUMBER MARINE SA).
 */

/**
 * As much as a differing country costs; bare company names and every listed name queried as written are still
 * found (test/unit/screening/quality.test.ts), and it is enough to take the person-to-company near-misses among the
 * generated customers below the default threshold (bench/screening.ts). At 0.1 a third of the bare company names
 * would no longer be found.
 */
export const ENTITY_TYPE_MISMATCH = -0.05;

export function entityTypeMismatch(query: readonly NameToken[], listed: readonly NameToken[], listedType: EntityType): ScoreReason | null {
  const marks = (tokens: readonly NameToken[]) => [...new Set(tokens.filter((t) => t.organisational).map((t) => t.text))];
  const queryMarks = marks(query);
  if (listedType === 'individual') {
    const listedTexts = new Set(listed.map((t) => t.text));
    const foreign = queryMarks.filter((text) => !listedTexts.has(text));
    return foreign.length
      ? { signal: 'entity-type', detail: `the query names an organisation (${foreign.join(', ')}); the listed party is a person`, effect: ENTITY_TYPE_MISMATCH }
      : null;
  }
  const listedMarks = marks(listed);
  return queryMarks.length === 0 && listedMarks.length
    ? { signal: 'entity-type', detail: `the listed name is an organisation's (${listedMarks.join(', ')}); the query carries no legal form or organisation word`, effect: ENTITY_TYPE_MISMATCH }
    : null;
}
