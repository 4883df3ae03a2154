import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeEvent } from '../../shared/domain/change-event';
import { parseCsv } from '../../shared/mof/csv';
import { QueuedMessage } from '../../shared/webhooks/queued-message';
import { verifyWebhook } from '../../shared/webhooks/verify';
import { CsvRecords, MAY_2024_KEYS } from './fixtures';
import { LIST_FILE, versionNotification } from './notifications';

/** Shared by the webhook unit and integration tests: real events, queued messages, and receivers on 127.0.0.1. */

export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * The 12 designations of 24 May 2024, diffed from the real excerpt: 029-000729 is a Russian individual (regime
 * 29), 028-* Russian entities, 034-* Cyprus entities.
 */
export function may2024Events(): ChangeEvent[] {
  const excerpt = CsvRecords.excerpt();
  const before = parseCsv(excerpt.without(MAY_2024_KEYS).toBytes(), { fileName: LIST_FILE }).entries;
  return versionNotification(before, excerpt).changes;
}

export function eventFor(events: readonly ChangeEvent[], key: string): ChangeEvent {
  const event = events.find((e) => e.key === key);
  if (!event) throw new Error(`no event for ${key}`);
  return event;
}

let messages = 0;

/** A message as the SQS event source delivers it: the event's JSON body and SNS's attributes (raw delivery). */
export function queued(body: ChangeEvent | string, options: { receiveCount?: number; attributes?: Record<string, string> } = {}): QueuedMessage {
  const id = `msg-${++messages}`;
  const event = typeof body === 'string' ? null : body;
  const attributes = {
    ...(event && { kind: 'event', changeType: event.type, regime: String(event.regime.number), entityType: event.entityType }),
    ...options.attributes,
  };
  return QueuedMessage.parse({
    messageId: id,
    receiptHandle: `receipt-${id}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: { ApproximateReceiveCount: String(options.receiveCount ?? 1) },
    messageAttributes: Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { dataType: 'String', stringValue: value }])),
  });
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The id verify.ts accepted, or why it refused. */
  verified: { id: string } | { error: string };
  status: number;
}

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Verified requests' event ids, in order. */
  received(): string[];
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** The secret(s) this receiver verifies with; a request that fails verification gets 401. */
  secrets?: string[];
  /** Status per request, in order; the last one repeats. */
  statuses?: number[];
  /** Takes over the response entirely (hang, redirect, huge body). */
  respond?: (response: ServerResponse) => void;
}

/** A compliance system's endpoint, as its owner would write it with verify.ts. */
export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const statuses = options.statuses ?? [204];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: ReceivedRequest['verified'] = { error: 'no secret configured' };
      if (options.secrets) {
        try {
          verified = { id: verifyWebhook(body, request.headers, options.secrets).id };
        } catch (error) {
          verified = { error: (error as Error).message };
        }
      }
      const scripted = statuses[Math.min(requests.length, statuses.length - 1)]!;
      const status = options.secrets && 'error' in verified ? 401 : scripted;
      requests.push({ path: request.url ?? '', headers: request.headers, body, verified, status });
      if (options.respond) return options.respond(response);
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/jp-sanctions`,
    port,
    requests,
    received: () => requests.flatMap((r) => ('id' in r.verified ? [r.verified.id] : [])),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
