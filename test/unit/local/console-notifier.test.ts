import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { FileArchive } from '../../../shared/local/file-archive';
import { withLongName } from '../../support/long-entry';
import { ChangeEvent } from '../../../shared/domain/change-event';
import type { Designation } from '../../../shared/domain/designation';
import { ConsoleNotifier } from '../../../shared/local/console-notifier';
import { parseCsv } from '../../../shared/mof/csv';
import { OperatorAlert, VersionNotification } from '../../../shared/records';
import { renderDigest } from '../../../shared/render/digest';
import { renderOperatorAlert } from '../../../shared/render/operator-alert';
import { publishAll, versionNotification } from '../../support/notifications';
import { CsvRecords, MAY_2024_KEYS } from '../../support/fixtures';

const FILE = 'shisantouketsu20260828.csv';
const excerpt = CsvRecords.excerpt();
const entriesOf = (records: CsvRecords) => parseCsv(records.toBytes(), { fileName: FILE }).entries;

function notification(previous: Designation[], next: CsvRecords, kind: 'changes' | 'baseline' = 'changes'): VersionNotification {
  return versionNotification(previous, next, { kind, version: 5 });
}

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, output: () => text };
}

describe('ConsoleNotifier', () => {
  it('keeps and prints what email, SMS and event subscribers would receive, rendered as for SNS', async () => {
    const input = notification(entriesOf(excerpt.without(MAY_2024_KEYS)), excerpt);
    const { stream, output } = capture();
    const notifier = new ConsoleNotifier(stream);
    await publishAll(notifier, input);

    const digest = renderDigest(input);
    expect(notifier.deliveries.map((d) => d.channel)).toEqual([...Array(12).fill('event'), 'email', 'sms']);
    expect(notifier.deliveries[12]).toEqual({ channel: 'email', subject: digest.subject, body: digest.email, attributes: digest.attributes });
    expect(notifier.deliveries[13]).toEqual({ channel: 'sms', text: digest.sms });
    const events = notifier.deliveries.flatMap((d) => (d.channel === 'event' ? [d.event] : []));
    expect(events).toEqual(input.changes.map((c) => ChangeEvent.parse(c)));

    const printed = output();
    expect(printed).toMatch(/\n──── email ─+\nSubject: \[JP sanctions\] 12 designated — MOF list 2026-08-28/);
    expect(printed).toContain('Attributes: changeTypes=designated; regimes=28,29,34; entityTypes=entity,individual');
    expect(printed).toContain(digest.email.trimEnd());
    expect(printed).toContain(`──── sms ─`);
    expect(printed).toContain(`\n${digest.sms}\n`);
    expect(printed).toContain('──── event 10/12 · designated 029-000729 ─');
    expect(printed).toContain(JSON.stringify(events[9], null, 2));
  });

  it('sends events as SNS batches them, at most ten, each printed before it is recorded as sent and the next goes', async () => {
    const input = notification(entriesOf(excerpt.without(MAY_2024_KEYS)), excerpt);
    const { stream, output } = capture();
    const notifier = new ConsoleNotifier(stream);
    const recorded: Array<{ ids: string[]; printed: number }> = [];
    await notifier.publishEvents(input.changes, async (ids) => void recorded.push({ ids, printed: output().match(/──── event /g)?.length ?? 0 }));
    expect(recorded).toEqual([
      { ids: input.changes.slice(0, 10).map((c) => c.id), printed: 10 },
      { ids: input.changes.slice(10).map((c) => c.id), printed: 12 },
    ]);
    expect(output()).toContain('──── event 11/12 ·');

    // A record that fails stops the sending there: the second batch never goes, so a retry repeats one batch at most.
    const failing = new ConsoleNotifier(new PassThrough().resume());
    await expect(failing.publishEvents(input.changes, async () => Promise.reject(new Error('store unavailable')))).rejects.toThrow('store unavailable');
    expect(failing.deliveries).toHaveLength(10);
  });

  it('given the data dir\'s archive, shows an event too big for SNS by reference, as SNS subscribers would get it', async () => {
    const archive = mkdtempSync(join(tmpdir(), 'jsm-console-events-'));
    try {
      const input = notification(entriesOf(excerpt.without(MAY_2024_KEYS)), withLongName(excerpt, '029-000729', 300_000));
      const { stream, output } = capture();
      const notifier = new ConsoleNotifier(stream, new FileArchive(archive));
      await publishAll(notifier, input);
      const events = notifier.deliveries.flatMap((d) => (d.channel === 'event' ? [d] : []));
      expect(events.filter((d) => d.reference).map((d) => d.event.key)).toEqual(['029-000729']);
      const { reference, event } = events.find((d) => d.reference)!;
      expect(reference!.event.url.startsWith(join(archive, 'events'))).toBe(true);
      expect(readFileSync(reference!.event.url, 'utf8')).toBe(JSON.stringify(event));
      expect(output()).toMatch(/──── event \d+\/12 · designated 029-000729 · by reference \(over 256 KiB\) ─/);
      expect(output().length).toBeLessThan(200_000);
    } finally {
      rmSync(archive, { recursive: true, force: true });
    }
  });

  it('prints a baseline as the monitoring-started email and SMS only', async () => {
    const { stream, output } = capture();
    const notifier = new ConsoleNotifier(stream);
    await publishAll(notifier, notification([], excerpt, 'baseline'));
    expect(notifier.deliveries.map((d) => d.channel)).toEqual(['email', 'sms']);
    expect(output()).toContain('Attributes: changeTypes=(none); regimes=(none); entityTypes=(none)');
    expect(output()).toContain('監視を開始しました');
    expect(output()).not.toContain('──── event');
  });

  it('prints operator alerts apart from subscriber messages', async () => {
    const alert = OperatorAlert.parse({
      severity: 'warning',
      outcome: 'failed',
      summary: 'The index page links no CSV file',
      details: ['list.html: no link matching shisantouketsu*.csv'],
      source: null,
      at: '2026-08-28T09:00:00.000Z',
    });
    const { stream, output } = capture();
    const notifier = new ConsoleNotifier(stream);
    await notifier.alertOperator(alert);
    const { subject, text } = renderOperatorAlert(alert);
    expect(notifier.deliveries).toEqual([{ channel: 'operator', severity: 'warning', subject, text }]);
    expect(output()).toMatch(/^──── operator alert · warning ─+\nSubject: \[JP sanctions monitor\] WARNING failed: The index page links no CSV file\n\n/);
    expect(output()).toContain('  - list.html: no link matching shisantouketsu*.csv');
  });
});
