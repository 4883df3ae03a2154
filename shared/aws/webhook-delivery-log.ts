import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DeliveryAttempt, DeliveryState, type Parking } from '../webhooks/delivery-records';
import type { DeliveryLog } from '../webhooks/ports';

/**
 * The webhook delivery log, in the monitor's table next to the list snapshot (`LIST#<listId>`), one partition per
 * endpoint so the delivery function's role can be held to it (IAM `dynamodb:LeadingKeys` = `WEBHOOK#*`):
 * - `WEBHOOK#<endpointId>` / `EVENT#<eventId>`: DeliveryState, the idempotency record. `attempts` is an atomic
 *   counter; `deliveredAt` is set by the first 2xx and never changed; `parkedAt` (and the message then being
 *   delivered) when given up on.
 * - `WEBHOOK#<endpointId>` / `ATTEMPT#<at>#<eventId>#<attempt:6>`: one DeliveryAttempt per POST (or refusal), in
 *   time order, so one Query between two instants lists what an endpoint was sent and what it answered.
 * Items are kept for good: they are the record of who was told what, when.
 */
export const WEBHOOK_PARTITION_PREFIX = 'WEBHOOK#';

export interface DynamoDbDeliveryLogOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export class DynamoDbDeliveryLog implements DeliveryLog {
  constructor(private readonly options: DynamoDbDeliveryLogOptions) {}

  async state(endpointId: string, eventId: string): Promise<DeliveryState | null> {
    const key = stateKey(endpointId, eventId);
    const { Item } = await this.options.client.send(new GetCommand({ TableName: this.options.tableName, Key: key, ConsistentRead: true }));
    if (!Item) return null;
    const parsed = DeliveryState.safeParse(Item);
    if (!parsed.success) throw new Error(`damaged delivery record ${key.pk}/${key.sk}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  async recordAttempt(input: Omit<DeliveryAttempt, 'attempt'>): Promise<DeliveryAttempt> {
    const set: Record<string, unknown> = {
      endpointId: input.endpointId,
      eventId: input.eventId,
      url: input.url,
      lastAttemptAt: input.at,
      lastOutcome: input.outcome,
      lastHttpStatus: input.httpStatus,
    };
    const { Attributes } = await this.options.client.send(
      new UpdateCommand({
        TableName: this.options.tableName,
        Key: stateKey(input.endpointId, input.eventId),
        ...updateExpression(set, {
          add: { attempts: 1 },
          ...(input.outcome === 'delivered' && { ifAbsent: { deliveredAt: input.at } }),
        }),
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const attempt = DeliveryAttempt.parse({ ...input, attempt: Attributes?.attempts });
    await this.options.client.send(
      new PutCommand({
        TableName: this.options.tableName,
        Item: { pk: partition(attempt.endpointId), sk: `ATTEMPT#${attempt.at}#${attempt.eventId}#${String(attempt.attempt).padStart(6, '0')}`, ...attempt },
      }),
    );
    return attempt;
  }

  async markParked(parking: Parking): Promise<void> {
    const { endpointId, eventId, url, messageId, at, reason } = parking;
    await this.options.client.send(
      new UpdateCommand({
        TableName: this.options.tableName,
        Key: stateKey(endpointId, eventId),
        ...updateExpression({ endpointId, eventId, url, parkedAt: at, parkedReason: reason, parkedMessageId: messageId }, {}),
      }),
    );
  }
}

function partition(endpointId: string): string {
  return `${WEBHOOK_PARTITION_PREFIX}${endpointId}`;
}

function stateKey(endpointId: string, eventId: string): { pk: string; sk: string } {
  return { pk: partition(endpointId), sk: `EVENT#${eventId}` };
}

/** Every name aliased: `url` and friends may be DynamoDB reserved words, now or later. */
function updateExpression(set: Record<string, unknown>, extra: { add?: Record<string, number>; ifAbsent?: Record<string, unknown> }) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const alias = (field: string, value: unknown) => {
    const i = Object.keys(names).length;
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    return [`#f${i}`, `:f${i}`] as const;
  };
  const sets = Object.entries(set).map(([field, value]) => alias(field, value).join(' = '));
  for (const [field, value] of Object.entries(extra.ifAbsent ?? {})) {
    const [name, placeholder] = alias(field, value);
    sets.push(`${name} = if_not_exists(${name}, ${placeholder})`);
  }
  const adds = Object.entries(extra.add ?? {}).map(([field, value]) => alias(field, value).join(' '));
  const expression = [`SET ${sets.join(', ')}`, ...(adds.length > 0 ? [`ADD ${adds.join(', ')}`] : [])].join(' ');
  return { UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
