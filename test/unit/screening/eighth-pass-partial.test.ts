import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';
import { screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { listedIndex } from '../../support/listed-index';

/**
 * The eighth pass's rules for a person's listed name with words added, on real list names (the 2026-03-05 workbook)
 * other than the tuning sets' queries they came from, and the double family name given alone.
 */
let index: ScreeningIndex;
beforeAll(async () => {
  index = await listedIndex();
}, 180_000);

const keys = (name: string) => screenName(index, { name, threshold: DEFAULT_THRESHOLD }).matches.map((m) => m.key);

describe('a whole listed name with words added on one side', () => {
  it.each([
    ['Igor Sechin Rosneft', '029-000017'],
    ['Sergei Kiriyenko Rosatom', '029-000026'],
    ['Ramzan Kadyrov Chechnya', '029-000029'],
  ])('%s is %s', (name, key) => {
    expect(keys(name)[0]).toBe(key);
  });

  it('not when the listed name is of common parts (Mohamed Hassan), nor a prefix of a word (Shah in Shahji)', () => {
    expect(keys('Mohamed Hassan Rouhani')).not.toContain('002-000350');
    expect(keys('Ahmad Shah Karimi')).not.toContain('002-000613'); // Ahmad Shahji
  });

  it('not with a Korean syllable added: another given name (KIM YONG CHOL is not Kim Yong Chol Min)', () => {
    expect(keys('Kim Yong Chol Min')).not.toContain('015-000024');
  });

  it('not around the listed name: that is another person’s name holding it', () => {
    expect(keys('Sergei Kiriyenko')).toContain('029-000026');
    expect(keys('Ivan Sergei Kiriyenko Rosatom')).not.toContain('029-000026');
  });
});

it('a double family name written as its parts names the person (FEREIDOUN ABBASI-DAVANI, MOHSEN FAKHRIZADEH-MAHABADI)', () => {
  expect(keys('Abbasi Davani')[0]).toBe('019-000013');
  expect(keys('Fakhrizadeh Mahabadi')[0]).toBe('019-000014');
  // In either order: a customer file may put either part first.
  expect(keys('Davani Abbasi')).toContain('019-000013');
});
