import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomerIds } from '../../../shared/screening/customer-ids';
import { readCustomerBatches } from '../../../shared/screening/customer-stream';
import { decodeCustomerFile, parseCustomers } from '../../../shared/screening/customers';
import type { Customer } from '../../../shared/screening/schemas';
import { shiftJis } from '../../support/shift-jis';

const DEMO = readFileSync(join(__dirname, '..', '..', 'fixtures', 'customers', 'customers.csv'));

/** `bytes` as a stream of chunks of `size` bytes: multi-byte characters and rows cut anywhere. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function readAll(chunks: AsyncIterable<Uint8Array>, batchSize?: number): Promise<Customer[][]> {
  const batches: Customer[][] = [];
  for await (const batch of readCustomerBatches(chunks, 'customers.csv', batchSize)) batches.push(batch);
  return batches;
}

describe('readCustomerBatches', () => {
  it.each([1, 2, 3, 7, 4096])('reads the demo file as parseCustomers does, in chunks of %i bytes, UTF-8 and Shift_JIS alike', async (size) => {
    const whole = parseCustomers(decodeCustomerFile(DEMO, 'customers.csv'), 'customers.csv');
    expect(whole).toHaveLength(8);
    expect((await readAll(chunked(DEMO, size), 3)).map((b) => b.length)).toEqual([3, 3, 2]);
    expect((await readAll(chunked(DEMO, size))).flat()).toEqual(whole);
    expect((await readAll(chunked(shiftJis(DEMO.toString('utf8')), size))).flat()).toEqual(whole);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), DEMO]);
    expect((await readAll(chunked(bom, size))).flat()).toEqual(whole);
  });

  it('reads the file lazily: the first batch comes before most of the file has been read', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `c${i},${['Taro Tanaka', 'ミヘイチク ウラジミール', '山田商事株式会社'][i % 3]}\n`).join('');
    const bytes = Buffer.from(rows);
    let pulled = 0;
    const source = (async function* () {
      for await (const chunk of chunked(bytes, 16 * 1024)) {
        pulled += chunk.length;
        yield chunk;
      }
    })();
    const batches = readCustomerBatches(source, 'customers.csv', 1_000);
    const first = await batches.next();
    expect(first.value).toHaveLength(1_000);
    // Stream buffers hold a few chunks ahead, not the file.
    expect(pulled).toBeLessThan(bytes.length / 4);
    let count = 1_000;
    for await (const batch of batches) count += batch.length;
    expect(count).toBe(50_000);
    expect(pulled).toBe(bytes.length);
  });

  it('names file, row and column of a bad row after earlier batches were handed on, and a repeated id across batches', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `c${i},Taro Tanaka`);
    const bad = [...rows.slice(0, 4_000), 'c9999,Taro Tanaka,16/05/1970', ...rows.slice(4_000)].join('\n');
    const handed: number[] = [];
    const read = async (text: string) => {
      for await (const batch of readCustomerBatches(chunked(Buffer.from(text), 1000), 'customers.csv', 1_000)) handed.push(batch.length);
    };
    await expect(read(bad)).rejects.toThrow(/^customers\.csv row 4001, column dob: not a date/);
    expect(handed).toEqual([1_000, 1_000, 1_000, 1_000]);
    await expect(read(`id,name\n${rows.join('\n')}\nc17,Someone Else\n`)).rejects.toThrow('customers.csv row 5002, column id: the same id as row 19');
    await expect(read('c1,"Taro\n')).rejects.toThrow(/^customers\.csv: not a readable CSV \(CSV_QUOTE_NOT_CLOSED/);
    await expect(read('c1,A,,,,secret\n')).rejects.not.toThrow('secret');
  });

  it('refuses a file that turns from UTF-8 into something else, by file name', async () => {
    const utf8ThenSjis = Buffer.concat([Buffer.from('c1,ミヘイチク\n'), shiftJis('c2,ミヘイチク\n')]);
    await expect(readAll(chunked(utf8ThenSjis, 5))).rejects.toThrow('customers.csv: neither UTF-8 nor Shift_JIS text; save the customer file as CSV UTF-8');
  });
});

describe('CustomerIds', () => {
  it('tells a repeated id from 100,000 distinct ones (the table grows from 16 slots), with the row it was first seen at', () => {
    const ids = new CustomerIds(16);
    let repeated = 0;
    for (let row = 1; row <= 100_000; row++) if (ids.add(`C-${row}`, row) !== null) repeated++;
    expect(repeated).toBe(0);
    expect(ids.add('C-12345', 100_001)).toBe(12_345);
    expect(ids.add('C-1', 100_002)).toBe(1);
    expect(ids.add('c-1', 100_003)).toBeNull();
  });
});
