import { z } from 'zod';
import { EndpointConfig } from '../../shared/webhooks/endpoints';
import { RetryPolicy } from '../../shared/webhooks/retry-policy';

const endpoints = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.array(EndpointConfig));

/** The delivery Lambda's environment, set by infra/constructs/webhook-delivery.ts. A bad value stops it at start. */
export const DeliveryConfig = z.object({
  TABLE_NAME: z.string().min(3),
  /** The archive, where a change event too big for SNS is kept (under raw/events/, the one folder the function may read). */
  ARCHIVE_BUCKET: z.string().min(3),
  QUEUE_URL: z.url(),
  DEAD_LETTER_QUEUE_URL: z.url(),
  /** JSON: [{ url, secretName, filter? }]. */
  WEBHOOK_ENDPOINTS: endpoints,
  /** The queue's maxReceiveCount: the receive at which the function parks what is still failing. */
  MAX_RECEIVES: z.coerce.number().pipe(RetryPolicy.shape.maxReceives.unwrap()),
  ATTEMPT_TIMEOUT_MS: z.coerce.number().pipe(RetryPolicy.shape.attemptTimeoutMs.unwrap()).default(10_000),
  /** Only for tests against receivers on 127.0.0.1; never set by the stack. */
  ALLOW_LOOPBACK: z.stringbool().default(false),
});
export type DeliveryConfig = z.infer<typeof DeliveryConfig>;

export function readDeliveryConfig(env: NodeJS.ProcessEnv): DeliveryConfig {
  const parsed = DeliveryConfig.safeParse(env);
  if (!parsed.success) throw new Error(`invalid webhook delivery configuration: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  return parsed.data;
}
