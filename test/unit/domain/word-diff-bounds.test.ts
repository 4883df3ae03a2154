import { wordDiff } from '../../../shared/domain/compare';

/** A pathological field (the fail-closed suite's 450,000 characters) must not cost gigabytes: whole values instead. */
describe('wordDiff on a field too long to diff word by word', () => {
  it('gives the whole before as removed and the whole after as added', () => {
    const huge = 'その他'.repeat(150_000);
    expect(wordDiff('', huge)).toEqual([{ op: 'added', text: huge }]);
    expect(wordDiff(huge, 'その他')).toEqual([
      { op: 'removed', text: huge },
      { op: 'added', text: 'その他' },
    ]);
  });

  it('still diffs ordinary text word by word', () => {
    expect(wordDiff('General Director of Open Joint Stock Company', 'General Director of Joint Stock Company').filter((p) => p.op !== 'equal')).toEqual([
      { op: 'removed', text: 'Open ' },
    ]);
  });
});
