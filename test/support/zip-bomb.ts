import { readFileSync } from 'node:fs';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { readZipDirectory } from '../../shared/mof/zip-limits';
import { WORKBOOK } from './fixtures';

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

  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const isBomb = part === victim;
    const data = isBomb ? bomb.data : rawData(real, part);
    const size = isBomb && declare === 'honest' ? Math.min(inflatedBytes, 0xfffffffe) : part.uncompressed;
    const crc = isBomb ? bomb.crc : localCrc(real, part);
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function rawData(zip: Buffer, part: { localOffset: number; compressed: number }): Buffer {
  const start = part.localOffset + 30 + zip.readUInt16LE(part.localOffset + 26) + zip.readUInt16LE(part.localOffset + 28);
  return zip.subarray(start, start + part.compressed);
}

function localCrc(zip: Buffer, part: { localOffset: number }): number {
  return zip.readUInt32LE(part.localOffset + 14);
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
