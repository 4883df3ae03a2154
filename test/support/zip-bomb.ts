import { readFileSync } from 'node:fs';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { readZipDirectory } from '../../shared/mof/zip-limits';
import { WORKBOOK } from './fixtures';
import { storedCrc, storedData, zipArchive } from './zip-writer';

/**
 * A zip bomb shaped like MOF's workbook: every part of the real fixture, copied as it is compressed, except one
 * regime sheet, whose data is replaced by a deflate stream that unpacks to `inflatedBytes` of sheet rows.
 * `declare: 'honest'` writes the true size in the directory, `'lie'` writes the sheet's original size, so
 * that only unpacking can tell. Built streaming: memory stays at the compressed size.
 */
export async function workbookBomb({ inflatedBytes, declare }: { inflatedBytes: number; declare: 'honest' | 'lie' }): Promise<Buffer> {
  const real = readFileSync(WORKBOOK);
  const parts = readZipDirectory(real, 'workbook.xlsx');
  const victim = parts.find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name) && p.name !== 'xl/worksheets/sheet1.xml')!;
  const bomb = await deflateRepeated('<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAA</t></is></c></row>', inflatedBytes);

  return zipArchive(
    parts.map((part) => {
      const isBomb = part === victim;
      return {
        name: part.name,
        method: part.method,
        data: isBomb ? bomb.data : storedData(real, part),
        crc: isBomb ? bomb.crc : storedCrc(real, part),
        size: isBomb && declare === 'honest' ? Math.min(inflatedBytes, 0xfffffffe) : part.uncompressed,
      };
    }),
  );
}

async function deflateRepeated(unit: string, total: number): Promise<{ data: Buffer; crc: number }> {
  const chunk = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length))).subarray(0, 1 << 20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let written = 0; written < total; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - written));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc };
}
