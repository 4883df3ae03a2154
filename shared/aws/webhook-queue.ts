import { ChangeMessageVisibilityCommand, SendMessageCommand, type MessageAttributeValue, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryQueue } from '../webhooks/ports';
import { FAILURE_ATTRIBUTE, TARGET_ATTRIBUTE, type QueuedMessage } from '../webhooks/queued-message';

export interface SqsDeliveryQueueOptions {
  client: SQSClient;
  queueUrl: string;
  deadLetterQueueUrl: string;
}

/** The webhook queue as the delivery function acts on it, beyond what the event source mapping does. */
export class SqsDeliveryQueue implements DeliveryQueue {
  constructor(private readonly options: SqsDeliveryQueueOptions) {}

  async retryLater(message: QueuedMessage, delaySeconds: number): Promise<void> {
    await this.options.client.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: this.options.queueUrl, ReceiptHandle: message.receiptHandle, VisibilityTimeout: delaySeconds }),
    );
  }

  /** The body unchanged and SNS's attributes kept, so a redrive puts back exactly what was published. */
  async park(message: QueuedMessage, endpointIds: readonly string[], reason: string): Promise<void> {
    const attributes: Record<string, MessageAttributeValue> = {
      ...queuedAttributes(message),
      [FAILURE_ATTRIBUTE]: { DataType: 'String', StringValue: reason },
      ...(endpointIds.length > 0 && { [TARGET_ATTRIBUTE]: { DataType: 'String', StringValue: endpointIds.join(',') } }),
    };
    await this.options.client.send(new SendMessageCommand({ QueueUrl: this.options.deadLetterQueueUrl, MessageBody: message.body, MessageAttributes: attributes }));
  }
}

/** The event source's attribute shape back into the SDK's, without a previous parking's target and reason. */
function queuedAttributes(message: QueuedMessage): Record<string, MessageAttributeValue> {
  return Object.fromEntries(
    Object.entries(message.messageAttributes)
      .filter(([name]) => name !== TARGET_ATTRIBUTE && name !== FAILURE_ATTRIBUTE)
      .map(([name, a]) => [
        name,
        {
          DataType: a.dataType,
          ...(a.stringValue !== undefined && { StringValue: a.stringValue }),
          ...(a.binaryValue !== undefined && { BinaryValue: Buffer.from(a.binaryValue, 'base64') }),
        },
      ]),
  );
}
