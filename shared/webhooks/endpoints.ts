import { z } from 'zod';
import { ChangeType, type ChangeEvent } from '../domain/change-event';
import { EntityType } from '../domain/designation';
import { sha256Hex } from '../domain/content-hash';

/**
 * The webhook endpoints as the stack hands them to the delivery function (the WEBHOOK_ENDPOINTS variable, from
 * monitor.config.json's `webhooks`). A filter narrows by each key it has, and matches any of a key's values, as an
 * SNS filter policy would.
 */
export const EndpointFilter = z.strictObject({
  changeTypes: z.array(ChangeType).min(1).optional(),
  /** 区分 numbers as strings ("29"), as infra/config.ts writes them. */
  regimes: z.array(z.string().regex(/^[1-9]\d*$/)).min(1).optional(),
  entityTypes: z.array(EntityType).min(1).optional(),
});
export type EndpointFilter = z.infer<typeof EndpointFilter>;

export const EndpointConfig = z.strictObject({
  // http: only reaches a receiver when loopback is allowed (tests); postWebhook refuses it otherwise.
  url: z.url({ protocol: /^https?$/ }),
  /** The Secrets Manager secret holding the signing secret(s). */
  secretName: z.string().min(1),
  filter: EndpointFilter.optional(),
});
export type EndpointConfig = z.infer<typeof EndpointConfig>;

export interface WebhookEndpoint extends EndpointConfig {
  /** Derived from the URL, so it survives reordering the config; the delivery log is keyed by it. */
  id: string;
}

export function webhookEndpoint(config: EndpointConfig): WebhookEndpoint {
  return { ...config, id: `ep_${sha256Hex(config.url).slice(0, 16)}` };
}

export function matchesFilter(filter: EndpointFilter | undefined, event: ChangeEvent): boolean {
  if (!filter) return true;
  return (
    (filter.changeTypes?.includes(event.type) ?? true) &&
    (filter.regimes?.includes(String(event.regime.number)) ?? true) &&
    (filter.entityTypes?.includes(event.entityType) ?? true)
  );
}

/** For logs and the delivery log: a URL may carry credentials or a token in its query, which stay out of both. */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
