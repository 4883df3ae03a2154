/** One part of a ZIP archive as stored: its data already compressed (`method` 8, deflate) or not (0). */
export interface StoredPart {
  name: string;
  method: number;
  data: Buffer;
  crc: number;
  /** The uncompressed size the archive declares (a zip bomb may lie about it). */
  size: number;
}

/** A ZIP archive of the parts in order: local headers and data, then the central directory and its end record. */
export function zipArchive(parts: readonly StoredPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name: text, method, data, crc, size } of parts) {
    const name = Buffer.from(text, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
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

/** A part's data as the archive stores it (compressed), after its local header. */
export function storedData(zip: Buffer, part: { localOffset: number; compressed: number }): Buffer {
  const start = part.localOffset + 30 + zip.readUInt16LE(part.localOffset + 26) + zip.readUInt16LE(part.localOffset + 28);
  return zip.subarray(start, start + part.compressed);
}

/** A part's CRC-32 as its local header gives it. */
export function storedCrc(zip: Buffer, part: { localOffset: number }): number {
  return zip.readUInt32LE(part.localOffset + 14);
}
