/**
 * Exponential backoff with "equal jitter": at least half of each step is kept, so the waits still grow while
 * retries from many clients spread out. `attempt` counts from 1; `random` is in [0, 1) (injected by tests).
 */
export function backoffMs(attempt: number, policy: { backoffBaseMs: number; backoffMaxMs: number }, random: () => number): number {
  const step = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** (attempt - 1));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * jitter);
}
