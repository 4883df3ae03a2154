import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Designation } from '../domain/designation';
import { screenCustomers } from '../screening/screen';
import { ScreeningIndex } from '../screening/screening-index';
import type { Customer, CustomerHit, CustomerScreening } from '../screening/schemas';

/**
 * Screening a customer file's batches over worker threads, the local stand-in for the deployed distributed map:
 * each worker builds the list's index once, as each Lambda container does, and screens the batches it is handed.
 * At most two batches wait per worker, so the file is read only as fast as it is screened and memory stays
 * bounded whatever its size. With no workers, batches are screened in this thread (small files, where starting
 * threads and building indexes would cost more than it saves).
 */
export interface ScreeningOptions {
  threshold: number;
  since: number | null;
  /** Worker threads; 0 screens in this thread. */
  workers: number;
}

/** One per core: the thread reading the file does little beside them. */
export const DEFAULT_WORKERS = availableParallelism();

const ROLE = 'jsm-screening-worker';
const IN_FLIGHT_PER_WORKER = 2;

type Reply = { seq: number; hits: CustomerHit[] } | { seq: number; error: string };

export async function screenCustomerBatches(
  entries: readonly Designation[],
  batches: AsyncIterable<Customer[]>,
  options: ScreeningOptions,
): Promise<CustomerScreening> {
  const results: CustomerHit[][] = [];
  let customers = 0;
  if (options.workers <= 0) {
    const index = new ScreeningIndex(entries);
    for await (const batch of batches) {
      customers += batch.length;
      results.push(screenCustomers(index, batch, options).hits);
    }
  } else {
    customers = await overWorkers(entries, batches, options, results);
  }
  return { threshold: options.threshold, scope: { since: options.since, entries: entries.length }, customers, hits: results.flat() };
}

async function overWorkers(entries: readonly Designation[], batches: AsyncIterable<Customer[]>, options: ScreeningOptions, results: CustomerHit[][]): Promise<number> {
  const workers = Array.from({ length: options.workers }, () => startWorker(entries, options.threshold));
  const idle: Worker[] = workers.flatMap((w) => Array<Worker>(IN_FLIGHT_PER_WORKER).fill(w));
  const pending = new Map<number, (reply: Reply) => void>();
  let failure: Error | null = null;
  for (const worker of workers) {
    worker.on('message', (reply: Reply) => pending.get(reply.seq)?.(reply));
    worker.on('error', (error) => {
      failure ??= error;
      for (const resolve of pending.values()) resolve({ seq: -1, error: error.message });
    });
  }
  const inFlight = new Set<Promise<void>>();
  let seq = 0;
  let customers = 0;
  try {
    for await (const batch of batches) {
      while (idle.length === 0) await Promise.race(inFlight);
      if (failure) break;
      const worker = idle.pop()!;
      const mine = seq++;
      customers += batch.length;
      const done = new Promise<Reply>((resolve) => pending.set(mine, resolve)).then((reply) => {
        pending.delete(mine);
        inFlight.delete(done);
        idle.push(worker);
        if ('error' in reply) failure ??= new Error(reply.error);
        else results[mine] = reply.hits;
      });
      inFlight.add(done);
      worker.postMessage({ seq: mine, customers: batch });
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  return customers;
}

function startWorker(entries: readonly Designation[], threshold: number): Worker {
  const options = { workerData: { role: ROLE, entries, threshold } };
  // From a bundle (the built CLI), the bundle is the worker; from the TypeScript sources (tsx, jest), the worker
  // registers tsx's CommonJS loader first (a worker does not inherit the parent's loader hooks on Node 20).
  if (!__filename.endsWith('.ts')) return new Worker(__filename, options);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { ...options, eval: true });
}

/** The worker's side: one index, then batch after batch. */
function serveBatches(): void {
  const { entries, threshold } = workerData as { entries: Designation[]; threshold: number };
  const index = new ScreeningIndex(entries);
  parentPort!.on('message', ({ seq, customers }: { seq: number; customers: Customer[] }) => {
    try {
      parentPort!.postMessage({ seq, hits: screenCustomers(index, customers, { threshold, since: null }).hits });
    } catch (error) {
      parentPort!.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serveBatches();
