import { z } from 'zod';
import type { PayloadStore } from '../ports';

/**
 * Reading the items of the list's partition, shared by the store (which writes them) and the read-only history
 * reader: what an item must look like, and where a payload too big for an item went.
 */
export class DamagedItemError extends Error {
  constructor(
    readonly item: string,
    detail: string,
  ) {
    super(`damaged store item ${item}: ${detail}`);
    this.name = 'DamagedItemError';
  }
}

/** A stored payload that is a reference into the overflow store (the archive) rather than the payload itself. */
export const OVERFLOW_REF = '@ref:';

/** `item` names the item in errors: table, partition and sort key. */
export function parseItem<T extends z.ZodType>(schema: T, value: unknown, item: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new DamagedItemError(item, z.prettifyError(result.error));
  return result.data;
}

export function parseItemJson<T extends z.ZodType>(schema: T, text: string, item: string): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DamagedItemError(item, 'its payload is not valid JSON');
  }
  return parseItem(schema, value, item);
}

/** A payload inline, or behind `@ref:` in the overflow store. */
export async function resolvePayload(stored: string, overflow: Pick<PayloadStore, 'getPayload'> | undefined, item: string): Promise<string> {
  if (!stored.startsWith(OVERFLOW_REF)) return stored;
  if (!overflow) throw new DamagedItemError(item, 'its payload is in the overflow store (the archive), which this reader was not given');
  return overflow.getPayload(stored.slice(OVERFLOW_REF.length));
}
