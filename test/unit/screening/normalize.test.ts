import { jaroWinkler } from '../../../shared/screening/jaro-winkler';
import { crossKey, foldName, kanaCrossKey, kanaKey, latinKey, tokenizeName } from '../../../shared/screening/normalize';

describe('foldName', () => {
  it('folds width, case, diacritics and punctuation', () => {
    expect(foldName('ＶＬＡＤＩＭＩＲ　Mikheychik')).toBe('vladimir mikheychik');
    expect(foldName('Lucía Fernández-Müller')).toBe('lucia fernandez muller');
    expect(foldName('ｳﾗｼﾞｰﾐﾙ・ﾐﾍｲﾁｸ')).toBe('ウラジーミル ミヘイチク');
    expect(foldName('Versor S.R.O.')).toBe('versor sro');
    expect(foldName("Jam'iyat Al Ta'awun")).toBe('jamiyat al taawun');
    expect(foldName('ひらがな')).toBe('ヒラガナ');
  });

  it('keeps the katakana of voiced sounds whole (diacritic stripping is for Latin only)', () => {
    expect(foldName('ガ・ヴ')).toBe('ガ ヴ');
  });
});

describe('latinKey', () => {
  it.each([
    ['mikheychik', 'mikheichik'],
    ['aleksandr', 'alexandr'],
    ['yusuf', 'iusuf'],
    ['jusuf', 'iusuf'],
    ['smirnoff', 'smirnov'],
    ['lisovsky', 'lisovskii'],
    ['abdoul', 'abdul'],
    ['hassan', 'hasan'],
    ['wladimir', 'vladimir'],
  ])('folds %s and %s together', (a, b) => {
    expect(latinKey(a)).toBe(latinKey(b));
  });

  it('keeps different names apart', () => {
    expect(latinKey('ivanov')).not.toBe(latinKey('ivanova'));
    expect(latinKey('petrov')).not.toBe(latinKey('petrova'));
  });
});

describe('kanaKey', () => {
  it.each([
    ['ウラジーミル', 'ウラジミル'],
    ['ヴィクトル', 'ビクトル'],
    ['ミロシェヴィッチ', 'ミロシェビチ'],
    ['アンバサダー', 'アムバサダ'],
    ['フョードル', 'フヨドル'],
  ])('folds %s and %s together', (a, b) => {
    expect(kanaKey(a)).toBe(kanaKey(b));
  });
});

describe('cross-script keys', () => {
  it.each([
    ['ミヘイチク', 'Mikheychik'],
    ['ピョートル', 'Pyotr'],
    ['ラシッド', 'Rashid'],
    ['アブドゥル', 'Abdul'],
    ['ヌルガリエフ', 'Nurgaliev'],
  ])('romanized %s meets %s', (kana, latin) => {
    expect(kanaCrossKey(kana)).toBe(crossKey(latin.toLowerCase()));
  });

  it('brings a katakana rendering close to, not onto, a Latin spelling it does not follow letter by letter', () => {
    expect(jaroWinkler(kanaCrossKey('モスカリコヴァ'), crossKey('moskalkova'))).toBeGreaterThan(0.9);
    expect(jaroWinkler(kanaCrossKey('タナカ'), crossKey('moskalkova'))).toBeLessThan(0.6);
  });
});

describe('tokenizeName', () => {
  it('marks legal forms in both scripts, before or after the name, as low-weight tokens', () => {
    const tokens = tokenizeName('株式会社海洋熱工学研究所');
    expect(tokens.map((t) => [t.text, t.kind])).toEqual([
      ['株式会社', 'legal'],
      ['海洋熱工学研究所', 'word'],
    ]);
    const latin = tokenizeName('Intellekt LLC');
    expect(latin.map((t) => t.kind)).toEqual(['word', 'legal']);
    expect(latin[1]!.weight).toBeLessThan(0.5 * latin[0]!.weight);
    expect(tokenizeName('有限会社Mリーシング').map((t) => t.text)).toEqual(['有限会社', 'm', 'リーシング']);
  });

  it('marks the words that name an organisation, and not the particles persons’ names share', () => {
    const marked = (name: string) => tokenizeName(name).filter((t) => t.organisational).map((t) => t.text);
    expect(marked('Intellekt LLC')).toEqual(['llc']);
    expect(marked('Korea Ryonha Machinery Joint Venture Corporation')).toEqual(['machinery', 'joint', 'venture', 'corporation']);
    expect(marked('ロシア農業銀行')).toEqual(['農業銀行']);
    expect(marked('株式会社海洋熱工学研究所')).toEqual(['株式会社', '海洋熱工学研究所']);
    expect(marked('Kazakh Jama’at')).toEqual(['jamaat']);
    expect(marked('Abu Bakr al-Baghdadi')).toEqual([]);
    expect(marked('Omar the Chechen')).toEqual([]);
    expect(marked('佐藤 太郎')).toEqual([]);
    // A word that merely resembles one (BANKS, Marine) is a name, not a mark.
    expect(marked('Tyra Banks')).toEqual([]);
    // Romaji of the katakana words, as a bank's romaji field holds a company name; not short keys names share.
    expect(marked('KORIA FUNJIN TOREDINGU KANPANI')).toEqual(['toredingu', 'kanpani']);
    expect(marked('Emuarubi Banku Rimiteddo')).toEqual(['banku', 'rimiteddo']);
    expect(marked('Ami Tanaka')).toEqual([]);
  });

  it('splits a name written in two scripts at the change of script', () => {
    expect(tokenizeName('FKPアヴァンガルド').map((t) => [t.text, t.script])).toEqual([
      ['fkp', 'latin'],
      ['アヴァンガルド', 'kana'],
    ]);
  });
});
