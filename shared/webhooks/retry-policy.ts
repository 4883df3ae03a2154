import { z } from 'zod';

/**
 * How delivery retries, at two levels.
 *
 * - Within one receive of a message: `attemptsPerReceive` tries, a short exponential backoff with jitter between
 *   them, for blips (a 503 during a deploy, a reset connection).
 * - Across receives: a message still failing goes back to the queue, invisible for `receiveDelaysSeconds[n-1]` after
 *   its n-th receive, so an endpoint that is down for hours is retried over hours, not five times in five minutes.
 *   The function parks what is left at receive `maxReceives`, which must not exceed the queue's maxReceiveCount
 *   (SQS's own redrive is then only the backstop for a crashed or timed-out invocation).
 *
 * With the defaults an endpoint gets 3 tries at 0, ~1 min, ~11 min, ~1 h 11 min and ~7 h 11 min: 15 attempts over
 * about seven hours before its event is parked in the dead-letter queue and the queue's alarm calls an operator.
 */
export const RetryPolicy = z.object({
  attemptsPerReceive: z.int().min(1).max(10).default(3),
  backoffBaseMs: z.number().nonnegative().default(500),
  backoffMaxMs: z.number().nonnegative().default(4_000),
  /** Per attempt, DNS to the end of the answer. */
  attemptTimeoutMs: z.int().positive().default(10_000),
  maxReceives: z.int().min(1).default(5),
  /** After the n-th failed receive; the last one repeats. SQS allows at most 12 hours. */
  receiveDelaysSeconds: z.array(z.int().min(0).max(43_200)).min(1).default([60, 600, 3_600, 21_600]),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;


export function receiveDelaySeconds(receiveCount: number, policy: RetryPolicy): number {
  const delays = policy.receiveDelaysSeconds;
  return delays[Math.min(receiveCount, delays.length) - 1]!;
}
