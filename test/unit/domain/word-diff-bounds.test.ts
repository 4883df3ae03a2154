import { wordDiff } from '../../../shared/domain/compare';

describe('wordDiff on a pathological field', () => {
  it('shows a change of hundreds of KB whole, in bounded time and memory, instead of word by word', () => {
    const before = '資産凍結の対象。'.repeat(30_000);
    const after = 'その他'.repeat(150_000);
    const started = performance.now();
    expect(wordDiff(before, after)).toEqual([
      { op: 'removed', text: before },
      { op: 'added', text: after },
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('still diffs an ordinary field word by word', () => {
    expect(wordDiff('Moscow, Russia', 'Saint Petersburg, Russia').filter((p) => p.op !== 'equal').map((p) => p.text.trim())).toEqual(['Moscow', 'Saint Petersburg']);
  });
});
