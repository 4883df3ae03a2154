/**
 * How the deployed screening cuts a customer file into work: the distributed map hands each worker up to this many
 * rows. Step Functions passes a batch as the worker's input, at most 256 KiB: a row as the item reader gives it
 * (its header's keys, its values and its row index) is ~120-170 bytes, so 1,500 rows stay under the limit with
 * room for long names; and the item batcher's byte cap (below) keeps a batch of unusually long rows under it too.
 */
export const SCREENING_BATCH_ITEMS = 1_500;
export const SCREENING_BATCH_BYTES = 256 * 1024 - 8 * 1024;

/** Worker Lambdas at once: half the default account concurrency (1,000), leaving the rest to everything else. */
export const SCREENING_CONCURRENCY = 500;

/** The worker's memory: the bound (≤ 1 GB per worker); it buys about 0.58 of a vCPU (Lambda scales CPU with memory). */
export const SCREENING_WORKER_MB = 1_024;

/**
 * The longest one screening of the customer file may take, waiting for the run before it included: the state
 * machine's timeout, and how long a run number it took stays "in flight" for the runs queued behind it.
 */
export const SCREENING_RUN_HOURS = 2;
