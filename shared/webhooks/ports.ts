import type { DeliveryAttempt, DeliveryState, Parking } from './delivery-records';
import type { PostResult } from './http-post';
import type { QueuedMessage } from './queued-message';

/** What delivery needs from the outside, so that the function, the bench and the tests wire it differently. */

export interface SigningKeys {
  /** The HMAC keys of a secret, in signing order; several during a rotation. */
  keysFor(secretName: string): Promise<Buffer[]>;
}

export interface DeliveryLog {
  state(endpointId: string, eventId: string): Promise<DeliveryState | null>;
  /** Records an attempt and returns it numbered: the how-manieth attempt at this event for this endpoint. */
  recordAttempt(attempt: Omit<DeliveryAttempt, 'attempt'>): Promise<DeliveryAttempt>;
  markParked(parking: Parking): Promise<void>;
}

export interface DeliveryQueue {
  /** Makes a failed message visible again after `delaySeconds`. */
  retryLater(message: QueuedMessage, delaySeconds: number): Promise<void>;
  /** Copies a message to the dead-letter queue, for the given endpoints (all: an empty list) and with a reason. */
  park(message: QueuedMessage, endpointIds: readonly string[], reason: string): Promise<void>;
}

export type PostFunction = (url: URL, body: string, headers: Readonly<Record<string, string>>) => Promise<PostResult>;

/** Powertools' Logger fits; structured fields, never secrets or signatures. */
export interface DeliveryLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}
