import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { checkHolds, MAX_BYTES, MAX_CUSTOMERS, S3CustomerSource } from '../../../shared/aws/s3-customer-source';
import { CustomerFileTooLarge } from '../../../shared/ports';

const s3 = mockClient(S3Client);
const source = new S3CustomerSource(new S3Client({ region: 'ap-northeast-1' }), 'archive-bucket', 'screening/customers.csv');
const CUSTOMERS = readFileSync(join(__dirname, '..', '..', 'fixtures', 'customers', 'customers.csv'));

/** What GetObject answers: the SDK's body is a stream with transformTo* helpers; only the one used is given. */
const object = (bytes: Uint8Array, contentLength = bytes.length) =>
  ({ ContentLength: contentLength, Body: { transformToByteArray: async () => bytes } }) as unknown as GetObjectCommandOutput;

beforeEach(() => s3.reset());

describe('the customer file in S3', () => {
  it('reads the one configured key, and says which bytes it screened', async () => {
    s3.on(GetObjectCommand).resolves(object(CUSTOMERS));
    const { file, customers } = await source.load();
    expect(s3).toHaveReceivedCommandTimes(GetObjectCommand, 1);
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: 'archive-bucket', Key: 'screening/customers.csv' });
    expect(file).toEqual({
      location: 's3://archive-bucket/screening/customers.csv',
      sha256: createHash('sha256').update(CUSTOMERS).digest('hex'),
      customers: 8,
    });
    expect(customers[0]).toEqual({ id: 'C-0001', name: 'Vladimir Mikheichik', dateOfBirth: '1970-05-16', country: 'BY', entityType: 'individual' });
  });

  it('asks again at every check but parses a file only once: S3 answers 304 while the ETag holds', async () => {
    const warm = new S3CustomerSource(new S3Client({ region: 'ap-northeast-1' }), 'archive-bucket', 'screening/customers.csv');
    s3.on(GetObjectCommand, { IfNoneMatch: undefined }).resolves({ ...object(CUSTOMERS), ETag: '"v1"' });
    s3.on(GetObjectCommand, { IfNoneMatch: '"v1"' }).rejects(new S3ServiceException({ name: 'NotModified', $fault: 'client', $metadata: { httpStatusCode: 304 } }));
    const first = await warm.load();
    const second = await warm.load();
    expect(second).toBe(first);
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.IfNoneMatch)).toEqual([undefined, '"v1"']);
    // A new upload has a new ETag: S3 sends it, and it is parsed.
    s3.on(GetObjectCommand, { IfNoneMatch: '"v1"' }).resolves({ ...object(Buffer.from(CUSTOMERS.toString('utf8').replace('C-0008', 'C-0009'))), ETag: '"v2"' });
    const third = await warm.load();
    expect(third.customers.at(-1)!.id).toBe('C-0009');
    expect(third.file.sha256).not.toBe(first.file.sha256);
  });

  it.each([
    ['missing', new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }), 's3://archive-bucket/screening/customers.csv does not exist: upload the customer file there'],
    ['forbidden', new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } }), 's3://archive-bucket/screening/customers.csv does not exist, or the check may not read it (S3 answers AccessDenied for a missing key'],
  ])('says what to do when the file is %s', async (_, error, message) => {
    s3.on(GetObjectCommand).rejects(error);
    await expect(source.load()).rejects.toThrow(message);
  });

  it('refuses a file over the cap before reading it, and a bad row by its location, row and column', async () => {
    s3.on(GetObjectCommand).resolves(object(new Uint8Array(0), 40 * 1024 * 1024));
    await expect(source.load()).rejects.toThrow('s3://archive-bucket/screening/customers.csv: size cap 33554432 bytes exceeded (41943040 bytes)');
    await expect(source.load()).rejects.toBeInstanceOf(CustomerFileTooLarge);
    s3.on(GetObjectCommand).resolves(object(Buffer.from(CUSTOMERS.toString('utf8').replace('C-0006,', ','))));
    await expect(source.load()).rejects.toThrow('s3://archive-bucket/screening/customers.csv row 7, column id: empty');
  });

  it('refuses more customers than the check function screens safely, and takes exactly that many', async () => {
    const file = (count: number) => Buffer.from(`id,name\n${Array.from({ length: count }, (_, i) => `K${i},Customer ${i}`).join('\n')}\n`);
    s3.on(GetObjectCommand).resolves(object(file(MAX_CUSTOMERS)));
    expect((await source.load()).file.customers).toBe(200_000);
    s3.on(GetObjectCommand).resolves(object(file(MAX_CUSTOMERS + 1)));
    await expect(source.load()).rejects.toThrow('s3://archive-bucket/screening/customers.csv: 200,001 customers; the deployed check screens at most 200,000');
    // Refused as too large, which the check hands to the distributed screening, not as a bad file.
    await expect(source.load()).rejects.toBeInstanceOf(CustomerFileTooLarge);
  });
});

/**
 * Whose a customer file is: the check's when load() would hold it, else the distributed screening's. The upload's run
 * asks this of the version it was started for, so that one file has one owner (shared/check/distributed-screening.ts).
 */
describe('checkHolds: the same line load() draws', () => {
  const location = 's3://archive-bucket/screening/customers.csv';
  /** The fixture's customers repeated under new ids, to `count` customers. */
  const repeated = (count: number) => {
    const [header, ...rows] = CUSTOMERS.toString('utf8').trimEnd().split('\n');
    const lines = [header!];
    for (let n = 0; n < count; n++) lines.push(rows[n % rows.length]!.replace(/^C-\d+/, `R-${n}`));
    return Buffer.from(`${lines.join('\n')}\n`);
  };

  it('holds a file load() reads, and one at its limit; not one customer more, nor a byte over its cap', async () => {
    expect(checkHolds(CUSTOMERS, location)).toBe(true);
    expect(checkHolds(repeated(MAX_CUSTOMERS), location)).toBe(true);
    const over = repeated(MAX_CUSTOMERS + 1);
    expect(checkHolds(over, location)).toBe(false);
    s3.on(GetObjectCommand).resolves(object(over));
    await expect(source.load()).rejects.toBeInstanceOf(CustomerFileTooLarge);
    expect(checkHolds(Buffer.concat([CUSTOMERS, Buffer.alloc(MAX_BYTES)]), location)).toBe(false);
  });

  it('holds a file with a bad row: the check reports it at every check, so it is not the distributed screening’s to take', () => {
    const bad = Buffer.from(CUSTOMERS.toString('utf8').replace('C-0006,Maria Garcia,1975-03-02', 'C-0006,Maria Garcia,1975-13-45'));
    expect(checkHolds(bad, location)).toBe(true);
  });
});
