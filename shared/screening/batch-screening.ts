import { CUSTOMER_COLUMNS, customerOfRow, customerPrint } from './customers';
import { idDigest } from './repeated-ids';
import { screenCustomers } from './screen';
import type { ScreeningIndex } from './screening-index';
import type { Customer, CustomerHit } from './schemas';

/**
 * One batch of the deployed screening: the rows the distributed map's CSV item reader hands a worker, with each
 * row's index in the file (0 for its first line). The same row checks as a customer file read whole, naming the
 * file and row (index + 1, as a whole file numbers them); a repeated id is caught within the batch.
 */
export interface BatchRow {
  row: number;
  values: Partial<Record<(typeof CUSTOMER_COLUMNS)[number], string>>;
}

/** What a worker keeps of its batch for the next screening: each customer's fingerprint, by id. */
export interface BatchPrints {
  from: number;
  to: number;
  ids: string[];
  prints: string[];
}

/** A hit, and whether its customer was merely not found in the same rows of the previous file (`unplaced`). */
export type BatchHit = CustomerHit & { row: number; unplaced: boolean };

export interface BatchResult {
  customers: number;
  screened: number;
  hits: BatchHit[];
  prints: BatchPrints;
  /** The batch's ids as hashes and rows, for the final step to find an id repeated in another batch (repeated-ids.ts). */
  ids: Uint8Array;
}

/**
 * Screens the batch's new and changed customers: those whose fingerprint differs from the one the previous screening
 * kept for the same rows (`previous`; null when it kept none there, as for every batch of the first screening,
 * `options.earlier` false, when every customer is new). A customer the previous file held in other rows (rows
 * inserted above it) is not found there and is screened again; its hits are marked `unplaced`, for the final step
 * to drop those already reported.
 */
export function screenBatch(
  index: ScreeningIndex, rows: readonly BatchRow[], previous: BatchPrints | null, options: { threshold: number; location: string; earlier: boolean },
): BatchResult {
  const known = options.earlier ? new Map(previous?.ids.map((id, i) => [id, previous.prints[i]!])) : null;
  const seen = new Map<string, number>();
  const customers: Array<Customer & { row: number; print: string; unplaced: boolean }> = [];
  for (const { row, values } of rows) {
    const cells = CUSTOMER_COLUMNS.map((column) => (values[column] ?? '').trim());
    if (row === 0 && cells[0]!.toLowerCase() === 'id' && cells[1]!.toLowerCase() === 'name') continue;
    const at = `${options.location} row ${row + 1}`;
    const customer = customerOfRow(cells, at);
    const first = seen.get(customer.id);
    if (first !== undefined) throw new Error(`${at}, column id: the same id as row ${first}`);
    seen.set(customer.id, row + 1);
    customers.push({ ...customer, row, print: customerPrint(customer), unplaced: known !== null && !known.has(customer.id) });
  }
  const changed = customers.filter((c) => known?.get(c.id) !== c.print);
  const byId = new Map(changed.map((c) => [c.id, c]));
  const { hits } = screenCustomers(index, changed, { threshold: options.threshold, since: null });
  return {
    customers: customers.length,
    screened: changed.length,
    hits: hits.map((hit) => ({ ...hit, row: byId.get(hit.customerId)!.row, unplaced: byId.get(hit.customerId)!.unplaced })),
    prints: {
      from: rows[0]?.row ?? 0,
      to: rows.at(-1)?.row ?? 0,
      ids: customers.map((c) => c.id),
      prints: customers.map((c) => c.print),
    },
    ids: idDigest(customers),
  };
}
