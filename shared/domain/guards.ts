import { z } from 'zod';
import type { ChangeSet } from './change-event';

/**
 * The publish gate. A list that lost many entries at once is far more often a truncated or broken file than a
 * real mass delisting, and a false delisting tells a bank to release frozen funds: such a list is held for an
 * operator, and the next good file is diffed against the last committed snapshot, so nothing is lost.
 */
export const GuardPolicy = z.object({
  /** Hold when more than this share of the listed entries would be delisted at once. */
  maxDelistShare: z.number().min(0).max(1).default(0.05),
  /** Hold when the new list has fewer than this share of the listed entries the snapshot has. */
  minEntryShare: z.number().min(0).max(1).default(0.9),
});
export type GuardPolicy = z.infer<typeof GuardPolicy>;

export type GuardDecision = { action: 'commit' } | { action: 'hold'; reasons: string[] };

export function guardChangeSet(
  counts: { previousListed: number; nextListed: number },
  changeSet: ChangeSet,
  policy: GuardPolicy,
): GuardDecision {
  const { previousListed, nextListed } = counts;
  const reasons: string[] = [];
  if (previousListed > 0 && nextListed < previousListed * policy.minEntryShare) {
    reasons.push(
      `the new list has ${nextListed} listed entries against ${previousListed} in the snapshot ` +
        `(${percent(nextListed / previousListed)}; at least ${percent(policy.minEntryShare)} expected)`,
    );
  }
  const { delisted } = changeSet.summary;
  if (previousListed > 0 && delisted > previousListed * policy.maxDelistShare) {
    reasons.push(
      `${delisted} delistings at once (${percent(delisted / previousListed)} of ${previousListed}; ` +
        `at most ${percent(policy.maxDelistShare)} allowed)`,
    );
  }
  return reasons.length > 0 ? { action: 'hold', reasons } : { action: 'commit' };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
