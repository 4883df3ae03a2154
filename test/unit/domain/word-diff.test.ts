import { wordDiff } from '../../../shared/domain/compare';

const text = (parts: { op: string; text: string }[], op: string) => parts.filter((p) => p.op === op).map((p) => p.text).join('');

describe('word diff', () => {
  it('marks the changed word in context, ignoring width and spacing', () => {
    const parts = wordDiff('旅券番号 ７００１２３４５６  ロシア', '旅券番号 700123457 ロシア');
    expect(text(parts, 'removed')).toBe('700123456');
    expect(text(parts, 'added')).toBe('700123457');
    expect(text(parts, 'equal')).toContain('ロシア');
  });

  it('shows a megabyte-sized cell as replaced whole instead of exhausting the heap', () => {
    // The shape of the "no record too big" check scenario: 450,000 characters once made the word diff exhaust the heap.
    const before = 'その他'.repeat(150_000);
    const after = `${before}。追加`;
    const parts = wordDiff(before, after);
    expect(parts).toEqual([{ op: 'removed', text: before }, { op: 'added', text: after }]);
  });

  it('gives up on a rewritten paragraph rather than searching every alignment', () => {
    const words = (seed: number) => Array.from({ length: 1_500 }, (_, i) => `w${(i * seed) % 997}`).join(' ');
    const parts = wordDiff(words(7), words(13));
    expect(parts.map((p) => p.op)).toEqual(['removed', 'added']);
  });
});
