import { jaroWinkler } from '../../../shared/screening/jaro-winkler';

describe('jaroWinkler', () => {
  // Published values: Winkler (1990) and the examples reproduced in most references on the measure.
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['jellyfish', 'smellyfish', 0.896],
  ])('%s / %s is %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  it('is 1 for equal strings and 0 when nothing matches or one side is empty', () => {
    expect(jaroWinkler('putin', 'putin')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('works on katakana and kanji as it does on letters', () => {
    expect(jaroWinkler('ミヘイチク', 'ミヘイチク')).toBe(1);
    expect(jaroWinkler('株式会社ロスバンク', '株式会社ロスバンク')).toBe(1);
    expect(jaroWinkler('ミヘイチク', 'ミハイチク')).toBeGreaterThan(0.85);
  });

  it('gives the same answer after a long string has grown its buffer', () => {
    const long = 'a'.repeat(500) + 'b';
    expect(jaroWinkler(long, long.slice(1))).toBeGreaterThan(0.99);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});
