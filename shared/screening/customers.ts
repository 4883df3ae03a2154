import { parse } from 'csv-parse/sync';
import { sha256Hex } from '../domain/content-hash';
import { EntityType } from '../domain/designation';
import { CustomerIds } from './customer-ids';
import { type Customer, CUSTOMER_ID_MAX_CHARS, ScreeningQuery } from './schemas';

const NAME_MAX_CHARS = ScreeningQuery.shape.name.maxLength!;

/**
 * A customer file: CSV `id, name[, dob][, country][, entityType]`, with or without that header row. Every row is
 * checked, and a bad one is named by file, row and column, but never by its value: the message reaches operators
 * (email, SMS, logs) who are not meant to see customer data. Rows are numbered as records (a header is row 1).
 */
export const CUSTOMER_COLUMNS = ['id', 'name', 'dob', 'country', 'entityType'] as const;

/** csv-parse's options for a customer file, whole or streamed. */
export const CUSTOMER_CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true } as const;

export function parseCustomers(text: string, fileName: string): Customer[] {
  let rows: string[][];
  try {
    rows = parse(text, CUSTOMER_CSV_OPTIONS) as string[][];
  } catch (error) {
    throw unreadableCsv(error, fileName);
  }
  const reader = new CustomerRows(fileName);
  return rows.map((row) => reader.next(row)).filter((c): c is Customer => c !== null);
}

/** csv-parse's own message quotes the offending field; its code and line say enough. */
export function unreadableCsv(error: unknown, fileName: string): Error {
  const { code, lines } = error as { code?: string; lines?: number };
  return new Error(`${fileName}: not a readable CSV (${code ?? 'unreadable'}${lines ? ` at line ${lines}` : ''})`);
}

/** Checks the rows of one customer file in order: the header (first row only), each row's values, repeated ids. */
export class CustomerRows {
  private readonly ids = new CustomerIds();
  private rowNumber = 0;

  constructor(private readonly fileName: string) {}

  /** The customer of the next row; null for a header row. Throws naming file, row and column. */
  next(row: readonly string[]): Customer | null {
    this.rowNumber++;
    if (this.rowNumber === 1 && row[0]?.toLowerCase() === 'id' && row[1]?.toLowerCase() === 'name') return null;
    const customer = customerOfRow(row, `${this.fileName} row ${this.rowNumber}`);
    const first = this.ids.add(customer.id, this.rowNumber);
    if (first !== null) throw new Error(`${this.fileName} row ${this.rowNumber}, column id: the same id as row ${first}`);
    return customer;
  }
}

/**
 * One row's customer, every value checked; `at` names the file and row in errors. The checks are those of the
 * Customer schema, made here so that each names its column (and ten million rows skip a schema pass).
 */
export function customerOfRow(row: readonly string[], at: string): Customer {
  if (row.length > CUSTOMER_COLUMNS.length) throw new Error(`${at}: ${row.length} columns; expected at most ${CUSTOMER_COLUMNS.length} (${CUSTOMER_COLUMNS.join(', ')})`);
  const [id = '', written = '', dob = '', country = '', entityType = ''] = row;
  // csv-parse trims ASCII blanks; the schema's trim also takes the ideographic space (U+3000).
  const name = written.trim();
  if (!id) throw new Error(`${at}, column id: empty`);
  if (id.length > CUSTOMER_ID_MAX_CHARS) throw new Error(`${at}, column id: ${id.length} characters; at most ${CUSTOMER_ID_MAX_CHARS}`);
  if (!name) throw new Error(`${at}, column name: empty`);
  if (name.length > NAME_MAX_CHARS) throw new Error(`${at}, column name: ${name.length} characters; at most ${NAME_MAX_CHARS}`);
  const dateOfBirth = dob ? birthDate(dob) : undefined;
  if (dateOfBirth === null) throw new Error(`${at}, column dob: not a date (${DATE_FORMS})`);
  const type = entityType ? EntityType.safeParse(entityType.toLowerCase()) : undefined;
  if (type && !type.success) throw new Error(`${at}, column entityType: expected individual or entity`);
  return {
    id,
    name,
    ...(dateOfBirth && { dateOfBirth }),
    ...(country && { country }),
    ...(type?.success && { entityType: type.data }),
  };
}

/**
 * A customer file's bytes as text: UTF-8 (with or without a BOM), or Shift_JIS, which is what Excel in Japan
 * saves as "CSV" by default. Anything that is neither is refused by name rather than screened as mojibake.
 */
export function decodeCustomerFile(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: try Shift_JIS (Windows-31J), below.
  }
  try {
    return new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${fileName}: neither UTF-8 nor Shift_JIS text; save the customer file as CSV UTF-8`);
  }
}

export const DATE_FORMS = 'YYYY-MM-DD, YYYY/M/D, YYYY-MM or YYYY';

/** `1970-05-16`, `1970/5/16`, `1970-05` or `1970`, as ISO; null for anything else. */
export function birthDate(text: string): string | null {
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text.normalize('NFKC').trim());
  const [, year, month, day] = match ?? [];
  const valid = match && (!month || (+month >= 1 && +month <= 12)) && (!day || (+day >= 1 && +day <= 31));
  return valid ? [year, month?.padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean).join('-') : null;
}

/**
 * What is screened of a customer, as a fingerprint: a new customer file is screened for the customers it adds or
 * changes (a new name, date of birth, country or type), not for those it only carries over.
 */
export function customerPrint(customer: Customer): string {
  return sha256Hex(JSON.stringify([customer.name, customer.dateOfBirth ?? null, customer.country ?? null, customer.entityType ?? null])).slice(0, 32);
}
