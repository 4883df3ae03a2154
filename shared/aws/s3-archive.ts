import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { sha256Hex } from '../domain/content-hash';
import type { EventArchive, PayloadStore, RawArchive } from '../ports';

/** Oversized store payloads, under the raw prefix the function may write (and, for this folder only, read). */
export const OVERFLOW_PREFIX = 'raw/overflow/';
/**
 * Change events too big for SNS, under the raw prefix the check may write: a folder of its own, so that the webhook
 * deliverer may read these and nothing else of the archive; and not under `raw/<hex digit>`, which retention expires.
 */
export const EVENTS_PREFIX = 'raw/events/';

/** Raw MOF files in S3 under `raw/<sha256>/<file name>`, so any notification can be traced to its exact bytes. */
export class S3Archive implements RawArchive, PayloadStore, EventArchive {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(file: { sha256: string; bytes: Uint8Array; fileName: string }): Promise<string> {
    const key = `raw/${file.sha256}/${file.fileName}`;
    await this.putOnce(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        IfNoneMatch: '*',
        Body: file.bytes,
        ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
        ContentType: file.fileName.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        Metadata: { sha256: file.sha256 },
      }),
    );
    return `s3://${this.bucket}/${key}`;
  }

  putPayload(text: string): Promise<string> {
    return this.putJson(OVERFLOW_PREFIX, text);
  }

  putEvent(body: string): Promise<string> {
    return this.putJson(EVENTS_PREFIX, body);
  }

  /** Under `prefix`, named by its sha256. */
  private async putJson(prefix: string, text: string): Promise<string> {
    const sha256 = sha256Hex(text);
    const key = `${prefix}${sha256}.json`;
    await this.putOnce(
      new PutObjectCommand({
        Bucket: this.bucket, Key: key, Body: text, ContentType: 'application/json', IfNoneMatch: '*',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
    return `s3://${this.bucket}/${key}`;
  }

  /**
   * Keys are content-addressed, so an object already there holds these very bytes: writing it again would only add
   * a version to the versioned bucket (every changed run fetches the same edition's workbook again).
   */
  private async putOnce(command: PutObjectCommand): Promise<void> {
    try {
      await this.client.send(command);
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 412) throw error;
    }
  }

  getPayload(ref: string): Promise<string> {
    return this.getJson(ref, '');
  }

  getEvent(url: string): Promise<string> {
    return this.getJson(url, EVENTS_PREFIX);
  }

  /** An object of this bucket under `prefix`, by its s3:// URL; any other URL is refused before any request. */
  private async getJson(ref: string, prefix: string): Promise<string> {
    const within = `s3://${this.bucket}/${prefix}`;
    if (!ref.startsWith(within)) throw new Error(`${ref} is not under ${within} (the archive)`);
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: ref.slice(`s3://${this.bucket}/`.length) }));
    if (!Body) throw new Error(`${ref} is empty`);
    return Body.transformToString('utf8');
  }
}
