import { z } from 'zod';
import { EntityType } from '../domain/designation';
import { DEFAULT_THRESHOLD, ScreeningQuery, type ScreeningResult } from '../screening/schemas';
import { screenName } from '../screening/screen';
import { ScreeningIndex } from '../screening/screening-index';
import type { History } from './history';

/**
 * `POST /v1/screen`: the same screening as `screen <name>`, against the committed list. A JSON body, never a query
 * string: a customer's name and date of birth must not land in access logs, proxies or browser history.
 */
export const ScreenRequest = z.strictObject({
  name: ScreeningQuery.shape.name.describe('the name to screen, in any script'),
  dob: ScreeningQuery.shape.dateOfBirth.describe('date of birth: YYYY, YYYY-MM or YYYY-MM-DD'),
  country: z.string().trim().min(1).max(100).optional().describe('nationality or country: a name in English or Japanese, or an ISO code'),
  entityType: EntityType.optional(),
  threshold: z.number().min(0).max(1).default(DEFAULT_THRESHOLD).describe(`score from 0 to 1; default ${DEFAULT_THRESHOLD}`),
});
export type ScreenRequest = z.output<typeof ScreenRequest>;

/**
 * The index is built once per committed version (about a second for the whole list) and kept with the History
 * it came from, which lives as long as the Lambda container; each request costs one state read while the
 * version stands.
 */
const indexes = new WeakMap<History, { version: number; index: ScreeningIndex }>();

export async function screenCurrentList(history: History, request: ScreenRequest): Promise<ScreeningResult> {
  const { committedVersion } = await history.status();
  let cached = indexes.get(history);
  if (!cached || cached.version !== committedVersion) {
    const list = await history.exportList();
    cached = { version: list.version, index: new ScreeningIndex(list.entries) };
    indexes.set(history, cached);
  }
  return screenName(cached.index, {
    name: request.name,
    threshold: request.threshold,
    ...(request.dob && { dateOfBirth: request.dob }),
    ...(request.country && { country: request.country }),
    ...(request.entityType && { entityType: request.entityType }),
  });
}
