import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { sha256Hex } from '../domain/content-hash';
import { CustomerFileTooLarge, type CustomerSource } from '../ports';
import { decodeCustomerFile, parseCustomers } from '../screening/customers';
import type { Customer, CustomerFile } from '../screening/schemas';

/** A customer file is input like a list file: the same cap. */
export const MAX_BYTES = 32 * 1024 * 1024;
/**
 * What the check function (1,024 MB, 5 minutes) screens safely: the initial screening of 250,000 customers against
 * a 3,000-entry list took 31 s and peaked at 1.2 GB with the store in the same process (README, Benchmarks).
 */
export const MAX_CUSTOMERS = 200_000;

type Loaded = { file: CustomerFile; customers: Customer[] };

/**
 * The customer file in the archive bucket, at the one key the check may read (monitor.config.json). Read at every
 * check, conditionally: a warm function that parsed this version of the file already is answered 304 and keeps it.
 */
export class S3CustomerSource implements CustomerSource {
  private cached: { etag: string; loaded: Loaded } | null = null;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {}

  async load(): Promise<Loaded> {
    const location = `s3://${this.bucket}/${this.key}`;
    const cached = this.cached;
    const request = new GetObjectCommand({ Bucket: this.bucket, Key: this.key, ...(cached && { IfNoneMatch: cached.etag }) });
    const object = await this.client.send(request).catch((error: unknown) => {
      if (cached && (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 304) return null;
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey') throw new Error(`${location} does not exist: upload the customer file there (CSV id, name[, dob][, country][, entityType])`);
      // The check may not list the bucket (that would show it every archived key), so S3 answers AccessDenied,
      // not NoSuchKey, for a file never uploaded: the likelier cause comes first.
      if (name === 'AccessDenied') {
        throw new Error(`${location} does not exist, or the check may not read it (S3 answers AccessDenied for a missing key to a role that may not list the bucket): upload the customer file there, as the stack's CustomerFileUpload output shows`);
      }
      throw new Error(`${location}: ${(error as Error).message}`);
    });
    if (object === null) return cached!.loaded;
    if ((object.ContentLength ?? 0) > MAX_BYTES) {
      // Not read: the distributed screening reads it in batches.
      (object.Body as { destroy?: () => void } | undefined)?.destroy?.();
      throw new CustomerFileTooLarge(`${location}: size cap ${MAX_BYTES} bytes exceeded (${object.ContentLength} bytes)`);
    }
    const bytes = await object.Body!.transformToByteArray();
    if (bytes.length > MAX_BYTES) throw new CustomerFileTooLarge(`${location}: size cap ${MAX_BYTES} bytes exceeded (${bytes.length} bytes)`);
    const customers = parseCustomers(decodeCustomerFile(bytes, location), location);
    if (customers.length > MAX_CUSTOMERS) {
      throw new CustomerFileTooLarge(
        `${location}: ${customers.length.toLocaleString('en-US')} customers; the deployed check screens at most ${MAX_CUSTOMERS.toLocaleString('en-US')} (its memory and time); ` +
          "larger files are screened by the distributed screening (a stack with screening on), or with the CLI's screen --customers",
      );
    }
    const loaded = { file: { location, sha256: sha256Hex(bytes), customers: customers.length }, customers };
    this.cached = object.ETag ? { etag: object.ETag, loaded } : null;
    return loaded;
  }
}

/**
 * Whether the check holds this customer file itself (read whole, as load() reads it): at most MAX_BYTES and
 * MAX_CUSTOMERS, or a file it cannot read (a bad row), whose problem it reports. What it holds is its alone; the
 * rest (CustomerFileTooLarge) is the distributed screening's. The upload's run asks the same of the version it was
 * started for, so that one file has one owner.
 */
export function checkHolds(bytes: Uint8Array, location: string): boolean {
  if (bytes.length > MAX_BYTES) return false;
  try {
    return parseCustomers(decodeCustomerFile(bytes, location), location).length <= MAX_CUSTOMERS;
  } catch {
    return true;
  }
}
