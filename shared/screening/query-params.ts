import { z } from 'zod';
import { birthDate, DATE_FORMS } from './customers';
import { ScreeningQuery } from './schemas';

/**
 * `GET /v1/screen?name=…&dob=…&country=…&entityType=…&threshold=…` → a screening query: the read API's door to
 * the same function the CLI calls. Errors name the parameter, for a 400 the caller can act on.
 */
export class ScreenParamsError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
    this.name = 'ScreenParamsError';
  }
}

const KNOWN = new Set(['name', 'dob', 'country', 'entityType', 'threshold']);

export function screenQueryFromParams(params: Readonly<Record<string, string | undefined>>): z.output<typeof ScreeningQuery> {
  for (const key of Object.keys(params)) if (!KNOWN.has(key)) throw new ScreenParamsError(key, `unknown parameter; expected ${[...KNOWN].join(', ')}`);
  const name = params.name?.trim();
  if (!name) throw new ScreenParamsError('name', 'a name to screen is required');
  const dob = params.dob === undefined ? undefined : birthDate(params.dob);
  if (dob === null) throw new ScreenParamsError('dob', `'${params.dob}' is not a date (${DATE_FORMS})`);
  const threshold = params.threshold === undefined ? undefined : Number(params.threshold);
  if (threshold !== undefined && !(params.threshold!.trim() !== '' && threshold >= 0 && threshold <= 1)) {
    throw new ScreenParamsError('threshold', `'${params.threshold}' is not a number from 0 to 1`);
  }
  const entityType = params.entityType;
  if (entityType !== undefined && entityType !== 'individual' && entityType !== 'entity') {
    throw new ScreenParamsError('entityType', `'${entityType}'; expected individual or entity`);
  }
  const parsed = ScreeningQuery.safeParse({
    name,
    ...(dob && { dateOfBirth: dob }),
    ...(params.country && { country: params.country }),
    ...(entityType && { entityType }),
    ...(threshold !== undefined && { threshold }),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScreenParamsError(String(issue.path[0] ?? 'query'), issue.message);
  }
  return parsed.data;
}
