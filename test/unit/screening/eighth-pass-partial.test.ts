import { tokenizeName } from '../../../shared/screening/normalize';
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

describe('a place from the entry’s own address added to its name', () => {
  it.each([
    ['Zelenodolsk Shipyard Zelenodolsk', '028-000012'],
    ['Kalashnikov Concern Izhevsk', '028-000048'],
    ['Sozvezdie Concern Voronezh', '028-000051'],
  ])('%s is %s', (name, key) => {
    expect(keys(name)[0]).toBe(key);
  });

  it('says so in why, and a place the entry’s address does not hold is no such place', () => {
    const match = screenName(index, { name: 'Belshina Bobruisk', threshold: DEFAULT_THRESHOLD }).matches[0]!;
    expect(match.key).toBe('032-000007');
    expect(match.why.some((w) => w.detail.includes('"bobruisk" is in the entry\'s address'))).toBe(true);
    expect(keys('Belshina Zelenodolsk')).not.toContain('032-000007'); // another entry's town
  });
});

describe('words a customer file adds or leaves out, read from set J', () => {
  it.each([
    ['The Syrian Petroleum Company', '025-000017'],
    ['Prime Minister Mikhail Mishustin', '029-000500'],
    ['President Vladimir Putin', '029-000001'],
    ['State Authority for Military Industry of Belarus', '032-000001'],
    ['Kurganmash Zavod', '028-000007'],
  ])('%s is %s', (name, key) => {
    expect(keys(name)[0]).toBe(key);
  });

  it('the English article weighs as al does, and a country’s long form as its name', () => {
    expect(tokenizeName('The Syrian Petroleum Company')[0]).toMatchObject({ kind: 'generic', weight: tokenizeName('al Qaida')[0]!.weight });
    expect(tokenizeName('Development Bank of the Republic of Belarus').find((t) => t.text === 'republic')!.weight).toBeLessThan(0.1);
    expect(tokenizeName('Republic Bank').find((t) => t.text === 'republic')!.kind).toBe('word');
  });
});

it('General first is a company’s own word, not its kind (General Electric Company is not Kalaye Electric Company)', () => {
  expect(keys('General Electric Company')).not.toContain('020-000003');
  expect(keys('Kalaye Electric Company')).toContain('020-000003');
  expect(keys('Korea Ryonbong General Corporation')).toContain('013-000009');
});

it('the KPA after a DPRK body qualifies it as the DPRK does (ninth pass)', () => {
  expect(keys('Reconnaissance General Bureau of the KPA')).toContain('014-000031');
});
