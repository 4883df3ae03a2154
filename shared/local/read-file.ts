import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { FetchPolicy } from '../http/fetch-file';

/** The download cap applies to a list file on disk too: a local file is input like any other. */
export const LOCAL_MAX_BYTES = FetchPolicy.shape.maxBytes.def.defaultValue;

/**
 * Reads one list file whole, refusing a directory, a FIFO, a socket or a device, or a file over the cap, with an
 * error that names the path, before reading more than the cap.
 */
export async function readListFile(path: string, maxBytes = LOCAL_MAX_BYTES): Promise<Buffer> {
  // Non-blocking: opening a FIFO for reading would otherwise wait, forever, for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${path}: cannot open (${error.code ?? error.message})`);
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`${path} is ${kindOf(stat)}, not a list file`);
    if (stat.size > maxBytes) throw new Error(`${path}: size cap ${maxBytes} bytes exceeded (${stat.size} bytes)`);
    // Read at most one byte past the cap: a file growing while read is refused too.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new Error(`${path}: size cap ${maxBytes} bytes exceeded while reading`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** What a path that is not a regular file is, in words for an error message. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'something other than a regular file';
}
