import { readFileSync } from 'node:fs';
import { parseLegend, parseList } from '../../../shared/mof/parse-list';
import { checkZipLimits, readZipDirectory } from '../../../shared/mof/zip-limits';
import { WORKBOOK } from '../../support/fixtures';
import { workbookBomb } from '../../support/zip-bomb';

const FILE = 'shisantouketsu20260828.xlsx';
const MiB = 1024 * 1024;

describe('the zip limits of a workbook', () => {
  it('let the real workbook through: its ~250 parts unpack to about 10 MB', () => {
    const real = readFileSync(WORKBOOK);
    expect(() => checkZipLimits(real, FILE)).not.toThrow();
    const parts = readZipDirectory(real, FILE);
    expect(parts.length).toBeGreaterThan(200);
    expect(parts.reduce((n, p) => n + p.uncompressed, 0)).toBeLessThan(16 * MiB);
  });

  it('refuse a bomb by its directory before unpacking anything, naming the file and the part', async () => {
    const bomb = await workbookBomb({ inflatedBytes: 256 * MiB, declare: 'honest' });
    expect(bomb.length).toBeLessThan(3 * MiB);
    await expect(parseList(bomb, { fileName: FILE })).rejects.toThrow(
      /^shisantouketsu20260828\.xlsx: refused as a possible zip bomb: part 'xl\/worksheets\/sheet\d+\.xml' unpacks to 256\.0 MiB \(at most 32\.0 MiB a part\)$/,
    );
    await expect(parseLegend(bomb, { fileName: FILE })).rejects.toThrow(/refused as a possible zip bomb/);
  });

  it('refuse a bomb whose directory lies about its size, by unpacking it no further than declared', async () => {
    const bomb = await workbookBomb({ inflatedBytes: 256 * MiB, declare: 'lie' });
    expect(() => checkZipLimits(bomb, FILE)).toThrow(/refused as a possible zip bomb: part 'xl\/worksheets\/sheet\d+\.xml' unpacks to more than the \d+ bytes its directory declares/);
  });

  it('refuse parts that add up past the total, and too many parts', () => {
    const real = readFileSync(WORKBOOK);
    expect(() => checkZipLimits(real, FILE, { maxEntries: 5000, maxEntryBytes: 32 * MiB, maxTotalBytes: 4 * MiB })).toThrow(/unpack to more than 4\.0 MiB in all/);
    expect(() => checkZipLimits(real, FILE, { maxEntries: 10, maxEntryBytes: 32 * MiB, maxTotalBytes: 64 * MiB })).toThrow(/\d+ parts \(at most 10\)/);
  });

  it('call a zip cut short what it is', () => {
    const real = readFileSync(WORKBOOK);
    expect(() => checkZipLimits(real.subarray(0, real.length - 200), FILE)).toThrow(/not a readable XLSX \(zip\): no end of central directory record \(a truncated download\?\)/);
  });
});
