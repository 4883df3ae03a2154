import { z } from 'zod';
import { ChangeEvent } from '../domain/change-event';

/**
 * What the delivery log keeps per endpoint: one state item per event (the idempotency record) and one item per
 * attempt (the audit trail: who was sent what, when, and what they answered). Layout: shared/aws/webhook-delivery-log.ts.
 */

export const AttemptOutcome = z.enum([
  /** 2xx. */
  'delivered',
  /** 5xx, 429, a network error or a timeout: tried again later. */
  'retryable',
  /** Any other status (redirects included), or a URL refused before sending: given up on, parked for an operator. */
  'rejected',
]);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const DeliveryAttempt = z.object({
  endpointId: z.string().min(1),
  eventId: ChangeEvent.shape.id,
  /** Without credentials or query string. */
  url: z.string(),
  /** Counts every attempt at this event for this endpoint, across receives, redrives and Lambda instances. */
  attempt: z.int().positive(),
  /** The SQS message and its receive count, to tie an attempt to the queue's own history. */
  messageId: z.string().min(1),
  receiveCount: z.int().positive(),
  at: z.iso.datetime(),
  outcome: AttemptOutcome,
  httpStatus: z.int().nullable(),
  latencyMs: z.number().nonnegative(),
  /** Why it was not delivered; never the response body. */
  detail: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const DeliveryState = z.object({
  endpointId: z.string().min(1),
  eventId: ChangeEvent.shape.id,
  url: z.string(),
  attempts: z.int().nonnegative().default(0),
  lastAttemptAt: z.iso.datetime().optional(),
  lastOutcome: AttemptOutcome.optional(),
  lastHttpStatus: z.int().nullable().optional(),
  /** Set once, by the first 2xx: later messages for this event skip this endpoint. */
  deliveredAt: z.iso.datetime().optional(),
  /** Given up on and copied to the dead-letter queue, with the endpoint as its target. */
  parkedAt: z.iso.datetime().optional(),
  parkedReason: z.string().optional(),
  /**
   * The SQS message that was being delivered then: its later receives leave this endpoint alone. Any other message
   * tries it again, notably the parked copy (a new message) once an operator redrives it.
   */
  parkedMessageId: z.string().optional(),
});
export type DeliveryState = z.infer<typeof DeliveryState>;

export interface Parking {
  endpointId: string;
  eventId: string;
  url: string;
  messageId: string;
  at: string;
  reason: string;
}
