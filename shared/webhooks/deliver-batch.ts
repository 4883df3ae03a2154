import { z } from 'zod';
import { ChangeEvent } from '../domain/change-event';
import { ChangeEventReference, isEventReference, referencedEvent } from '../domain/event-reference';
import type { EventArchive } from '../ports';
import { deliverToEndpoint, type DeliveryContext, type EndpointResult } from './deliver-endpoint';
import { matchesFilter, redactedUrl, type WebhookEndpoint } from './endpoints';
import type { DeliveryQueue } from './ports';
import { targetedEndpoints, type QueuedMessage } from './queued-message';
import { receiveDelaySeconds } from './retry-policy';

export interface BatchDependencies extends DeliveryContext {
  endpoints: readonly WebhookEndpoint[];
  queue: DeliveryQueue;
  /** Where an event sent by reference (too big for SNS) is kept whole: the archive. */
  events: Pick<EventArchive, 'getEvent'>;
}

/** The SQS event source's partial batch response: the messages to leave on the queue. */
export interface BatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/** SQS message attributes hold at most 256 KiB, but a reason is for a person to read. */
const MAX_REASON_CHARS = 1_000;

/**
 * Delivers each message of a batch to every endpoint whose filter matches its event. A message leaves the queue
 * once each of its endpoints has it or was given up on (parked in the dead-letter queue with the reason); otherwise
 * it is reported as a batch item failure and comes back after the policy's delay, skipping what was delivered.
 */
export async function deliverBatch(messages: readonly QueuedMessage[], deps: BatchDependencies): Promise<BatchResponse> {
  const done = await Promise.all(
    messages.map((message) =>
      deliverMessage(message, deps).catch(async (error: unknown) => {
        // The delivery log failed (DynamoDB): this message is retried; redelivery to an endpoint is possible.
        deps.logger.error('webhook message error', { messageId: message.messageId, error: describe(error) });
        await retryLater(message, deps);
        return false;
      }),
    ),
  );
  return { batchItemFailures: messages.filter((_, i) => !done[i]).map((m) => ({ itemIdentifier: m.messageId })) };
}

async function deliverMessage(message: QueuedMessage, deps: BatchDependencies): Promise<boolean> {
  const receiveCount = message.attributes.ApproximateReceiveCount;
  const final = isFinalReceive(message, deps);
  const parsed = parseMessage(message.body);
  if (!parsed.success) return park(message, [], `not a change event: ${parsed.error}`, deps);
  // An event too big for SNS came by reference: what is delivered (and signed) is the whole event, as stored.
  // Fetching it may fail like a delivery (retried later); a stored event that is not the one named never will.
  const resolved = parsed.data.reference ? await fetchReferenced(parsed.data.reference, deps) : { event: parsed.data.event!, body: message.body };
  if ('retry' in resolved) {
    deps.logger.error('referenced change event not fetched', { messageId: message.messageId, url: parsed.data.reference!.event.url, error: resolved.retry });
    await retryLater(message, deps);
    return false;
  }
  if ('refused' in resolved) return park(message, [], `referenced change event refused: ${resolved.refused}`, deps);
  const { event, body } = resolved;

  const targets = targetedEndpoints(message);
  const endpoints = deps.endpoints.filter((e) => (targets?.has(e.id) ?? true) && matchesFilter(e.filter, event));
  const results = await Promise.all(
    endpoints.map((endpoint) =>
      deliverToEndpoint({ event, body, endpoint, message }, deps).catch((error: unknown): EndpointResult => {
        deps.logger.error('webhook delivery error', { eventId: event.id, endpointId: endpoint.id, error: describe(error) });
        return { endpoint, result: 'retryable', detail: `delivery error: ${describe(error)}` };
      }),
    ),
  );
  deps.logger.info('webhook message', {
    messageId: message.messageId,
    eventId: event.id,
    receiveCount,
    endpoints: results.map((r) => ({ endpointId: r.endpoint.id, result: r.result })),
  });

  const failed = results.filter((r): r is Extract<EndpointResult, { detail: string }> => r.result === 'rejected' || r.result === 'retryable');
  const givenUp = failed.filter((r) => r.result === 'rejected' || final);
  if (givenUp.length > 0) {
    const reason = givenUp.map((r) => `${redactedUrl(r.endpoint.url)}: ${r.detail}`).join('; ');
    if (!(await park(message, givenUp.map((r) => r.endpoint.id), reason, deps))) return false;
    const at = deps.now().toISOString();
    await Promise.all(
      givenUp.map((r) => deps.log.markParked({ endpointId: r.endpoint.id, eventId: event.id, url: redactedUrl(r.endpoint.url), messageId: message.messageId, at, reason: r.detail })),
    );
  }
  if (givenUp.length < failed.length) {
    await retryLater(message, deps);
    return false;
  }
  return true;
}

/** Copies the message to the dead-letter queue; if that fails, the message stays on the queue (see retryLater). */
async function park(message: QueuedMessage, endpointIds: string[], reason: string, deps: BatchDependencies): Promise<boolean> {
  const text = reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason;
  try {
    await deps.queue.park(message, endpointIds, text);
    deps.logger.error('webhook parked in the dead-letter queue', { messageId: message.messageId, endpointIds, reason: text });
    return true;
  } catch (error) {
    deps.logger.error('webhook could not be parked', { messageId: message.messageId, endpointIds, error: describe(error) });
    await retryLater(message, deps);
    return false;
  }
}

/**
 * Leaves a failed message invisible for the policy's delay. After its last receive, visible again at once, for SQS to
 * move it to the dead-letter queue itself (its redrive policy) on the next receive. Best effort: if the visibility
 * cannot be changed, the queue's own visibility timeout applies.
 */
async function retryLater(message: QueuedMessage, deps: BatchDependencies): Promise<void> {
  const receiveCount = message.attributes.ApproximateReceiveCount;
  const delaySeconds = isFinalReceive(message, deps) ? 0 : receiveDelaySeconds(receiveCount, deps.policy);
  try {
    await deps.queue.retryLater(message, delaySeconds);
  } catch (error) {
    deps.logger.warn('webhook retry delay not set', { messageId: message.messageId, delaySeconds, error: describe(error) });
  }
}

function isFinalReceive(message: QueuedMessage, deps: BatchDependencies): boolean {
  return message.attributes.ApproximateReceiveCount >= deps.policy.maxReceives;
}

type ParsedMessage = { event: ChangeEvent; reference?: undefined } | { event?: undefined; reference: ChangeEventReference };

/** A change event, or the reference to one that was too big for SNS. */
function parseMessage(body: string): { success: true; data: ParsedMessage } | { success: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { success: false, error: 'the body is not JSON' };
  }
  if (isEventReference(json)) {
    const reference = ChangeEventReference.safeParse(json);
    return reference.success ? { success: true, data: { reference: reference.data } } : { success: false, error: prettified(reference.error) };
  }
  const parsed = ChangeEvent.safeParse(json);
  return parsed.success ? { success: true, data: { event: parsed.data } } : { success: false, error: prettified(parsed.error) };
}

async function fetchReferenced(reference: ChangeEventReference, deps: BatchDependencies): Promise<{ event: ChangeEvent; body: string } | { retry: string } | { refused: string }> {
  let body: string;
  try {
    body = await deps.events.getEvent(reference.event.url);
  } catch (error) {
    return { retry: describe(error) };
  }
  try {
    return { event: referencedEvent(reference, body), body };
  } catch (error) {
    return { refused: describe(error) };
  }
}

function prettified(error: z.ZodError): string {
  return z.prettifyError(error).replace(/\s*\n\s*/g, ' ');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
