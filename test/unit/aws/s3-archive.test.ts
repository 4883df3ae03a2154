import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { S3Archive } from '../../../shared/aws/s3-archive';

const s3 = mockClient(S3Client);
const archive = new S3Archive(new S3Client({ region: 'ap-northeast-1' }), 'archive-bucket');
const file = { sha256: 'a'.repeat(64), bytes: new Uint8Array([1, 2, 3]), fileName: 'shisantouketsu20260828.csv' };
const failure = (status: number, name: string) =>
  new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });

beforeEach(() => s3.reset());

describe('the S3 archive', () => {
  it('writes a raw file only if its content-addressed key is new', async () => {
    s3.on(PutObjectCommand).resolves({});
    expect(await archive.put(file)).toBe(`s3://archive-bucket/raw/${file.sha256}/${file.fileName}`);
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: 'archive-bucket', Key: `raw/${file.sha256}/${file.fileName}`, IfNoneMatch: '*',
      ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
    });
  });

  it('takes a key already there (412) as archived, for raw files and payloads alike', async () => {
    s3.on(PutObjectCommand).rejects(failure(412, 'PreconditionFailed'));
    await expect(archive.put(file)).resolves.toMatch(/^s3:\/\/archive-bucket\/raw\//);
    await expect(archive.putPayload('{"big":true}')).resolves.toMatch(/^s3:\/\/archive-bucket\/raw\/overflow\/[0-9a-f]{64}\.json$/);
  });

  it('fails on any other error, so a file is never taken as archived when it is not', async () => {
    s3.on(PutObjectCommand).rejects(failure(503, 'SlowDown'));
    await expect(archive.put(file)).rejects.toThrow();
  });

  it('keeps a change event too big for SNS under raw/events/, and reads back from there only', async () => {
    s3.on(PutObjectCommand).resolves({});
    const url = await archive.putEvent('{"id":"chg_x"}');
    expect(url).toMatch(/^s3:\/\/archive-bucket\/raw\/events\/[0-9a-f]{64}\.json$/);
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, { Key: url.slice('s3://archive-bucket/'.length), IfNoneMatch: '*' });
    await expect(archive.getEvent('s3://archive-bucket/raw/overflow/abc.json')).rejects.toThrow('is not under s3://archive-bucket/raw/events/');
    await expect(archive.getEvent('s3://other-bucket/raw/events/abc.json')).rejects.toThrow('is not under');
    expect(s3).not.toHaveReceivedCommand(GetObjectCommand);
  });
});
