import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { sha256Hex } from '../domain/content-hash';
import type { CustomerSource } from '../ports';
import { decodeCustomerFile, parseCustomers } from '../screening/customers';
import type { Customer, CustomerFile } from '../screening/schemas';

/** A customer file is input like a list file: the same cap. */
const MAX_BYTES = 32 * 1024 * 1024;

/** The customer file in the archive bucket, at the one key the check may read (monitor.config.json). */
export class S3CustomerSource implements CustomerSource {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {}

  async load(): Promise<{ file: CustomerFile; customers: Customer[] }> {
    const location = `s3://${this.bucket}/${this.key}`;
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key })).catch((error: unknown) => {
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey') throw new Error(`${location} does not exist: upload the customer file there (CSV id, name[, dob][, country][, entityType])`);
      if (name === 'AccessDenied') throw new Error(`${location}: access denied to the check function (is the key the one in monitor.config.json?)`);
      throw new Error(`${location}: ${(error as Error).message}`);
    });
    if ((object.ContentLength ?? 0) > MAX_BYTES) throw new Error(`${location}: size cap ${MAX_BYTES} bytes exceeded (${object.ContentLength} bytes)`);
    const bytes = await object.Body!.transformToByteArray();
    if (bytes.length > MAX_BYTES) throw new Error(`${location}: size cap ${MAX_BYTES} bytes exceeded (${bytes.length} bytes)`);
    const customers = parseCustomers(decodeCustomerFile(bytes, location), location);
    return { file: { location, sha256: sha256Hex(bytes), customers: customers.length }, customers };
  }
}
