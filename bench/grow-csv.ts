import { CsvRecords } from '../test/support/fixtures';

/**
 * A full-size list built from the real excerpt: copies of its 170 rows with distinct notice numbers (offset by
 * 1,000 per copy, 番号 and the notice text renumbered to match), until `size` rows.
 */
export function grownList(size: number): CsvRecords {
  const excerpt = CsvRecords.excerpt();
  const rows: string[][] = [];
  for (let copy = 0; rows.length < size; copy++) {
    for (const original of excerpt.rows) {
      if (rows.length === size) break;
      const row = [...original];
      const regime = Number(excerpt.get(row, '区分'));
      const notice = Number(excerpt.get(row, '告示番号')) + copy * 1000;
      row[excerpt.column('告示番号')] = String(notice);
      row[excerpt.column('番号')] = `${String(regime).padStart(3, '0')}-${String(notice).padStart(6, '0')}`;
      rows.push(row);
    }
  }
  return new CsvRecords(excerpt.header, rows);
}

/** The next edition of a grown list: `changes` rows amended (a new 改訂 stamp and alias), some delisted. */
export function nextEdition(list: CsvRecords, changes: number): CsvRecords {
  const step = Math.floor(list.rows.length / changes);
  const touched = new Set(Array.from({ length: changes }, (_, i) => i * step));
  const rows = list.rows.flatMap((original, index) => {
    if (!touched.has(index)) return [original];
    if (index % 4 === 0) return [];
    const row = [...original];
    row[list.column('告示日付')] += ' 2026.9.2改訂';
    row[list.column('別名・別称（英語）')] = [row[list.column('別名・別称（英語）')], 'Bench Alias'].filter(Boolean).join('; ');
    return [row];
  });
  return new CsvRecords(list.header, rows);
}
