import { z } from 'zod';
import { Problem } from './problem';

/**
 * Opaque paging cursors: base64url JSON that names what it pages (`k`) and the filters it was issued for (`f`), so
 * that a cursor reused on another listing or with other filters is refused instead of silently skipping items.
 */
export function encodeCursor(kind: string, filters: string, position: Record<string, number | string>): string {
  return Buffer.from(JSON.stringify({ k: kind, f: filters, ...position }), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodRawShape>(cursor: string, kind: string, filters: string, shape: T): z.infer<z.ZodObject<T>> {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw Problem.badRequest('cursor is not a cursor this API issued; pass the `next` of the previous page unchanged');
  }
  const issued = z.object({ k: z.literal(kind), f: z.string() }).safeParse(value);
  const position = z.object(shape).safeParse(value);
  if (!issued.success || !position.success) throw Problem.badRequest('cursor was not issued by this listing; pass the `next` of the previous page unchanged');
  if (issued.data.f !== filters) throw Problem.badRequest('cursor was issued for other filters; repeat the filters of the first page with it');
  return position.data;
}
