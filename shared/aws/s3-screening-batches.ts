import { createHash } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { BatchPrints } from '../screening/batch-screening';
import { CustomerHit } from '../screening/schemas';
import type { BatchFiles, BatchFilesOf, BatchSummary } from '../check/batch-worker';
import type { ScreeningBatchStore } from '../check/distributed-screening';
import { checkHolds, MAX_BYTES } from './s3-customer-source';

/**
 * What the deployed screening keeps in the archive bucket, per run and batch (keyed by its first row); a run is
 * `<n>`, the n-th customers run, or `version-<v>`, a version's re-screening handed over by the check:
 * - `screening/runs/<n>/prints/<from>.json`: the batch's fingerprints (ids and prints, ~60 bytes a customer), read
 *   by the next run's worker of the same rows: one GET a batch instead of one DynamoDB item a customer;
 * - `screening/runs/<n>/hits/<from>.json`: its hits, only for a batch that has any;
 * - `screening/runs/<n>/ids/<from>.bin`: its id digest (12 bytes a customer), for the final step to find an id
 *   repeated across batches (shared/screening/repeated-ids.ts);
 * - `screening/runs/<n>/done/<from>-<to>-<customers>-<screened>`: an empty marker written last, so that the final
 *   step lists what every batch did without reading it. A retried batch writes the same keys with the same content.
 * A version's run keeps no fingerprints: they say what the whole list was screened against, which it was not.
 */
export const SCREENING_RUNS_PREFIX = 'screening/runs/';
const DIGEST_READERS = 64;

const Prints = z.object({ from: z.number().int(), to: z.number().int(), ids: z.array(z.string()), prints: z.array(z.string()) });
const Hits = z.array(CustomerHit.extend({ row: z.number().int().nonnegative(), unplaced: z.boolean() }));

export class S3ScreeningBatches implements BatchFiles, ScreeningBatchStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** The fingerprints run `run` kept for the batch starting at row `from`; null when it kept none there. */
  async loadPrints(run: number, from: number): Promise<BatchPrints | null> {
    const text = await this.getText(`${SCREENING_RUNS_PREFIX}${run}/prints/${from}.json`);
    return text === null ? null : Prints.parse(JSON.parse(text));
  }

  /** Records one batch: its fingerprints, its hits if any, then the marker that says it is done. */
  async saveBatch(run: string, { prints, hits, ids }: BatchFilesOf, summary: BatchSummary): Promise<void> {
    const base = `${SCREENING_RUNS_PREFIX}${run}`;
    if (prints) await this.put(`${base}/prints/${prints.from}.json`, JSON.stringify(prints));
    if (hits.length > 0) await this.put(`${base}/hits/${summary.from}.json`, JSON.stringify(hits));
    await this.put(`${base}/ids/${summary.from}.bin`, ids, 'application/octet-stream');
    await this.put(`${base}/done/${summary.from}-${summary.to}-${summary.customers}-${summary.screened}`, '');
  }

  /** Every batch of run `run` that finished, in row order. */
  async listDone(run: string): Promise<BatchSummary[]> {
    const prefix = `${SCREENING_RUNS_PREFIX}${run}/done/`;
    const done: BatchSummary[] = [];
    for (const key of await this.list(prefix)) {
      const [from, to, customers, screened] = key.slice(prefix.length).split('-').map(Number);
      done.push({ from: from!, to: to!, customers: customers!, screened: screened! });
    }
    return done.sort((a, b) => a.from - b.from);
  }

  /** Every hit of run `run`, in row order. */
  async loadHits(run: string): Promise<Array<z.infer<typeof Hits>[number]>> {
    const hits = [];
    for (const key of await this.list(`${SCREENING_RUNS_PREFIX}${run}/hits/`)) hits.push(...Hits.parse(JSON.parse((await this.getText(key))!)));
    return hits.sort((a, b) => a.row - b.row);
  }

  /**
   * Every batch's id digest of run `run`: 6,667 small objects for ten million customers, read 64 at a time (one
   * after another they would take minutes at S3's ~20 ms a GET).
   */
  async loadIdDigests(run: string): Promise<Uint8Array[]> {
    const keys = await this.list(`${SCREENING_RUNS_PREFIX}${run}/ids/`);
    const digests: Uint8Array[] = new Array(keys.length);
    let next = 0;
    const reader = async () => {
      while (next < keys.length) {
        const i = next++;
        const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: keys[i]! }));
        digests[i] = await object.Body!.transformToByteArray();
      }
    };
    await Promise.all(Array.from({ length: Math.min(DIGEST_READERS, keys.length) }, reader));
    return digests;
  }

  /** The sha256 of one version of an object, streamed: a customer file of ten million customers is ~600 MB. */
  async sha256Of(key: string, versionId: string): Promise<string> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
    const hash = createHash('sha256');
    for await (const chunk of object.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
    return hash.digest('hex');
  }

  /**
   * The customer file's version (the one given, or the newest) and whether the check holds it (checkHolds): a file
   * above the check's byte cap is not read past its size. A bucket without versioning names every object "null".
   */
  async customerFile(key: string, versionId: string | undefined): Promise<{ versionId: string; checkHolds: boolean }> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(versionId && { VersionId: versionId }) }));
    const pinned = object.VersionId ?? versionId ?? 'null';
    if ((object.ContentLength ?? 0) > MAX_BYTES) {
      (object.Body as { destroy?: () => void } | undefined)?.destroy?.();
      return { versionId: pinned, checkHolds: false };
    }
    return { versionId: pinned, checkHolds: checkHolds(await object.Body!.transformToByteArray(), `s3://${this.bucket}/${key}`) };
  }

  private async getText(key: string): Promise<string | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return await object.Body!.transformToString();
    } catch (error) {
      // The roles may list only this prefix (s3:prefix condition), and a GetObject request carries no prefix: S3
      // answers a missing key AccessDenied, not NoSuchKey. The role may read every key here, so either means missing.
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'AccessDenied') return null;
      throw error;
    }
  }

  private async put(key: string, body: string | Uint8Array, contentType = 'application/json'): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  private async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ...(token && { ContinuationToken: token }) }));
      keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
    } while (token);
    return keys;
  }
}
