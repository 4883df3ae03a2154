import type { z } from 'zod';
import { Designation } from '../domain/designation';

/**
 * How an entry our own readers built misfits the model, the Designation schema (none: it fits), without zod
 * copying it whole.
 *
 * The readers are typed against `Designation` (its type is inferred from the schema), so the compiler already
 * holds them to its shape: which fields, strings, arrays, nulls, enums. What it cannot hold them to are the
 * schema's checks on values (the key's and notice number's patterns, ISO dates, a positive regime number and row),
 * and those are run here, by the schema cut to the fields that have them. A whole `Designation.safeParse` per entry
 * was a tenth of a whole-pair diff, its copies a good part of the collector's work. The readers write each entry's
 * fields in the model's order, as zod's copy had them (the printed JSON and its golden digests follow it). A test
 * holds both against `Designation.parse` on every entry of both whole real files.
 */
export function modelMisfits(entry: Designation): string[] {
  const checked = VALUE_CHECKS.safeParse(entry);
  return checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Schema types the compiler holds a reader to alone, and those that only wrap others. Any other type is checked. */
const TYPED = new Set(['string', 'number', 'boolean', 'enum', 'literal', 'null']);
const WRAPPING = new Set(['object', 'array', 'nullable', 'optional']);

/** The model's fields whose schema checks values beyond their type, anywhere inside (found once, from the schema). */
const CHECKED_FIELDS = Object.entries(Designation.shape as Record<string, z.ZodType>)
  .filter(([, schema]) => checksValues(schema))
  .map(([field]) => field);

/** The model cut to those fields: one parse per entry, which reads (and copies) only them. */
const VALUE_CHECKS = Designation.pick(Object.fromEntries(CHECKED_FIELDS.map((field) => [field, true])) as Record<keyof Designation, true>);

interface SchemaDef {
  type: string;
  checks?: unknown[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

function checksValues(schema: z.ZodType): boolean {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  if ((def.checks?.length ?? 0) > 0 || (!TYPED.has(def.type) && !WRAPPING.has(def.type))) return true;
  const inner = [def.innerType, def.element, ...Object.values(def.shape ?? {})].filter((s): s is z.ZodType => s !== undefined);
  return inner.some(checksValues);
}

/** For a test: the fields checked by value. */
export const VALUE_CHECKED_FIELDS: readonly string[] = CHECKED_FIELDS;
