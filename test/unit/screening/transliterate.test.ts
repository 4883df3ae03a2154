import { legalFormSymbol } from '../../../shared/screening/legal-forms';
import { coarseKey, nameReadings, tokenizeName } from '../../../shared/screening/normalize';
import { familyKey } from '../../../shared/screening/spelling-families';
import { latinReadings, romanizeHangul } from '../../../shared/screening/transliterate';

describe('Cyrillic and Hangul in Latin letters', () => {
  it('reads Russian by BGN/PCGN, and a Russian-looking name with г also as Ukrainian and Belarusian write it', () => {
    expect(latinReadings('михейчик владимир')).toEqual(['mikheychik vladimir']);
    expect(latinReadings('булгаков сергеи')).toEqual(['bulgakov sergei', 'bulhakov serhey']);
  });

  it('reads Ukrainian, Belarusian and Serbian letters by their national systems', () => {
    expect(latinReadings('сергіи булгаков')).toEqual(['serhiy bulhakov']);
    expect(latinReadings('наталля качанава')).toEqual(['natallya kachanava']);
    expect(latinReadings('аляксандр лукашэнка')).toEqual(['alyaksandr lukashenka']);
    expect(latinReadings('милошевић')).toEqual(['milosevic']);
  });

  it('writes Hangul syllable by syllable in McCune-Reischauer letters', () => {
    expect(romanizeHangul('리송혁')).toBe('ri song hyok');
    expect(romanizeHangul('김정은')).toBe('kim chong un');
    expect(romanizeHangul('최 춘식')).toBe('choe chun sik');
  });

  it('makes a several-word legal form one token before splitting, in any script', () => {
    expect(nameReadings('Inforos Limited Liability Company')).toEqual(['inforos llc']);
    expect(nameReadings('ООО «Инфорос»')).toEqual(['ooo inforos']);
    expect(nameReadings('Public Joint-Stock Company ODK-Kuznetsov')).toEqual(['pjsc odk kuznetsov']);
    expect(tokenizeName('㈱ベルシナ').map((t) => t.text)).toEqual(['株式会社', 'ベルシナ']);
  });
});

describe('spelling families', () => {
  it('gives the Korean surname and syllable spellings of one name one key', () => {
    for (const family of [['lee', 'ri', 'yi', 'rhee'], ['park', 'pak', 'bak'], ['choi', 'choe'], ['jung', 'chung', 'jeong', 'chong', 'jong'], ['kim', 'gim'], ['moon', 'mun'], ['yoon', 'yun'], ['hyun', 'hyon', 'hyeon'], ['chul', 'chol', 'cheol'], ['sung', 'song', 'seong'], ['hyuk', 'hyok', 'hyeok']]) {
      expect(family.map(familyKey)).toEqual(family.map(() => familyKey(family[0]!)));
    }
    expect(familyKey('song')).not.toBe(familyKey('son'));
    expect(familyKey('john')).toBeNull();
  });

  it('gives the Arabic and Slavic spellings of one name part one key, and different names different keys', () => {
    expect(['mohammed', 'mohamed', 'mohamad', 'muhammad'].map(familyKey)).toEqual(Array(4).fill('n:muhammad'));
    expect(familyKey('mohsen')).toBe(familyKey('muhsin'));
    expect(familyKey('qadhafi')).toBe(familyKey('gaddafi'));
    expect(familyKey('yurii')).toBe(familyKey('iurii'));
    expect(familyKey('volodymyr')).toBe(familyKey('vladimir'));
    expect(familyKey('vladislav')).not.toBe(familyKey('vladimir'));
  });

  it('folds German, Polish and Belarusian spellings of Slavic names together in the coarse key', () => {
    expect(coarseKey('micheitschik')).toBe(coarseKey('mikheychik'));
    expect(coarseKey('kachanava')).toBe(coarseKey('kochanova'));
    expect(coarseKey('bulhakov')).toBe(coarseKey('bulgakov'));
    expect(coarseKey('milosevic')).toBe(coarseKey('miloshevich'));
    expect(coarseKey('xodakovsky')).toBe(coarseKey('khodakovsky'));
  });

  it('reads every spelling of one legal form as one symbol', () => {
    expect(['ooo', 'llc', 'tov', '有限会社'].map(legalFormSymbol)).toEqual(['LLC', 'LLC', 'LLC', 'LLC']);
    expect(['ao', 'jsc', 'oao', 'pao', 'pjsc', '株式会社', 'kk'].map(legalFormSymbol)).toEqual(Array(7).fill('JSC'));
  });
});
