import { z } from 'zod';

/**
 * One message of the webhook queue as the SQS event source hands it to the function: a ChangeEvent JSON body (SNS
 * raw delivery) and SNS's message attributes, plus, on a message parked by the function, the two below.
 */

/** The endpoint ids a parked message is for, comma-separated: a redrive retries those, not every endpoint. */
export const TARGET_ATTRIBUTE = 'webhookEndpoints';
/** Why the function parked it, for whoever reads the dead-letter queue. */
export const FAILURE_ATTRIBUTE = 'webhookFailure';

const MessageAttribute = z.object({
  dataType: z.string(),
  stringValue: z.string().optional(),
  binaryValue: z.string().optional(),
});

export const QueuedMessage = z.object({
  messageId: z.string().min(1),
  receiptHandle: z.string().min(1),
  body: z.string(),
  attributes: z.object({ ApproximateReceiveCount: z.coerce.number().int().positive() }),
  messageAttributes: z.record(z.string(), MessageAttribute).default({}),
});
export type QueuedMessage = z.infer<typeof QueuedMessage>;

export function targetedEndpoints(message: QueuedMessage): Set<string> | null {
  const value = message.messageAttributes[TARGET_ATTRIBUTE]?.stringValue;
  return value ? new Set(value.split(',').filter(Boolean)) : null;
}
