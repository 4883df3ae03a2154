import { wordDiff } from '../../../shared/domain/compare';

const text = (parts: { op: string; text: string }[], op: string) => parts.filter((p) => p.op === op).map((p) => p.text).join('');

describe('word diff', () => {
  it('marks the changed word in context, ignoring width and spacing', () => {
    const parts = wordDiff('旅券番号 ７００１２３４５６  ロシア', '旅券番号 700123457 ロシア');
    expect(text(parts, 'removed')).toBe('700123456');
    expect(text(parts, 'added')).toBe('700123457');
    expect(text(parts, 'equal')).toContain('ロシア');
  });

  it('finds the change in a megabyte-sized cell without exhausting the heap', () => {
    // The shape of the "no record too big" check scenario: 450,000 characters once made the word diff exhaust the heap.
    // The common head and tail are taken off before anything is segmented, so only the differing stretch is diffed.
    const before = 'その他'.repeat(150_000);
    const after = `${before}。追加`;
    const parts = wordDiff(before, after);
    expect(parts).toEqual([{ op: 'equal', text: before }, { op: 'added', text: '。追加' }]);
    // With nothing in common, a value that size is shown replaced whole.
    expect(wordDiff(`A${before}`, `B${before.slice(1)}Z`).map((p) => p.op)).toEqual(['removed', 'added']);
  });

  it('gives up on a rewritten paragraph rather than searching every alignment', () => {
    const words = (seed: number) => Array.from({ length: 1_500 }, (_, i) => `w${(i * seed) % 997}`).join(' ');
    const parts = wordDiff(words(7), words(13));
    // Only the common head (`w0 w`) stays; the rest is shown removed and added whole.
    expect(parts.map((p) => p.op)).toEqual(['equal', 'removed', 'added']);
    expect(parts[0]!.text.length).toBeLessThan(5);
  });
});
