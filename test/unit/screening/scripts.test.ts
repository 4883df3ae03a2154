import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';
import { screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { listedIndex } from '../../support/listed-index';

/**
 * Issue 17, kind by kind, on real names of the whole 2026-03-05 list: every script meets every other, spelling
 * families, legal forms as symbols, and namesakes that share a common given name kept out, at the default threshold.
 */
let index: ScreeningIndex;
beforeAll(async () => {
  index = await listedIndex();
}, 180_000);

const screen = (name: string, threshold = DEFAULT_THRESHOLD) => screenName(index, { name, threshold }).matches;
/** The query with the keys of its first three matches, for a failure message that says which query failed. */
const top3 = (name: string) => [name, screen(name).slice(0, 3).map((m) => m.key)] as const;
const expectFound = (cases: ReadonlyArray<readonly [string, string]>) => {
  for (const [name, key] of cases) expect(top3(name)).toEqual([name, expect.arrayContaining([key])]);
};

describe('screening names written in Cyrillic', () => {
  it('finds Russian names, family name first or last, with or without the patronymic the list leaves out', () => {
    expectFound([
      ['Михейчик Владимир', '029-000729'],
      ['Путин Владимир Владимирович', '029-000001'],
      ['Владимир Путин', '029-000001'],
      ['Пригожин Евгений Викторович', '029-000024'],
    ]);
  });

  it('reads Ukrainian and Belarusian letters by their national systems (г as h, і) and meets the Belarusian form', () => {
    expectFound([
      ['Сергій Булгаков', '026-000260'],
      ['Наталля Качанава', '031-000010'],
      ['Natallia Kachanava', '031-000010'],
    ]);
  });

  it('finds companies with a Cyrillic legal form', () => {
    expectFound([
      ['ПАО Сбербанк', '030-000008'],
      ['ООО Инфорос', '028-000043'],
    ]);
  });
});

describe('screening Korean names', () => {
  it('finds DPRK names written in Hangul, with or without a space after the family name', () => {
    expectFound([
      ['리송혁', '015-000078'],
      ['최 춘식', '015-000013'],
      ['박창호', '015-000006'],
    ]);
  });

  it('meets the Southern and popular spellings of surnames and syllables (Lee/RI, Choi/CHOE, Park/PAK, Sung/SONG, Hyuk/HYOK)', () => {
    expectFound([
      ['Lee Sung Hyuk', '015-000078'],
      ['Choi Chun Sik', '015-000013'],
      ['Park Chang Ho', '015-000006'],
      ['Moon Jung Chul', '015-000012'],
      ['Yoon Ho Jin', '015-000001'],
      ['Hyun Kwang-il', '015-000015'],
      ['Kwang Il Hyun', '015-000015'],
      ['Rhee Song Hyok', '015-000078'],
    ]);
  });

  it('says which spelling family made the pair', () => {
    const match = screen('Choi Chun Sik')[0]!;
    expect(match.key).toBe('015-000013');
    expect(match.why.find((r) => r.detail.startsWith('choi ≈ choe'))?.effect).toBe(0.95);
  });
});

describe('screening Arabic names', () => {
  it('meets the spellings of one name part: Muhammad/Mohamed, Hussein/Husayn, Mohsen/Muhsin, Abdul/Abd al-, al-/el-', () => {
    expectFound([
      ['Mohamed Hassan Akhund', '002-000002'],
      ['Muhammad Tahir Hammid Husayn', '002-000403'],
      ['Mohsen Fadhil Ayed Ashour el-Fadhli', '002-000458'],
      ['Abd al-Mohsen Abdallah Ibrahim al-Charekh', '002-000655'],
      ['Muammar Gaddafi', '023-000004'],
    ]);
  });

  it('ranks Muammar Qadhafi above his sons, whose names hold his as their father’s', () => {
    expect(screen('Muammar Qadhafi')[0]?.key).toBe('023-000004');
    expect(screen('ムアンマル・カダフィ')[0]?.key).toBe('023-000004');
  });
});

describe('screening katakana as the Japanese press writes it', () => {
  it('meets エフ for エヴ, メド for ンマド, ク for the kh the list writes with フ', () => {
    expectFound([
      ['エフゲニー・プリゴジン', '029-000024'],
      ['モハメド・ハサン・アクンド', '002-000002'],
    ]);
  });
});

describe('legal forms as symbols', () => {
  it('reads every spelling of one legal form as one, wherever it stands', () => {
    expectFound([
      ['Inforos Limited Liability Company', '028-000043'],
      ['Inforos LLC', '028-000043'],
      ['㈱ベルシナ', '032-000007'],
      ['(株)ベルシナ', '032-000007'],
      ['Belshina OAO', '032-000007'],
      ['Belshina Joint-Stock Company', '032-000007'],
    ]);
  });

  it('weighs a national qualifier little: Sberbank of Russia is Sberbank', () => {
    const match = screen('Sberbank of Russia')[0]!;
    expect(match.key).toBe('030-000008');
    expect(match.score).toBeGreaterThan(0.95);
  });
});

describe('namesakes', () => {
  it('does not match a common given name plus a surname of the same shape (issue 17’s false matches)', () => {
    const namesakes = ['Vladimir Kuznetsov', 'Sergei Belyakov', 'Andrei Komarov', 'Yuri Loginov', 'Ivan Kulikov', 'Marina Shestakova', 'Kim Jong Un', 'Jong Un Kim', '김정은'];
    expect(namesakes.flatMap((name) => screen(name).map((m) => `${name} → ${m.key} ${m.matchedName} ${m.score}`))).toEqual([]);
  });

  it('says how common a name part is: a given name many entries share weighs less than a rare surname', () => {
    const why = screen('Sergei Bulgakov')[0]!.why;
    const weight = (prefix: string) => Number(/weight ([\d.]+)/.exec(why.find((r) => r.detail.startsWith(prefix))!.detail)![1]);
    expect(weight('sergei ≈')).toBeLessThan(0.6);
    expect(weight('bulgakov ≈')).toBeGreaterThan(0.8);
    expect(why.find((r) => r.detail.startsWith('sergei ≈'))!.detail).toMatch(/\(\d+ listed entries share it\)/);
  });

  it('still confirms a namesake by date of birth and country, and weakens one by them', () => {
    const plain = screenName(index, { name: 'Vladimir Kuznetsov', threshold: 0.5 }).matches.find((m) => m.key === '026-000290')!;
    const sameBirth = screenName(index, { name: 'Vladimir Kuznetsov', threshold: 0.5, dateOfBirth: '1969-03-18' }).matches.find((m) => m.key === '026-000290')!;
    const otherBirth = screenName(index, { name: 'Vladimir Kuznetsov', threshold: 0.3, dateOfBirth: '1990-01-01' }).matches.find((m) => m.key === '026-000290')!;
    expect(sameBirth.score).toBeCloseTo(plain.score + 0.05, 3);
    expect(otherBirth.score).toBeCloseTo(plain.score - 0.1, 3);
  });
});
