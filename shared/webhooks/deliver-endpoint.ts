import type { ChangeEvent } from '../domain/change-event';
import { backoffMs } from '../http/backoff';
import type { AttemptOutcome, DeliveryAttempt } from './delivery-records';
import { redactedUrl, type WebhookEndpoint } from './endpoints';
import type { PostResult } from './http-post';
import type { DeliveryLog, DeliveryLogger, PostFunction, SigningKeys } from './ports';
import type { QueuedMessage } from './queued-message';
import type { RetryPolicy } from './retry-policy';
import { signatureHeader } from './signature';

export interface DeliveryContext {
  log: DeliveryLog;
  keys: SigningKeys;
  post: PostFunction;
  logger: DeliveryLogger;
  policy: RetryPolicy;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter source. */
  random: () => number;
  /** Milliseconds left in this invocation. */
  remainingMs: () => number;
}

export interface Delivery {
  event: ChangeEvent;
  /** The message body as published, byte for byte: that is what is signed and sent. */
  body: string;
  endpoint: WebhookEndpoint;
  message: QueuedMessage;
}

export type EndpointResult =
  | { endpoint: WebhookEndpoint; result: 'delivered' | 'already-delivered' | 'parked-earlier' }
  | { endpoint: WebhookEndpoint; result: 'retryable' | 'rejected'; detail: string };

/** Time kept after the last attempt for its log writes, parking and the visibility change. */
const RESERVE_MS = 5_000;

/**
 * Delivers one event to one endpoint within this receive: skipped if the log says it was delivered (or parked while
 * delivering this very message), else up to `attemptsPerReceive` signed POSTs while time allows.
 */
export async function deliverToEndpoint(delivery: Delivery, context: DeliveryContext): Promise<EndpointResult> {
  const { endpoint, event, message } = delivery;
  const { policy } = context;
  const state = await context.log.state(endpoint.id, event.id);
  if (state?.deliveredAt) return { endpoint, result: 'already-delivered' };
  if (state?.parkedMessageId === message.messageId) return { endpoint, result: 'parked-earlier' };

  let detail = 'not attempted: too little time left in this invocation';
  for (let n = 1; n <= policy.attemptsPerReceive; n++) {
    if (context.remainingMs() < policy.attemptTimeoutMs + RESERVE_MS) break;
    const attempt = await attemptOnce(delivery, context);
    if (attempt.outcome === 'delivered') return { endpoint, result: 'delivered' };
    detail = attempt.detail ?? attempt.outcome;
    if (attempt.outcome === 'rejected') return { endpoint, result: 'rejected', detail };
    if (n < policy.attemptsPerReceive) await context.sleep(backoffMs(n, policy, context.random));
  }
  return { endpoint, result: 'retryable', detail };
}

async function attemptOnce({ endpoint, event, body, message }: Delivery, context: DeliveryContext): Promise<DeliveryAttempt> {
  const keys = await context.keys.keysFor(endpoint.secretName);
  const at = context.now();
  const timestamp = Math.floor(at.getTime() / 1000);
  const headers = {
    'webhook-id': event.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(keys, event.id, timestamp, body),
  };
  const result = await context.post(new URL(endpoint.url), body, headers);
  const attempt = await context.log.recordAttempt({
    endpointId: endpoint.id,
    eventId: event.id,
    url: redactedUrl(endpoint.url),
    messageId: message.messageId,
    receiveCount: message.attributes.ApproximateReceiveCount,
    at: at.toISOString(),
    ...classify(result),
    latencyMs: result.latencyMs,
  });
  if (attempt.outcome === 'delivered') context.logger.info('webhook delivered', attempt);
  else context.logger.warn('webhook attempt failed', attempt);
  return attempt;
}

export function classify(result: PostResult): { outcome: AttemptOutcome; httpStatus: number | null; detail: string | null } {
  if (result.kind === 'refused') return { outcome: 'rejected', httpStatus: null, detail: result.detail };
  if (result.kind === 'failed') return { outcome: 'retryable', httpStatus: null, detail: result.detail };
  const { status } = result;
  if (status >= 200 && status < 300) return { outcome: 'delivered', httpStatus: status, detail: null };
  if (status === 429 || status >= 500) return { outcome: 'retryable', httpStatus: status, detail: `HTTP ${status}` };
  const redirect = status >= 300 && status < 400 ? ': redirects are not followed, configure the final URL' : '';
  return { outcome: 'rejected', httpStatus: status, detail: `HTTP ${status}${redirect}` };
}
