import { SCREENING_BATCH_ITEMS, SCREENING_CONCURRENCY, SCREENING_WORKER_MB } from '../shared/screening/batching';

export const BATCH_ITEMS = SCREENING_BATCH_ITEMS;

/**
 * The deployed screening of ten million customers, derived from one worker's measured per-batch cost (the
 * arithmetic the README writes out). List prices, us-east-1, December 2026 (check the AWS Pricing Calculator):
 */
const PRICE = {
  /** Lambda, arm64, per GB-second and per request. */
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** Step Functions: a standard workflow's state transition (a distributed map pays one per child execution started). */
  transition: 0.025 / 1000,
  /** Express child executions: per request, and per GB-second of duration billed in 64 MB steps. */
  expressRequest: 1 / 1e6,
  expressGbSecond: 0.00001667,
  /** S3 standard: PUT/LIST and GET per request. */
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  /** DynamoDB on demand, per write request unit (for the comparison with one item per customer). */
  dynamoWrite: 0.625 / 1e6,
};

const CUSTOMERS = 10_000_000;
/** A vCPU at 1,769 MB (Lambda's documented point of one full vCPU); the worker's share at its memory. */
const VCPU_SHARE = SCREENING_WORKER_MB / 1_769;
/** Invoking a worker, reading its previous fingerprints and writing its files: per batch, an allowance. */
const BATCH_OVERHEAD_MS = 150;
/**
 * The final step: streaming the file through sha256 (~60 MB/s from S3 to one Lambda: 10 s), and reading every
 * batch's id digest (6,667 GETs, 64 at a time) and sorting ten million 64-bit hashes to find a repeated id (an
 * allowance of 5 s; the sort alone is measured in the bench's line above).
 */
const FINAL_STEP_S = 15;
/** Parent transitions beyond the children: start, map, final step, end. */
const PARENT_TRANSITIONS = 10;
/**
 * A version's re-screening, handed over by the check: its StartExecution, the execution's first step and the map
 * run's start before the first batch (not measured here: Step Functions' own latency, an allowance).
 */
const HAND_OVER_S = 5;

export interface Estimate {
  batches: number;
  waves: number;
  full: { batchMs: number; wallS: number; costs: Array<[string, string, number]> };
  rescreen: { batchMs: number; wallS: number; totalS: number; costs: Array<[string, string, number]> };
  perCustomerItems: number;
}

/**
 * `twelveRowsMs`: a batch as the deployed worker screens it for a version's re-screening (shared/screening/
 * batch-screening.ts over the rows as the item reader hands them: row checks, fingerprints, the screening) against
 * the twelve entries of 24 May 2024, whose index is built in well under a millisecond.
 */
export function deployedEstimate(measured: { indexMs: number; wholeListMs: number; twelveMs: number; twelveRowsMs: number }): Estimate {
  const batches = Math.ceil(CUSTOMERS / BATCH_ITEMS);
  const waves = Math.ceil(batches / SCREENING_CONCURRENCY);
  const gb = SCREENING_WORKER_MB / 1024;
  const run = (screenMs: number, kind: 'full' | 'rescreen') => {
    const batchMs = screenMs / VCPU_SHARE + BATCH_OVERHEAD_MS;
    const indexMs = kind === 'full' ? measured.indexMs / VCPU_SHARE : 0;
    // A version's run keeps no fingerprints: one PUT a batch (its done marker; a hits file for the rare batch with
    // a match) and no GET of the previous run's.
    const s3 = kind === 'full'
      ? ['S3 requests', `${batches} × 3 PUTs (fingerprints, id digest, done marker) + ${batches} × 2 GETs (previous fingerprints, id digests) + ~500 item-reader and final-step GETs`, 3 * batches * PRICE.s3Put + (2 * batches + 500) * PRICE.s3Get] as [string, string, number]
      : ['S3 requests', `${batches} × 2 PUTs (id digest, done marker) + ${batches} GETs of the id digests + ~500 item-reader and final-step GETs`, 2 * batches * PRICE.s3Put + (batches + 500) * PRICE.s3Get] as [string, string, number];
    const wallS = (waves * batchMs + indexMs) / 1000;
    const lambdaGbS = (batches * batchMs + SCREENING_CONCURRENCY * indexMs) / 1000 * gb;
    const costs: Array<[string, string, number]> = [
      ['Lambda compute', `(${batches} × ${batchMs.toFixed(0)} ms + ${SCREENING_CONCURRENCY} containers × ${indexMs.toFixed(0)} ms index) × ${gb} GB = ${lambdaGbS.toFixed(0)} GB-s × $${PRICE.lambdaGbSecond}`, lambdaGbS * PRICE.lambdaGbSecond],
      ['Lambda requests', `${batches} × $0.20 per million`, batches * PRICE.lambdaRequest],
      ['Step Functions transitions', `${batches} child executions started + ${PARENT_TRANSITIONS} × $0.025 per 1,000`, (batches + PARENT_TRANSITIONS) * PRICE.transition],
      ['Express child executions', `${batches} × $1 per million + ${batches} × ${(batchMs / 1000).toFixed(2)} s × 64 MB × $${PRICE.expressGbSecond}`, batches * PRICE.expressRequest + batches * (batchMs / 1000) * (64 / 1024) * PRICE.expressGbSecond],
      s3,
      ['final step', `hashing the ~600 MB file as it streams and sorting the id digests, ~${FINAL_STEP_S} s × 1 GB`, FINAL_STEP_S * PRICE.lambdaGbSecond],
    ];
    return { batchMs, wallS, totalS: HAND_OVER_S + wallS + FINAL_STEP_S, costs };
  };
  return { batches, waves, full: run(measured.wholeListMs, 'full'), rescreen: run(measured.twelveRowsMs, 'rescreen'), perCustomerItems: CUSTOMERS * PRICE.dynamoWrite };
}

export function describeEstimate(e: Estimate): string {
  const total = (costs: Array<[string, string, number]>) => costs.reduce((sum, [, , c]) => sum + c, 0);
  const lines = [
    `derived, deployed: ${CUSTOMERS.toLocaleString('en-US')} customers = ${e.batches} batches of ${BATCH_ITEMS} in ${e.waves} waves of ${SCREENING_CONCURRENCY} workers (${SCREENING_WORKER_MB} MB, ${VCPU_SHARE.toFixed(2)} vCPU each)`,
    ...(['full', 'rescreen'] as const).flatMap((kind) => {
      const run = e[kind];
      const what = kind === 'full' ? 'initial screening, the whole list' : 're-screening handed over by the check, 12 changed entries';
      const end = kind === 'rescreen'
        ? `; from the check's StartExecution to the digest ≈ ${HAND_OVER_S} s hand-over + ${e.waves} × ${run.batchMs.toFixed(0)} ms + ${FINAL_STEP_S} s final step = ${e.rescreen.totalS.toFixed(0)} s (target 120 s)`
        : '';
      return [
        `  ${what}: ${run.batchMs.toFixed(0)} ms a batch, ≈ ${run.wallS.toFixed(0)} s of screening${end}, ≈ $${total(run.costs).toFixed(3)}`,
        ...run.costs.map(([item, arithmetic, cost]) => `    ${item}: ${arithmetic} = $${cost.toFixed(4)}`),
      ];
    }),
    `  fingerprints as one DynamoDB item per customer instead: ${CUSTOMERS.toLocaleString('en-US')} writes × $0.625 per million = $${e.perCustomerItems.toFixed(2)} per full screening`,
  ];
  return lines.join('\n') + '\n';
}
