import { z } from 'zod';
import { ChangeEvent, CHANGE_SCHEMA_VERSION } from './change-event';
import { sha256Hex } from './content-hash';

/**
 * A change event too big for one SNS message (256 KiB) goes by reference: the event, byte for byte as it would have
 * been published, is stored in the archive, and the message carries this summary naming it. The webhook deliverer
 * fetches the event and delivers it whole; any other subscriber of the topic reads where it is.
 *
 * Deliberately not a valid ChangeEvent (no `before`/`after`; `fields` are names only): a consumer that validates
 * messages against change-event.v1.json refuses it instead of taking a summary for the change.
 */
export const ChangeEventReference = ChangeEvent.pick({
  schemaVersion: true,
  id: true,
  type: true,
  key: true,
  regime: true,
  noticeNumber: true,
  entityType: true,
  name: true,
  effectiveOn: true,
  source: true,
}).extend({
  // Every text of the summary is cut to SUMMARY_TEXT_MAX_CHARS (ending in `…`): the summary must fit whatever the list says.
  /** The paths of the fields that changed (amendments, relistings), without their values. */
  changedFields: z.array(z.string()),
  /** Where the whole event is: its JSON text, of `bytes` UTF-8 bytes, whose SHA-256 is `sha256`. */
  event: z.object({
    url: z.string().regex(/^(s3:\/\/|\/)/, 'an s3:// URL or an absolute path'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
  }),
});
export type ChangeEventReference = z.infer<typeof ChangeEventReference>;

/** Long enough for any real name or notice number (MOF's longest name is under 200 characters). */
export const SUMMARY_TEXT_MAX_CHARS = 1_000;

/** The summary of `event`, whose JSON text `body` is stored at `url`. */
export function eventReference(event: ChangeEvent, body: string, url: string): ChangeEventReference {
  const cut = (text: string) => ([...text].length <= SUMMARY_TEXT_MAX_CHARS ? text : [...text].slice(0, SUMMARY_TEXT_MAX_CHARS - 1).join('') + '…');
  const cutNullable = (text: string | null) => (text === null ? null : cut(text));
  return {
    schemaVersion: CHANGE_SCHEMA_VERSION,
    id: event.id,
    type: event.type,
    key: cut(event.key),
    regime: { number: event.regime.number, title: cutNullable(event.regime.title) },
    noticeNumber: cut(event.noticeNumber),
    entityType: event.entityType,
    name: { ja: cutNullable(event.name.ja), en: cutNullable(event.name.en) },
    effectiveOn: event.effectiveOn,
    changedFields: [...new Set(event.fields.map((f) => cut(f.field)))],
    source: event.source,
    event: { url, sha256: sha256Hex(body), bytes: Buffer.byteLength(body, 'utf8') },
  };
}

/** A message body that is a reference rather than an event: told apart by its `event` pointer. */
export function isEventReference(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'event' in json && 'changedFields' in json;
}

/**
 * The event a reference names, from the text fetched at its URL: refused unless it is exactly the stored bytes
 * (its sha256) of the event the reference names (its id).
 */
export function referencedEvent(reference: ChangeEventReference, text: string): ChangeEvent {
  const sha256 = sha256Hex(text);
  if (sha256 !== reference.event.sha256) throw new Error(`${reference.event.url} has sha256 ${sha256}, not the ${reference.event.sha256} its reference names`);
  const event = ChangeEvent.parse(JSON.parse(text));
  if (event.id !== reference.id) throw new Error(`${reference.event.url} holds change event ${event.id}, not ${reference.id}`);
  return event;
}
