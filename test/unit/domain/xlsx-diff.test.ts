import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { ChangeSet } from '../../../shared/domain/change-event';
import { diffLists } from '../../../shared/domain/diff';
import { parseXlsx } from '../../../shared/mof/xlsx';
import { WORKBOOK } from '../../support/fixtures';

/**
 * Lifecycle changes as the workbook shows them: a delisting turns the row into a `…削除` row (other cells blank),
 * an amendment adds a `…改訂` line to the date cell. Variants of the real workbook, cut down to the legend and
 * sheet 29 (Russian individuals), with cells changed the way MOF changes them.
 */
const SHEET = '29.ロシア連邦(個人)';
const MIKHEYCHIK_ROW = 731;
const source = { file: 'next.xlsx', sha256: 'a'.repeat(64) };

let base: XLSX.WorkBook;
beforeAll(() => {
  const full = XLSX.read(readFileSync(WORKBOOK), { type: 'buffer', cellNF: true });
  base = XLSX.utils.book_new();
  for (const name of ['一覧', SHEET]) XLSX.utils.book_append_sheet(base, full.Sheets[name]!, name);
});

/** The cut-down workbook with some cells of sheet 29 replaced (undefined clears a cell), parsed. */
async function variant(cells: Record<string, string | undefined> = {}) {
  const sheet = base.Sheets[SHEET]!;
  const saved = Object.fromEntries(Object.keys(cells).map((address) => [address, sheet[address]]));
  for (const [address, value] of Object.entries(cells)) {
    if (value === undefined) delete sheet[address];
    else sheet[address] = { t: 's', v: value };
  }
  try {
    const bytes = new Uint8Array(XLSX.write(base, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    return (await parseXlsx(bytes, { fileName: 'variant.xlsx' })).entries;
  } finally {
    for (const [address, cell] of Object.entries(saved)) {
      if (cell === undefined) delete sheet[address];
      else sheet[address] = cell;
    }
  }
}

/** Row 731 as a 削除 row: the date cell says when, every other cell is blank. */
const deletedRow = (date: string) =>
  Object.fromEntries([['A', `${date}削除`], ...['C', 'D', 'E', 'F', 'G', 'H'].map((c) => [c, undefined])].map(([c, v]) => [`${c}${MIKHEYCHIK_ROW}`, v]));

describe('workbook lifecycle', () => {
  it('a row turned into a 削除 row is a delisting dated by the stamp, named as it was listed', async () => {
    const result = ChangeSet.parse(diffLists(await variant(), await variant(deletedRow('2026.9.2')), source));
    expect(result.summary).toEqual({ designated: 0, delisted: 1, amended: 0, relisted: 0 });
    expect(result.changes[0]).toMatchObject({
      type: 'delisted',
      key: '029-000729',
      effectiveOn: '2026-09-02',
      name: { ja: 'ウラジーミル・ミヘイチク', en: 'Vladimir Mikheychik' },
      after: { status: 'deleted', deletedOn: '2026-09-02' },
    });
  });

  it('a 削除 row listed again is a relisting', async () => {
    const result = diffLists(await variant(deletedRow('2026.9.2')), await variant(), source);
    expect(result.changes.map((c) => [c.type, c.key, c.name.en])).toEqual([['relisted', '029-000729', 'Vladimir Mikheychik']]);
  });

  it('a new 改訂 line with a changed cell is an amendment of that field', async () => {
    const amended = await variant({
      [`A${MIKHEYCHIK_ROW}`]: '2024.5.24\n2026.9.2改訂',
      [`D${MIKHEYCHIK_ROW}`]: 'Vladimir Mikheychik（a.k.a. Vladimir Mikheichik, a.k.a. Vladimir Mikheichyk）',
    });
    const result = diffLists(await variant(), amended, source);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.fields.map((f) => [f.field, f.added])).toEqual([
      ['aliases.en', ['Vladimir Mikheichyk']],
      ['amendedOn', ['2026-09-02']],
    ]);
  });

  it('historic 削除 rows present in both editions are not changes', async () => {
    const entries = await variant();
    expect(entries.filter((e) => e.status === 'deleted')).toHaveLength(7);
    expect(diffLists(entries, await variant(), source).changes).toEqual([]);
  });
});
