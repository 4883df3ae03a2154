import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { sha256Hex } from '../domain/content-hash';
import type { PayloadStore, RawArchive } from '../ports';

/** Oversized store payloads, under the raw prefix the function may write (and, for this folder only, read). */
export const OVERFLOW_PREFIX = 'raw/overflow/';

/** Raw MOF files in S3 under `raw/<sha256>/<file name>`, so any notification can be traced to its exact bytes. */
export class S3Archive implements RawArchive, PayloadStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(file: { sha256: string; bytes: Uint8Array; fileName: string }): Promise<string> {
    const key = `raw/${file.sha256}/${file.fileName}`;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: file.bytes,
        ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
        ContentType: file.fileName.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        Metadata: { sha256: file.sha256 },
      }),
    );
    return `s3://${this.bucket}/${key}`;
  }

  async putPayload(text: string): Promise<string> {
    const sha256 = sha256Hex(text);
    const key = `${OVERFLOW_PREFIX}${sha256}.json`;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket, Key: key, Body: text, ContentType: 'application/json',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
    return `s3://${this.bucket}/${key}`;
  }

  async getPayload(ref: string): Promise<string> {
    const prefix = `s3://${this.bucket}/`;
    if (!ref.startsWith(prefix)) throw new Error(`payload ${ref} is not in the archive bucket ${this.bucket}`);
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: ref.slice(prefix.length) }));
    if (!Body) throw new Error(`payload ${ref} is empty`);
    return Body.transformToString('utf8');
  }
}
