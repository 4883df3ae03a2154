import { SubscriptionFilter } from 'aws-cdk-lib/aws-sns';
import { DIGEST_ATTRIBUTES, MESSAGE_KIND } from './check-contract';
import type { Filter } from './config';

/**
 * The SNS filter policy of a person's subscription: digests only (never the per-change machine events), narrowed by
 * the subscriber's filter. The digest's attributes are String.Array, so a digest matches when any of its values does.
 */
export function digestFilterPolicy(filter: Filter | undefined): Record<string, SubscriptionFilter> {
  const policy: Record<string, SubscriptionFilter> = {
    [MESSAGE_KIND.attribute]: SubscriptionFilter.stringFilter({ allowlist: [MESSAGE_KIND.digest] }),
  };
  for (const key of Object.keys(DIGEST_ATTRIBUTES) as (keyof typeof DIGEST_ATTRIBUTES)[]) {
    const values = filter?.[key];
    if (values) policy[DIGEST_ATTRIBUTES[key]] = SubscriptionFilter.stringFilter({ allowlist: [...values] });
  }
  return policy;
}

/** The webhook queue takes every per-change event; each endpoint's filter is applied by the delivery function. */
export function eventFilterPolicy(): Record<string, SubscriptionFilter> {
  return { [MESSAGE_KIND.attribute]: SubscriptionFilter.stringFilter({ allowlist: [MESSAGE_KIND.event] }) };
}
