import { basename } from 'node:path';
import { sha256Hex } from '../domain/content-hash';
import type { CustomerSource } from '../ports';
import { decodeCustomerFile, parseCustomers } from '../screening/customers';
import type { Customer, CustomerFile } from '../screening/schemas';
import { readListFile } from './read-file';

/** The customer file on disk, for `check --customers`: read afresh at every check, as the Lambda reads S3. */
export class FileCustomerSource implements CustomerSource {
  constructor(private readonly path: string) {}

  async load(): Promise<{ file: CustomerFile; customers: Customer[] }> {
    const bytes = await readListFile(this.path);
    const name = basename(this.path);
    const customers = parseCustomers(decodeCustomerFile(bytes, name), name);
    return { file: { location: this.path, sha256: sha256Hex(bytes), customers: customers.length }, customers };
  }
}
