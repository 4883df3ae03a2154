import { OPERATOR_ALERT_MAX_BYTES, renderOperatorAlert } from '../../../shared/render/operator-alert';

describe('the operator alert', () => {
  it('stays within SNS’s limit counted in UTF-8 bytes, however many details, and says what it cut', () => {
    // 5,000 held keys with Japanese names: three bytes a character, so a character count would pass where bytes do not.
    const details = Array.from({ length: 5_000 }, (_, i) => `${String(i).padStart(6, '0')} 資産凍結等対象者の氏名（日本語）がここに入ります`);
    const { text } = renderOperatorAlert({ severity: 'error', outcome: 'held', summary: 'held', details, source: null, at: '2026-08-28T00:00:00.000Z' });
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(OPERATOR_ALERT_MAX_BYTES + 2_048);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(256 * 1024);
    expect(text).toMatch(/\((\d+) detail line\(s\) cut at 204800 bytes; the check's log has them whole\)/);
    expect(text).not.toContain('\uFFFD');
  });

  it('keeps every detail of an ordinary alert', () => {
    const { text } = renderOperatorAlert({ severity: 'error', outcome: 'held', summary: 'held', details: ['a', 'b'], source: null, at: '2026-08-28T00:00:00.000Z' });
    expect(text).toContain('  - a\n  - b\n');
    expect(text).not.toContain('cut at');
  });
});
