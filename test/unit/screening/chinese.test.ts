import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { governmentSpelling } from '../../../shared/screening/cantonese';
import { characterReadings, chineseReadings, PINYIN_COMPANY_WORDS, romanizationReadings, wadeGiles } from '../../../shared/screening/chinese';
import { foldName } from '../../../shared/screening/normalize';
import { pinyin } from 'pinyin-pro';
import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';
import { screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { CHINESE_QUERIES, type ChineseKind, type ChineseQuery } from '../../support/chinese-set';
import { listedIndex } from '../../support/listed-index';

/**
 * Chinese names in characters, Wade-Giles and Hong Kong spellings (test/support/chinese-set.ts) on the whole
 * 2026-03-05 list at the default threshold. The floors are what this pass reached (README, Screening); before it,
 * the same set found 0 of 13 people and 3 of 18 companies written in characters, and 2 of 7 in Wade-Giles.
 */
let index: ScreeningIndex;
beforeAll(async () => {
  index = await listedIndex();
}, 180_000);

const matchesOf = (name: string) => screenName(index, { name, threshold: DEFAULT_THRESHOLD }).matches;
function right(q: ChineseQuery): boolean {
  const matches = matchesOf(q.query);
  return q.expected.length === 0 ? matches.length === 0 : matches.slice(0, 3).some((m) => q.expected.includes(m.key));
}
const ofKind = (kind: ChineseKind) => CHINESE_QUERIES.filter((q) => q.kind === kind);

it('shares no code with the matcher', () => {
  expect(readFileSync(join(__dirname, '..', '..', 'support', 'chinese-set.ts'), 'utf8')).not.toMatch(/from '[^']*shared\/screening/);
});

it.each([
  ['characters-person', 13],
  ['characters-company', 15],
  ['wade-giles', 7],
  ['pinyin-variant', 9],
  ['hong-kong', 12],
] as const)('%s: at least %i listed names in the top 3', (kind, floor) => {
  expect(ofKind(kind).filter(right).length).toBeGreaterThanOrEqual(floor);
});

it.each(['unlisted-chinese', 'unlisted-romanized', 'unlisted-company', 'unlisted-japanese-kanji'] as const)('%s: no unlisted name matches anyone', (kind) => {
  expect(ofKind(kind).filter((q) => !right(q)).map((q) => q.query)).toEqual([]);
});

it('reads a person family name first, the given name joined and apart, and as Taiwan and Hong Kong spell it', () => {
  // Last, in Cantonese syllable by syllable, as a Hong Kong identity card writes it.
  expect(characterReadings(foldName('曾永源'))).toEqual(['zeng yongyuan', 'zeng yong yuan', 'tseng yungyuan', 'tsang yungyuan', 'tsang wing yuen']);
  // A two-character family name, and a family name read as a family name (单 is Shan, not Dan).
  expect(characterReadings(foldName('欧阳娜娜'))).toContain('ouyang nana');
  expect(characterReadings(foldName('单雄信'))).toContain('shan xiongxin');
});

it('reads a company in the English words of the list, the place and brand in pinyin, the legal form as a symbol', () => {
  expect(characterReadings(foldName('丹东鸿祥实业发展有限公司'))).toContain('dandong hongxiang industrial development ltd');
  expect(characterReadings(foldName('深圳市华强电子科技有限公司'))).toContain('shenzhen huaqiang electronics technology ltd');
  // A simplified name meets the list's traditional alias as written.
  expect(characterReadings(foldName('华信船务(香港)有限公司'))[0]).toBe('華信船務 香港 有限公司');
});

it('reads a Japanese name with kana not at all, and a Japanese name in kanji only as a guess', () => {
  expect(characterReadings(foldName('株式会社ベルシナ'))).toEqual([]);
  const why = screenName(index, { name: '池田勇人', threshold: 0.5 }).matches.flatMap((m) => m.why.map((w) => w.detail));
  expect(why.filter((d) => d.includes('read as')).every((d) => d.includes('not all of it agrees'))).toBe(true);
});

it('writes pinyin in Wade-Giles and reads Wade-Giles and Cantonese spellings back', () => {
  expect(['zhou', 'jian', 'xiao', 'hong', 'zhi', 'si', 'qu', 'ge', 'luo', 'gui'].map(wadeGiles)).toEqual(['chou', 'chien', 'hsiao', 'hung', 'chih', 'ssu', 'chu', 'ko', 'lo', 'kuei']);
  expect(romanizationReadings('hsu chia hsiang')).toContain('xu jia xiang');
  expect(romanizationReadings('chan tai man')).toEqual(expect.arrayContaining(['chen tai man']));
  expect(romanizationReadings('zhou tony')).toContain('chow tony');
  expect(romanizationReadings('zeng yongyuan')).toContain('tsang yungyuan');
  // Not a Chinese name: no reading.
  expect(romanizationReadings('vladimir putin')).toEqual([]);
  expect(romanizationReadings('kim jong un')).toEqual([]);
});

it('takes a guessed reading run together only when its letters are the same', () => {
  // Generated customers of the bench (Ren is a Chinese family name, Mai one too): "mak jen" run together is not MAKIN.
  expect(matchesOf('Ren Mai')).toEqual([]);
  expect(matchesOf('Rin Mai')).toEqual([]);
});

it('finds a listed Chinese person written in characters, and says how it read them', () => {
  const [first] = matchesOf('周建書');
  expect(first?.key).toBe('017-000025');
  expect(first?.why[0]?.detail).toContain('read as "zhou jianshu"');
});

it('cuts a company name in characters from its end, so that a brand keeps its characters', () => {
  // 申中国际 is the brand 申中 and 国际 (international), not 申, 中国 (China) and 际.
  expect(characterReadings(foldName('申中国际船务'))).toContain('shenzhong international shipping');
  expect(matchesOf('申中国际船务')[0]?.key).toBe('014-000073');
  // The administrative word after a place is still left out, wherever the cut starts.
  expect(characterReadings(foldName('深圳市华强电子科技有限公司'))).toContain('shenzhen huaqiang electronics technology ltd');
});

it('reads the trade short form 货代 as freight, and names the East Turkestan movement as the list does', () => {
  expect(matchesOf('威海世界航运货代')[0]?.key).toBe('014-000074');
  // The list's EASTERN TURKISTAN ISLAMIC MOVEMENT, in simplified and traditional characters.
  expect(matchesOf('东突厥斯坦伊斯兰运动')[0]?.key).toBe('002-000324');
  expect(matchesOf('東突厥斯坦伊斯蘭運動')[0]?.key).toBe('002-000324');
});

it('spells Jyutping as Hong Kong identity cards do', () => {
  expect(['zeng6', 'hung4', 'man4', 'juk6', 'dung1', 'zoeng1', 'can4', 'jyun4', 'gou1', 'si1', 'zyu1', 'syu1', 'jyu4', 'gwok3'].map(governmentSpelling))
    .toEqual(['cheng', 'hung', 'man', 'yuk', 'tung', 'cheung', 'chan', 'yuen', 'ko', 'sze', 'chu', 'shu', 'yu', 'kwok']);
  // z and c as ts before a few finals: 曾 Tsang, 徐 Tsui, 曹 Tso, 謝 Tse.
  expect(['zang1', 'ceoi4', 'cou4', 'ze6'].map(governmentSpelling)).toEqual(['tsang', 'tsui', 'tso', 'tse']);
});

it('reads characters in Cantonese too, for a Hong Kong person or company the list spells so', () => {
  // 鄭雄文 is CHENG HUNG MAN on the list; pinyin (Zheng Xiongwen) does not reach it.
  expect(characterReadings(foldName('郑雄文'))).toContain('cheng hung man');
  expect(matchesOf('郑雄文')[0]?.key).toBe('017-000076');
  // A brand in Cantonese, syllables apart: 育東能源 is YUK TUNG ENERGY PTE LTD.
  expect(characterReadings(foldName('育东能源'))).toContain('yuk tung energy');
  expect(matchesOf('育东能源')[0]?.key).toBe('014-000075');
});

it('reads a company named in pinyin throughout with its business words in English', () => {
  // Written out by hand: each is how pinyin-pro reads its characters.
  for (const [word, han] of Object.entries(PINYIN_COMPANY_WORDS)) expect(pinyin(han, { toneType: 'none', type: 'array' }).join('')).toBe(word);
  expect(chineseReadings('dandong yinhang')[0]).toBe('dandong bank');
  expect(matchesOf('Dandong Yinhang')[0]?.key).toBe('016-000018');
  expect(chineseReadings('dandong hongxiang shiye fazhan youxian gongsi')[0]).toBe('dandong hongxiang industrial development ltd');
  expect(matchesOf('Dandong Hongxiang Shiye Fazhan Youxian Gongsi')[0]?.key).toBe('016-000012');
  expect(matchesOf('Huaxin Chuanwu Xianggang Youxian Gongsi')[0]?.key).toBe('014-000059');
  // Beside a person's readings: Guoji may be a given name.
  expect(chineseReadings('zhang guoji')).toEqual(expect.arrayContaining(['zhang international', 'chang kuochi']));
  // A business word alone names no company.
  expect(chineseReadings('yinhang')).toEqual([]);
});

it('reads a Wade-Giles apostrophe as an aspirated initial', () => {
  // T'ieh is pinyin tie, Tieh die: Chin T'ieh-san is the list's Jin Tiesan (017-000005), not Jin Diesan.
  expect(romanizationReadings('chin tieh san', "Chin T'ieh-san")).toContain('jin tie san');
  expect(romanizationReadings('chin tieh san', "Chin T'ieh-san")).not.toContain('jin die san');
  expect(matchesOf("Chin T'ieh-san").slice(0, 3).map((m) => m.key)).toContain('017-000005');
  // A passport writes no apostrophes: Tieh may be either.
  expect(romanizationReadings('chin tieh san', 'Chin Tieh-san')).toEqual(expect.arrayContaining(['jin die san', 'jin tie san']));
  expect(matchesOf('Chin Tieh-san').slice(0, 3).map((m) => m.key)).toContain('017-000005');
});

it('reads a given name and a brand in characters with their syllables apart too, as the list writes some', () => {
  // Li Cheng He (015-000078, 017-000034): run together, CHENGHE folds its -ngh- and is not quite CHENG HE.
  expect(characterReadings(foldName('李成和'))).toContain('li cheng he');
  expect(matchesOf('李成和').slice(0, 3).map((m) => m.key)).toEqual(expect.arrayContaining(['015-000078', '017-000034']));
  // CHANG AN SHIPPING & TECHNOLOGY: run together, the list's & keeps the names from agreeing whole.
  expect(characterReadings(foldName('长安船务科技'))).toContain('chang an shipping technology');
  expect(matchesOf('长安船务科技')[0]?.key).toBe('014-000055');
});

it("meets the list's names in characters in the other set of characters, whichever it is", () => {
  // The list writes 金铁三 (017-000005) simplified and 沈忠國際海運有限公司 (014-000073) traditional.
  expect(characterReadings(foldName('金鐵三'))).toContain('金铁三');
  expect(matchesOf('金鐵三').slice(0, 3).map((m) => m.key)).toContain('017-000005');
  expect(matchesOf('沈忠国际海运有限公司')[0]?.key).toBe('014-000073');
  // A traditional name is cut into the simplified word table character by character: 瀋陽 is the place Shenyang.
  expect(characterReadings(foldName('瀋陽華強電子科技有限公司'))).toContain('shenyang huaqiang electronics technology ltd');
});

it('reads apart only a given name of two syllables and a brand of two or three, as such names are', () => {
  // A longer run apart (a li ba ba) would be a search over every short word of the list.
  expect(characterReadings(foldName('阿里巴巴')).filter((r) => r.split(' ').length > 2)).toEqual([]);
  expect(characterReadings(foldName('深圳市腾讯计算机系统有限公司'))).toEqual(['深圳市騰訊計算機系統有限公司', 'shenzhen tengxunjisuanjixitong ltd']);
});

it('reads a company’s place and brand in Wade-Giles, a syllable a word, into the list’s pinyin (ninth pass)', () => {
  expect(chineseReadings('ta lien global unity shipping')).toContain('dalian global unity shipping');
  // Three syllables before the English: no pairing to guess.
  expect(chineseReadings('ta lien hung shipping').some((r) => r.startsWith('dalian'))).toBe(false);
  const top = screenName(index, { name: 'Ta-lien Global Unity Shipping', threshold: DEFAULT_THRESHOLD }).matches[0];
  expect(top?.key).toBe('016-000019');
});
