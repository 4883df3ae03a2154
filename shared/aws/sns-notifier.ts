import {
  PublishBatchCommand,
  PublishCommand,
  type MessageAttributeValue,
  type PublishBatchRequestEntry,
  type PublishCommandInput,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { ChangeEvent } from '../domain/change-event';
import { eventReference } from '../domain/event-reference';
import type { EventArchive, Notifier } from '../ports';
import type { OperatorAlert, VersionNotification } from '../records';
import { renderDigest, type DigestAttributes } from '../render/digest';
import { renderOperatorAlert } from '../render/operator-alert';

/** SNS caps one message, and one PublishBatch request as a whole, at 256 KiB: bodies and attributes together. */
const SNS_MAX_BYTES = 256 * 1024;
const BATCH_MAX_ENTRIES = 10;

export interface SnsNotifierOptions {
  client: SNSClient;
  /** Digests (attribute kind=digest) for email/SMS and change events (kind=event) for machines share this topic. */
  changeTopicArn: string;
  operatorTopicArn: string;
  /** Where an event too big for SNS is kept whole, for its message to name it (the archive bucket). */
  events: EventArchive;
}

/**
 * Publishes a version as one digest for people and one JSON message per change for machines.
 *
 * Message attributes, for subscription filter policies:
 * - digest: `kind`=digest, and `changeTypes`, `regimes`, `entityTypes` as String.Array. An empty list is left out
 *   rather than sent as `[]` (a baseline has none): SNS then sees the attribute as absent, which a policy can
 *   select with `{"exists": false}` and which no value match or `anything-but` ever matches.
 * - event: `kind`=event, `changeType`, `regime` (the 区分 number as a string), `entityType`; and `byReference`=true
 *   on an event too big for SNS, whose body is then a ChangeEventReference (the event is in the archive).
 */
export class SnsNotifier implements Notifier {
  constructor(private readonly options: SnsNotifierOptions) {}

  async alertOperator(alert: OperatorAlert): Promise<void> {
    const { subject, text: body } = renderOperatorAlert(alert);
    await this.options.client.send(
      new PublishCommand({
        TopicArn: this.options.operatorTopicArn,
        Subject: subject,
        Message: body,
        MessageAttributes: { severity: text(alert.severity) },
      }),
    );
  }

  async publishDigest(notification: VersionNotification): Promise<void> {
    const digest = renderDigest(notification);
    await this.options.client.send(
      new PublishCommand({ ...perProtocol(this.options.changeTopicArn, digest), MessageAttributes: { kind: text('digest'), ...arrayAttributes(digest.attributes) } }),
    );
  }

  async publishEvents(changes: readonly ChangeEvent[], confirmedSent: (ids: string[]) => Promise<void>): Promise<void> {
    let sent = 0;
    const entries: PublishBatchRequestEntry[] = [];
    for (const change of changes) entries.push(await eventEntry(change, this.options.events));
    for (const batch of batches(entries)) {
      const response = await this.options.client.send(
        new PublishBatchCommand({ TopicArn: this.options.changeTopicArn, PublishBatchRequestEntries: batch }),
      );
      // SNS answers 200 for a partly failed batch; an entry it does not confirm was not sent.
      const confirmed = new Set((response.Successful ?? []).map((s) => s.Id));
      const unsent = batch.filter((entry) => !confirmed.has(entry.Id));
      // What SNS took is recorded even when the rest of the batch failed, so a retry does not send it again.
      if (confirmed.size > 0) await confirmedSent(batch.filter((entry) => confirmed.has(entry.Id)).map((entry) => entry.Id!));
      if (unsent.length > 0) {
        const reasons = new Map((response.Failed ?? []).map((f) => [f.Id, `${f.Code}${f.SenderFault ? ' (sender fault)' : ''}: ${f.Message ?? ''}`]));
        const detail = unsent.map((e) => `${e.Id} ${reasons.get(e.Id) ?? 'not confirmed'}`).join('; ');
        throw new Error(`SNS did not publish ${unsent.length} of ${changes.length} change events (${sent} sent before): ${detail}`);
      }
      sent += batch.length;
    }
  }
}

/** One message that SNS renders per protocol: the email and SMS parts to those subscribers, `default` to the rest. */
export function perProtocol(topicArn: string, message: { subject: string; default: string; email: string; sms: string }): PublishCommandInput {
  return {
    TopicArn: topicArn,
    MessageStructure: 'json',
    Subject: message.subject,
    Message: JSON.stringify({ default: message.default, email: message.email, sms: message.sms }),
  };
}

function text(value: string): MessageAttributeValue {
  return { DataType: 'String', StringValue: value };
}

function arrayAttributes(attributes: DigestAttributes): Record<string, MessageAttributeValue> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { DataType: 'String.Array', StringValue: JSON.stringify(values) }]),
  );
}

/**
 * One change event as an SNS message: the body is the ChangeEvent contract, exactly. An event over 256 KiB (a
 * pathological entry, never seen in MOF's data) goes by reference: its body, byte for byte, is stored in the
 * archive first, and the message carries a summary that names it (ChangeEventReference), so that no entry can
 * block publishing, and the webhook deliverer still delivers the whole event.
 */
export async function eventEntry(change: ChangeEvent, events: EventArchive): Promise<PublishBatchRequestEntry> {
  const event = ChangeEvent.parse(change);
  const body = JSON.stringify(event);
  const attributes = {
    kind: text('event'),
    changeType: text(event.type),
    regime: text(String(event.regime.number)),
    entityType: text(event.entityType),
  };
  const whole: PublishBatchRequestEntry = { Id: event.id, Message: body, MessageAttributes: attributes };
  if (entrySize(whole) <= SNS_MAX_BYTES) return whole;
  const url = await events.putEvent(body);
  const reference: PublishBatchRequestEntry = {
    Id: event.id,
    Message: JSON.stringify(eventReference(event, body, url)),
    MessageAttributes: { ...attributes, byReference: text('true') },
  };
  // The summary's texts are cut to a bound, so this cannot happen; a message SNS would refuse must not be tried.
  if (entrySize(reference) > SNS_MAX_BYTES) throw new Error(`change event ${event.id}: even its reference is over 256 KiB`);
  return reference;
}
/** At most ten entries and 256 KiB per request, in order. */
function batches(entries: readonly PublishBatchRequestEntry[]): PublishBatchRequestEntry[][] {
  const result: PublishBatchRequestEntry[][] = [];
  let current: PublishBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (current.length === BATCH_MAX_ENTRIES || (current.length > 0 && bytes + size > SNS_MAX_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** What SNS counts against its limit: the body plus every attribute's name, type and value, in UTF-8 bytes. */
function entrySize(entry: PublishBatchRequestEntry): number {
  const bytes = (s: string | undefined) => Buffer.byteLength(s ?? '', 'utf8');
  const attributes = Object.entries(entry.MessageAttributes ?? {});
  return bytes(entry.Message) + attributes.reduce((sum, [name, a]) => sum + bytes(name) + bytes(a.DataType) + bytes(a.StringValue), 0);
}
