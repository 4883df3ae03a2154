/**
 * What the check Lambda's module load leaves to first use, because a cold start pays for everything evaluated at
 * load (npm run bench measures it): a check that screens no one never loads the matcher, and a process that diffs no
 * text never makes ICU's Japanese word segmenter (26 ms of CPU to make).
 */
describe("the check Lambda's cold load", () => {
  /** Requires `entry` in a fresh module registry and says whether `probe` (a module path) was loaded by it. */
  function loads(entry: string, probe: string): boolean {
    let loaded = false;
    jest.isolateModules(() => {
      jest.doMock(probe, () => {
        loaded = true;
        return jest.requireActual(probe);
      });
      require(entry);
    });
    return loaded;
  }

  it('loading the handler does not load the matcher, which the re-screening requires when it screens', () => {
    const matcher = '../../../shared/screening/screen';
    // The probe sees a load: the matcher's own index module loads it.
    expect(loads('../../../shared/screening/screen', matcher)).toBe(true);
    expect(loads('../../../functions/check/handler', matcher)).toBe(false);
    expect(loads('../../../functions/check/handler', '../../../shared/screening/screening-index')).toBe(false);
    // Still reached through the check's use case, by require on first need.
    expect(loads('../../../functions/check/handler', '../../../shared/check/rescreen')).toBe(true);
  });

  it('the word diff makes the Japanese segmenter on its first use, once, and not when its module loads', () => {
    const Segmenter = Intl.Segmenter;
    const made = jest.spyOn(Intl, 'Segmenter').mockImplementation((...args) => new Segmenter(...args));
    try {
      jest.isolateModules(() => {
        const { wordDiff } = require('../../../shared/domain/compare') as typeof import('../../../shared/domain/compare');
        expect(made).not.toHaveBeenCalled();
        expect(wordDiff('指定の根拠は決議1483', '指定の理由は決議1483')).toEqual([
          { op: 'equal', text: '指定の' },
          { op: 'removed', text: '根拠' },
          { op: 'added', text: '理由' },
          { op: 'equal', text: 'は決議1483' },
        ]);
        wordDiff('ロシア連邦', 'ロシア');
        expect(made).toHaveBeenCalledTimes(1);
      });
    } finally {
      made.mockRestore();
    }
  });
});
