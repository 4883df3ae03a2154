import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../../shared/mof/csv';
import { CSV_EXCERPT, FIXTURES, MAY_2024_KEYS } from '../../support/fixtures';

describe('committed fixture variants', () => {
  it('shisantouketsu20240523-variant.csv is the real excerpt, byte for byte, without the 12 rows of 24 May 2024', () => {
    const committed = readFileSync(join(FIXTURES, 'variants', 'shisantouketsu20240523-variant.csv'), 'utf8');
    const lines = readFileSync(CSV_EXCERPT, 'utf8').split('\r\n');
    const expected = lines.filter((line) => !MAY_2024_KEYS.some((key) => line.split(',')[1] === key)).join('\r\n');
    expect(committed).toBe(expected);
    const keys = parseCsv(Buffer.from(committed), { fileName: 'before.csv' }).entries.map((e) => e.key);
    expect(keys).toHaveLength(170 - 12);
    expect(keys.filter((k) => MAY_2024_KEYS.includes(k))).toEqual([]);
  });
});
