import { parseCsv } from '../../../shared/mof/csv';
import { SUBJECT_MAX_CHARS } from '../../../shared/render/digest';
import { renderScreeningDigest } from '../../../shared/render/screening-digest';
import { screenCustomers } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import type { RescreenRun } from '../../../shared/screening/schemas';
import { versionNotification } from '../../support/notifications';
import { CsvRecords, MAY_2024_KEYS } from '../../support/fixtures';

const excerpt = CsvRecords.excerpt();
const { record, changes } = versionNotification(parseCsv(excerpt.without(MAY_2024_KEYS).toBytes(), { fileName: 'x.csv' }).entries, excerpt, { version: 2 });
const index = new ScreeningIndex(changes.map((c) => c.after!));

/** `count` customers, each a written variant of one of the twelve designations (so each has a real match). */
function runOf(count: number): RescreenRun {
  const variants = ['Vladimir Mikheichik', 'ミヘイチク ウラジミール', 'IBEX Shipping, Inc.', 'Azia Shipping Co.', 'M Leasing, LLC'];
  const customers = Array.from({ length: count }, (_, i) => ({ id: `CUST-${String(i).padStart(6, '0')}`, name: variants[i % variants.length]! }));
  const { hits } = screenCustomers(index, customers, { threshold: 0.88, since: 1 });
  return {
    trigger: 'list', version: 2, screenedAt: '2026-12-02T01:00:00.000Z', threshold: 0.88,
    customerFile: { location: 's3://b/screening/customers.csv', sha256: 'c'.repeat(64), customers: count }, customersScreened: count,
    entries: changes.map((c) => c.key), hits,
  };
}

describe('the compliance digest', () => {
  it('lists every customer with its entry, score and why, and keeps customer data out of the SMS', () => {
    const run = runOf(5);
    expect(run.hits).toHaveLength(5);
    const digest = renderScreeningDigest(run, record);
    for (const hit of run.hits) {
      expect(digest.email).toContain(`顧客 Customer ${hit.customerId}\n`);
      for (const m of hit.matches) expect(digest.email).toContain(`${m.score.toFixed(3)}  ${m.key}  `);
    }
    expect(digest.email).toContain('potential matches to review, not determinations');
    expect(digest.email).toContain('SCREENING#0000000002');
    expect(digest.default).toBe(digest.email);
    expect([...digest.sms].length).toBeLessThanOrEqual(140);
    expect(digest.sms).toMatch(/該当の可能性 \d+件 \(5名\)/);
    for (const hit of run.hits) {
      expect(digest.sms).not.toContain(hit.customerId);
      expect(digest.sms).not.toContain(hit.customerName);
      for (const m of hit.matches) expect(digest.sms).not.toContain(m.key);
    }
    expect([...digest.subject].length).toBeLessThanOrEqual(SUBJECT_MAX_CHARS);
  });

  it('stays within what SNS accepts for 5,000 matching customers, counting those it cannot list', () => {
    const run = runOf(5_000);
    const digest = renderScreeningDigest(run, record);
    const message = JSON.stringify({ default: digest.default, email: digest.email, sms: digest.sms });
    expect(Buffer.byteLength(message, 'utf8') + Buffer.byteLength(digest.subject, 'utf8')).toBeLessThan(256 * 1024);
    const listed = digest.email.match(/顧客 Customer CUST-\d+/g)!.length;
    expect(listed).toBeGreaterThan(100);
    expect(listed).toBeLessThan(5_000);
    expect(digest.email).toContain(`他 ${5_000 - listed} 名 / ${5_000 - listed} more customers`);
    expect(digest.email).toContain('CUST-000000');
    expect(digest.subject).toContain('(5000 customers)');
  });
});
