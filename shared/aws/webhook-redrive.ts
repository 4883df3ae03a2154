import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { FAILURE_ATTRIBUTE } from '../webhooks/queued-message';

export interface RedriveOptions {
  /** The dead-letter queue. */
  from: string;
  /** The webhook queue. */
  to: string;
  /** Default: as many as the dead-letter queue held when the redrive started. */
  max?: number;
}

export interface RedriveResult {
  moved: number;
  /** Left in the dead-letter queue (visible again after the receive's visibility timeout). */
  failed: Array<{ messageId: string; reason: string }>;
}

/** While a batch is being moved, other consumers of the dead-letter queue do not see it. */
const IN_FLIGHT_SECONDS = 60;

/**
 * Moves parked webhook messages back onto the webhook queue: body and attributes as they were (a parked message's
 * endpoint target included, so only the endpoints that failed get it again), its failure reason dropped. Each
 * message is deleted from the dead-letter queue only once the webhook queue has accepted it.
 *
 * Bounded by the count at the start: a message that fails again at once (an endpoint still answering 4xx) returns
 * to the dead-letter queue and must not be moved round in circles.
 */
export async function redriveWebhooks(client: SQSClient, options: RedriveOptions): Promise<RedriveResult> {
  const max = options.max ?? (await visibleMessages(client, options.from));
  const result: RedriveResult = { moved: 0, failed: [] };
  while (result.moved + result.failed.length < max) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: options.from,
        MaxNumberOfMessages: Math.min(10, max - result.moved - result.failed.length),
        WaitTimeSeconds: 1,
        VisibilityTimeout: IN_FLIGHT_SECONDS,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    await moveBatch(client, options, Messages, result);
  }
  return result;
}

async function moveBatch(client: SQSClient, options: RedriveOptions, messages: Message[], result: RedriveResult): Promise<void> {
  const { Successful = [], Failed = [] } = await client.send(
    new SendMessageBatchCommand({
      QueueUrl: options.to,
      Entries: messages.map((m, i) => {
        const { [FAILURE_ATTRIBUTE]: _reason, ...attributes } = m.MessageAttributes ?? {};
        return { Id: String(i), MessageBody: m.Body ?? '', MessageAttributes: attributes };
      }),
    }),
  );
  const sent = new Set(Successful.map((s) => s.Id));
  const moved = messages.map((m, i) => ({ m, id: String(i) })).filter(({ id }) => sent.has(id));
  if (moved.length > 0) {
    const deleted = await client.send(
      new DeleteMessageBatchCommand({ QueueUrl: options.from, Entries: moved.map(({ m, id }) => ({ Id: id, ReceiptHandle: m.ReceiptHandle! })) }),
    );
    // Such a message will be moved again by a later redrive; the delivery log keeps endpoints from getting it twice.
    result.moved += moved.length - (deleted.Failed?.length ?? 0);
    for (const f of deleted.Failed ?? []) result.failed.push({ messageId: messages[Number(f.Id)]?.MessageId ?? f.Id ?? '?', reason: `copied, but not deleted from the dead-letter queue: ${f.Code}` });
  }
  for (const f of Failed) result.failed.push({ messageId: messages[Number(f.Id)]?.MessageId ?? f.Id ?? '?', reason: `not moved: ${f.Code} ${f.Message ?? ''}`.trim() });
}

async function visibleMessages(client: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}
