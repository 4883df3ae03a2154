import { readFileSync } from 'node:fs';
import { parseList } from '../../../shared/mof/parse-list';
import { readIzafat } from '../../../shared/screening/izafat';
import { JAPANESE_WORDS, japaneseOrganisationReadings, withoutExpansion } from '../../../shared/screening/japanese-words';
import { readHangul } from '../../../shared/screening/korean';
import { foldName } from '../../../shared/screening/normalize';
import { translateRussianWords } from '../../../shared/screening/russian-words';
import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';
import { screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { WORKBOOK } from '../../support/fixtures';

/**
 * The sixth pass's words (README, Screening): names the list gives in other words, written as a customer record or
 * the Japanese press would hold them, each read into the list's words and finding its listed entry first at the
 * default threshold. The Japanese dictionary is checked on the list's own Japanese and English name pairs.
 */
let listed: Awaited<ReturnType<typeof parseList>>['entries'];
let index: ScreeningIndex;
beforeAll(async () => {
  const list = await parseList(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' });
  listed = list.entries.filter((e) => e.status === 'listed');
  index = new ScreeningIndex(listed);
}, 180_000);

const first = (name: string) => screenName(index, { name, threshold: DEFAULT_THRESHOLD }).matches[0]?.key;

describe('Japanese translations of organisation names', () => {
  it('reads kanji words and katakana places into the English the list uses', () => {
    expect(japaneseOrganisationReadings(foldName('ロシア中央銀行'))).toEqual(['russia central bank', 'russian federation central bank']);
    expect(japaneseOrganisationReadings(foldName('ロシア中銀'))).toContain('russian federation central bank');
    expect(japaneseOrganisationReadings(foldName('ロステック社'))).toEqual(['ロステック']);
    expect(japaneseOrganisationReadings(foldName('ベラルーシ共和国開発銀行'))).toEqual(['belarus republic development bank']);
    // A person's name in katakana holds none of the words.
    expect(japaneseOrganisationReadings(foldName('プーチン・ウラジーミル'))).toEqual([]);
  });

  it('finds the listed organisation first', () => {
    expect(first('ロシア中銀')).toBe('028-000001');
    expect(first('ロシア中央銀行')).toBe('028-000001');
    expect(first('ロシア貯蓄銀行')).toBe('030-000008');
    expect(first('ロステック社')).toBe('028-000046');
    expect(first('カラシニコフ社')).toBe('028-000048');
    expect(first('モスクワ信用銀行')).toBe('030-000010');
  });

  it('reads a katakana name with its expansion in brackets also alone', () => {
    expect(withoutExpansion('ハマス（イスラム抵抗運動）')).toBe('ハマス');
    expect(withoutExpansion('金英哲（キム・ヨンチョル）')).toBeNull();
    expect(first('ハマス（イスラム抵抗運動）')).toBe('004-000026');
  });

  it('agrees with the list: every word its Japanese names use is in the English of at least one of them', () => {
    const pairs = listed
      .filter((e) => e.entityType === 'entity')
      .flatMap((e) => [[e.name.ja, e.name.en], ...e.aliases.ja.map((ja: string, i: number) => [ja, e.aliases.en[i] ?? ''])])
      .map(([ja, en]) => [ja ?? '', (en ?? '').toLowerCase()] as const);
    const disagreeing = Object.entries(JAPANESE_WORDS).filter(([word, english]) => {
      const using = pairs.filter(([ja]) => ja.includes(word));
      return using.length > 0 && !using.some(([, en]) => english.split(' ').every((w) => en.includes(w.slice(0, 5))));
    });
    expect(disagreeing).toEqual([]);
  });
});

describe('Russian and Belarusian organisation names with no Latin twin', () => {
  it('reads place adjectives and company kinds into the English', () => {
    expect(translateRussianWords(foldName('ПАО «Московский кредитный банк»'))).toContain('moscow credit bank');
    expect(translateRussianWords(foldName('Банк развития Республики Беларусь'))).toBe('bank development republic belarus');
    expect(translateRussianWords(foldName('НПК Уралвагонзавод'))).toContain('research and production corporation');
  });

  it('finds the listed organisation first', () => {
    expect(first('ПАО «Московский кредитный банк»')).toBe('030-000010');
    expect(first('Банк развития Республики Беларусь')).toBe('033-000003');
    expect(first('ОАО «Минский завод колёсных тягачей»')).toBe('032-000002');
    expect(first('АО «НПК «Уралвагонзавод»')).toBe('028-000011');
  });
});

describe('DPRK organisations in Hangul and kanji', () => {
  it('reads the words the list renders two ways both ways, and 조선 as the DPRK spelled out', () => {
    expect(readHangul('대외기술무역센터')).toEqual(['external technology trading center', 'foreign technical trade center']);
    expect(readHangul('조선중앙은행')).toContain('democratic peoples republic of korea central bank');
  });

  it('finds the listed organisation first', () => {
    expect(first('대외기술무역센터')).toBe('014-000037');
    expect(first('조선중앙은행')).toBe('016-000030');
    expect(first('朝鮮中央銀行')).toBe('016-000030');
    expect(first('조선련봉총회사')).toMatch(/^01[34]-00000[29]$/);
  });
});

describe('Urdu and Persian izafat', () => {
  it('reads a lone e between words as the list writes it, leaving initials', () => {
    expect(readIzafat('lashkar e jhangvi')).toBe('lashkar i jhangvi');
    expect(readIzafat('kim e s')).toBe('kim e s');
  });

  it('finds the listed group first', () => {
    expect(first('Lashkar-e-Jhangvi')).toBe('002-000340');
    expect(first('Jaish-e-Mohammed')).toBe('002-000192');
  });
});
