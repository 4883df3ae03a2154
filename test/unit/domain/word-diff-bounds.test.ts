import { wordDiff } from '../../../shared/domain/compare';

describe('wordDiff on a pathological field', () => {
  it('shows a change of hundreds of KB whole, instead of word by word (the Myers search would take gigabytes)', () => {
    const before = '資産凍結の対象。'.repeat(30_000);
    const after = 'その他'.repeat(150_000);
    expect(wordDiff(before, after)).toEqual([
      { op: 'removed', text: before },
      { op: 'added', text: after },
    ]);
  });

  it('still diffs an ordinary field word by word', () => {
    expect(wordDiff('Moscow, Russia', 'Saint Petersburg, Russia').filter((p) => p.op !== 'equal').map((p) => p.text.trim())).toEqual(['Moscow', 'Saint Petersburg']);
  });
});
