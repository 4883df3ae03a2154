import { z } from 'zod';
import { EntityType } from '../domain/designation';
import { DEFAULT_THRESHOLD, ScreeningQuery, type ScreeningResult } from '../screening/schemas';
import { screenName } from '../screening/screen';
import { ScreeningIndex } from '../screening/screening-index';
import type { History } from './history';

/** `GET /v1/screen`: the same screening as `screen <name>`, against the committed list. */
export const ScreenQuery = z.strictObject({
  name: ScreeningQuery.shape.name.describe('the name to screen, in any script'),
  dob: ScreeningQuery.shape.dateOfBirth.describe('date of birth: YYYY, YYYY-MM or YYYY-MM-DD'),
  country: z.string().trim().min(1).max(100).optional().describe('nationality or country: a name in English or Japanese, or an ISO code'),
  entityType: EntityType.optional(),
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD).describe(`score from 0 to 1; default ${DEFAULT_THRESHOLD}`),
});
export type ScreenQuery = z.output<typeof ScreenQuery>;

/**
 * The index is built once per committed version (about a second for the whole list) and kept with the History
 * it came from, which lives as long as the Lambda container; each request costs one state read while the
 * version stands.
 */
const indexes = new WeakMap<History, { version: number; index: ScreeningIndex }>();

export async function screenCurrentList(history: History, query: ScreenQuery): Promise<ScreeningResult> {
  const { committedVersion } = await history.status();
  let cached = indexes.get(history);
  if (!cached || cached.version !== committedVersion) {
    const list = await history.exportList();
    cached = { version: list.version, index: new ScreeningIndex(list.entries) };
    indexes.set(history, cached);
  }
  return screenName(cached.index, {
    name: query.name,
    threshold: query.threshold,
    ...(query.dob && { dateOfBirth: query.dob }),
    ...(query.country && { country: query.country }),
    ...(query.entityType && { entityType: query.entityType }),
  });
}
