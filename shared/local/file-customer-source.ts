import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CustomerSource } from '../ports';
import { kindOf } from './read-file';
import { readCustomerBatches } from '../screening/customer-stream';
import type { Customer, CustomerFile } from '../screening/schemas';

/**
 * A customer file on disk is read as it streams, never whole: ten million customers are about 600 MB of CSV.
 * The cap only refuses what cannot be a customer file (4 GiB is some 70 million customers).
 */
export const CUSTOMER_FILE_MAX_BYTES = 4 * 1024 ** 3;

/** The bytes of a customer file on disk, chunk by chunk, after checking it is a file within the cap. */
export async function customerFileChunks(path: string): Promise<AsyncIterable<Uint8Array>> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${path}: cannot open (${error.code ?? error.message})`);
  });
  // A FIFO would block the read forever, waiting for a writer: only a regular file is a customer file.
  if (!info.isFile()) throw new Error(`${path} is ${kindOf(info)}, not a customer file`);
  if (info.size > CUSTOMER_FILE_MAX_BYTES) throw new Error(`${path}: size cap ${CUSTOMER_FILE_MAX_BYTES} bytes exceeded (${info.size} bytes)`);
  return createReadStream(path, { highWaterMark: 1 << 20 });
}

/** The customer file on disk, for `check --customers`: read afresh at every check, as the Lambda reads S3. */
export class FileCustomerSource implements CustomerSource {
  constructor(private readonly path: string) {}

  async load(): Promise<{ file: CustomerFile; customers: Customer[] }> {
    const hash = createHash('sha256');
    const chunks = await customerFileChunks(this.path);
    const hashed = (async function* () {
      for await (const chunk of chunks) {
        hash.update(chunk);
        yield chunk;
      }
    })();
    const customers: Customer[] = [];
    for await (const batch of readCustomerBatches(hashed, basename(this.path))) customers.push(...batch);
    return { file: { location: this.path, sha256: hash.digest('hex'), customers: customers.length }, customers };
  }
}
