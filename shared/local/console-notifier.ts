import { eventEntry } from '../aws/sns-notifier';
import { ChangeEvent } from '../domain/change-event';
import { ChangeEventReference } from '../domain/event-reference';
import type { ComplianceNotifier, EventArchive, Notifier } from '../ports';
import type { OperatorAlert, VersionNotification, VersionRecord } from '../records';
import { renderDigest, type DigestAttributes } from '../render/digest';
import { renderOperatorAlert } from '../render/operator-alert';
import { type ComplianceMessage, renderScreeningDigest, renderScreeningStatus } from '../render/screening-digest';
import type { RescreenRun, ScreeningStatus } from '../screening/schemas';

/** SNS's PublishBatch limit, which SnsNotifier's batches keep to. */
const EVENT_BATCH = 10;

/** What one channel would have received, had this been SNS. */
export type Delivery =
  | { channel: 'email'; subject: string; body: string; attributes: DigestAttributes }
  | { channel: 'sms'; text: string }
  /** `reference`: what SNS subscribers would have received instead of an event too big for SNS. */
  | { channel: 'event'; event: ChangeEvent; reference?: ChangeEventReference }
  | { channel: 'operator'; severity: OperatorAlert['severity']; subject: string; text: string }
  | { channel: 'compliance-email'; subject: string; body: string }
  | { channel: 'compliance-sms'; text: string };

/**
 * The local stand-in for SNS: renders with the same renderers, keeps every delivery in `deliveries` for
 * inspection, and writes each to a stream as a clearly separated block.
 */
export class ConsoleNotifier implements Notifier, ComplianceNotifier {
  readonly deliveries: Delivery[] = [];

  /**
   * `events`: where an event too big for SNS is stored, as the deployed check stores it (the data dir's archive);
   * given it, such an event is shown as SNS subscribers would receive it, by reference.
   */
  constructor(
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly events?: EventArchive,
  ) {}

  async publishDigest(notification: VersionNotification): Promise<void> {
    const digest = renderDigest(notification);
    await this.deliver([
      { channel: 'email', subject: digest.subject, body: digest.email, attributes: digest.attributes },
      { channel: 'sms', text: digest.sms },
    ]);
  }

  /**
   * In batches of at most ten, each recorded as sent before the next goes, as SnsNotifier sends them: so that a
   * crash, or a failed record, repeats at most one batch (the window the README documents), locally as deployed.
   */
  async publishEvents(events: readonly ChangeEvent[], sent: (ids: string[]) => Promise<void>): Promise<void> {
    const parsed = events.map((c) => ChangeEvent.parse(c));
    for (let first = 0; first < parsed.length; first += EVENT_BATCH) {
      const batch = parsed.slice(first, first + EVENT_BATCH);
      const deliveries = await Promise.all(batch.map((event) => this.eventDelivery(event)));
      await this.deliver(deliveries, { first, of: parsed.length });
      await sent(batch.map((e) => e.id));
    }
  }

  private async eventDelivery(event: ChangeEvent): Promise<Delivery> {
    if (!this.events) return { channel: 'event', event };
    const entry = await eventEntry(event, this.events);
    if (!entry.MessageAttributes?.byReference) return { channel: 'event', event };
    return { channel: 'event', event, reference: ChangeEventReference.parse(JSON.parse(entry.Message!)) };
  }

  async alertOperator(alert: OperatorAlert): Promise<void> {
    const { subject, text } = renderOperatorAlert(alert);
    await this.deliver([{ channel: 'operator', severity: alert.severity, subject, text }]);
  }

  publishMatches(run: RescreenRun, record: VersionRecord): Promise<void> {
    return this.compliance(renderScreeningDigest(run, record));
  }

  publishStatus(status: ScreeningStatus): Promise<void> {
    return this.compliance(renderScreeningStatus(status));
  }

  private async compliance(digest: ComplianceMessage): Promise<void> {
    await this.deliver([
      { channel: 'compliance-email', subject: digest.subject, body: digest.email },
      { channel: 'compliance-sms', text: digest.sms },
    ]);
  }

  /** `events`: where a batch of events stands among all of them, for their numbering. */
  private async deliver(deliveries: readonly Delivery[], events = { first: 0, of: deliveries.length }): Promise<void> {
    this.deliveries.push(...deliveries);
    let eventNumber = events.first;
    const blocks = deliveries.map((d) => format(d, d.channel === 'event' ? `${++eventNumber}/${events.of}` : ''));
    await new Promise<void>((resolve, reject) => {
      this.out.write(blocks.join(''), (error) => (error ? reject(error) : resolve()));
    });
  }
}

function format(delivery: Delivery, position: string): string {
  switch (delivery.channel) {
    case 'email': {
      const attributes = Object.entries(delivery.attributes).map(([name, values]) => `${name}=${values.join(',') || '(none)'}`);
      return block('email', [`Subject: ${delivery.subject}`, `Attributes: ${attributes.join('; ')}`, '', delivery.body]);
    }
    case 'sms':
      return block('sms', [delivery.text]);
    case 'event': {
      const { event, reference } = delivery;
      return reference
        ? block(`event ${position} · ${event.type} ${event.key} · by reference (over 256 KiB)`, [JSON.stringify(reference, null, 2)])
        : block(`event ${position} · ${event.type} ${event.key}`, [JSON.stringify(event, null, 2)]);
    }
    case 'operator':
      return block(`operator alert · ${delivery.severity}`, [`Subject: ${delivery.subject}`, '', delivery.text]);
    case 'compliance-email':
      return block('compliance email', [`Subject: ${delivery.subject}`, '', delivery.body]);
    case 'compliance-sms':
      return block('compliance sms', [delivery.text]);
  }
}

function block(title: string, lines: readonly string[]): string {
  const rule = `──── ${title} `.padEnd(72, '─');
  return `${rule}\n${lines.join('\n').replace(/\n+$/, '')}\n\n`;
}
