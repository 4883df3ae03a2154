import { CsvRecords } from './fixtures';

/**
 * The pathological entry of issue 18 (item 3), built from a real one: the entry `key` of `records` with its English
 * name (氏名（英語）) repeated until it is over `bytes` bytes, so that its change event is over SNS's 256 KiB even
 * without its entries and field values.
 */
export function withLongName(records: CsvRecords, key: string, bytes: number): CsvRecords {
  return records.map((row, at) => {
    if (row[at('番号')] !== key) return null;
    const name = row[at('氏名（英語）')]!;
    row[at('氏名（英語）')] = Array.from({ length: Math.ceil(bytes / (Buffer.byteLength(name) + 1)) }, () => name).join(' ');
    return row;
  });
}
