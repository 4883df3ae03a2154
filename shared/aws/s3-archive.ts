import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawArchive } from '../ports';

/** Raw MOF files in S3 under `raw/<sha256>/<file name>`, so any notification can be traced to its exact bytes. */
export class S3Archive implements RawArchive {
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
}
