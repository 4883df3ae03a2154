import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../shared/mof/csv';
import { CustomerScreening } from '../../shared/screening/schemas';
import { cli } from '../support/cli';
import { type CustomerBase, writeCustomerBase } from '../support/customer-base';
import { CSV_EXCERPT } from '../support/fixtures';

/**
 * `screen --customers` streams the file and fans it out over worker threads (the built CLI, its bundle as the
 * worker): the same hits as screening in one thread, the planted variants found, and a bad row late in the file
 * refused with nothing printed. The 1,000,000-customer figures are bench/scale.ts's.
 */
let dir: string;
let base: CustomerBase;
const path = () => join(dir, 'customers.csv');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jsm-screen-scale-'));
  const entries = parseCsv(readFileSync(CSV_EXCERPT), { fileName: 'excerpt.csv' }).entries.filter((e) => e.status === 'listed');
  base = writeCustomerBase(path(), entries, 5_000, 1_250);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('screen --customers over worker threads', () => {
  it('finds every planted variant, and the same hits with two workers as in one thread', async () => {
    const run = async (workers: string) => {
      const { code, stdout, stderr } = await cli('screen', '--customers', path(), '--list', CSV_EXCERPT, '--workers', workers);
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      return CustomerScreening.parse(JSON.parse(stdout));
    };
    const [threads, inline] = await Promise.all([run('2'), run('0')]);
    expect(threads.customers).toBe(5_000);
    expect(base.planted).toHaveLength(4);
    const found = new Map(threads.hits.map((h) => [h.customerId, h.matches.map((m) => m.key)]));
    for (const { id, key } of base.planted) expect(found.get(id)).toContain(key);
    expect(threads).toEqual(inline);
  }, 180_000);

  it('refuses a bad row near the end of the file by file, row and column, printing no result', async () => {
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync(path(), 'utf8').trimEnd().split('\n');
    lines.splice(4_900, 0, 'K999999999,Someone,1970-13-01,');
    writeFileSync(bad, lines.join('\n') + '\n');
    const { code, stdout, stderr } = await cli('screen', '--customers', bad, '--list', CSV_EXCERPT, '--workers', '2');
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain('bad.csv row 4901, column dob: not a date');
    expect(stderr).not.toContain('1970-13-01');
    const workers = await cli('screen', '--customers', bad, '--list', CSV_EXCERPT, '--workers', 'many');
    expect(workers).toMatchObject({ code: 1, stdout: '' });
    expect(workers.stderr).toContain("--workers must be a number of threads from 0 to 64, not 'many'");
  }, 180_000);
});
