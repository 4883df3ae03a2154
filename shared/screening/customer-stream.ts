import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CUSTOMER_CSV_OPTIONS, CustomerRows, unreadableCsv } from './customers';
import type { Customer } from './schemas';

/** Customers handed on at a time: large enough that passing a batch costs little, small enough to stay bounded. */
export const CUSTOMER_BATCH = 2_000;

/**
 * A customer file read as it streams, in batches, with the same row checks as a whole file: memory is bounded by
 * a batch and the id table (customer-ids.ts), whatever the file's size. A bad row throws when it is reached, with
 * the batches before it already handed on: a caller records or prints nothing before the stream has ended.
 */
export async function* readCustomerBatches(chunks: AsyncIterable<Uint8Array>, fileName: string, batchSize = CUSTOMER_BATCH): AsyncGenerator<Customer[]> {
  const rows = new CustomerRows(fileName);
  const text = Readable.from(decodeCustomerChunks(chunks, fileName));
  const parser = text.pipe(parse(CUSTOMER_CSV_OPTIONS));
  // pipe() does not pass a source's error on: a file that stops decoding must end the parse with that error.
  text.on('error', (error) => parser.destroy(error));
  let batch: Customer[] = [];
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      const customer = rows.next(row);
      if (customer) batch.push(customer);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    // A decoding error is already ours; csv-parse's carry a code.
    throw (error as { code?: string }).code ? unreadableCsv(error, fileName) : error;
  } finally {
    text.destroy();
    parser.destroy();
  }
  if (batch.length > 0) yield batch;
}

/**
 * A customer file's bytes as text, chunk by chunk: UTF-8 (with or without a BOM), or Shift_JIS as Excel in Japan
 * saves CSV, as decodeCustomerFile decides for a whole file. ASCII reads the same in both, so the file is read as
 * UTF-8 until a byte says otherwise: invalid UTF-8 before any other non-ASCII byte switches to Shift_JIS for the
 * rest; invalid UTF-8 after valid UTF-8 text, or invalid Shift_JIS, is refused by name.
 */
export async function* decodeCustomerChunks(chunks: AsyncIterable<Uint8Array>, fileName: string): AsyncGenerator<string> {
  const refused = () => new Error(`${fileName}: neither UTF-8 nor Shift_JIS text; save the customer file as CSV UTF-8`);
  let decoder = new TextDecoder('utf-8', { fatal: true });
  let ascii = true;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      if (!ascii || decoder.encoding !== 'utf-8') throw refused();
      decoder = new TextDecoder('shift_jis', { fatal: true });
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw refused();
      }
    }
    if (ascii && !isAscii(chunk)) ascii = false;
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw refused();
  }
  if (rest) yield rest;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}
