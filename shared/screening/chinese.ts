import { cantoneseSyllables } from './cantonese';
import { FAMILY_SIMILARITY, type NameComparison } from './compare-names';
import type { NameToken } from './normalize';

/**
 * Chinese names as customer records hold them, read the way the list writes them. The list writes a Chinese person
 * in pinyin, family name first and the given name joined (Zhou Jianshu, Ma Xiaohong, Wu Huihui), a Hong Kong or
 * Taiwanese person in the spelling of their passport (Cheng Hung Man, TSANG YUNG YUAN, the alias Chow Tony), and a
 * Chinese company by its English name: the place in pinyin, the brand in pinyin run together, the rest in English
 * words (Dandong Hongxiang Industrial Development Company Limited, HUAXIN SHIPPING HONGKONG LTD). Customer records
 * hold them in characters (周建书, 華信船務(香港)有限公司), in Wade-Giles (Chou Chien-shu) or in the Cantonese
 * spelling of a Hong Kong passport. Every reading made here is a guess (a character has several readings, a
 * Japanese name is written in the same characters): screen.ts takes it as weak evidence unless the whole name
 * agrees. Pure.
 *
 * Sources: pinyin-pro for the readings of characters (with its surname readings: 单 Shan, 曾 Zeng, 区 Ou); OpenCC's
 * tables (opencc-js) for simplified and traditional characters; cantonese.ts for Cantonese readings; the
 * Wade-Giles ↔ pinyin syllable correspondence (Library of Congress pinyin conversion tables, 2000); the common Hong
 * Kong (Cantonese), Taiwanese and Southeast Asian spellings of the commonest surnames as the Hong Kong and Taiwan
 * immigration departments issue them.
 */

const HAN = /\p{Script=Han}/u;
const KANA = /[\u3040-\u30ff]/;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

// Readings of characters ----------------------------------------------------------------------------------------------

/**
 * Simplified and traditional characters, by OpenCC's tables (opencc-js), loaded on demand as pinyin-pro is. The word
 * tables below are written once, simplified; a name is simplified character by character to be cut into them (so that
 * each character keeps its place), and converted whole, both ways, to meet the list's names as written.
 */
type Convert = (text: string) => string;
let toSimplified: Convert | undefined;
let toTraditional: Convert | undefined;
function simplify(text: string): string {
  const convert = (toSimplified ??= (require('opencc-js/t2cn') as typeof import('opencc-js')).Converter({ from: 't', to: 'cn' }));
  return [...text].map(convert).join('');
}
function traditionalForm(text: string): string {
  const convert = (toTraditional ??= (require('opencc-js/cn2t') as typeof import('opencc-js')).Converter({ from: 'cn', to: 't' }));
  return convert(text);
}

/**
 * The words of Chinese company names and the English words the list's names of Chinese companies use for them;
 * legal forms as their symbol's spelling in the legal-form table (legal-forms.ts: Co., Ltd. is LTD). Longest first
 * when read.
 */
const COMPANY_WORDS: Record<string, string> = {
  股份有限公司: 'ltd', 有限责任公司: 'ltd', 有限公司: 'ltd', 分公司: 'branch', 总公司: 'co', 公司: 'co',
  集团: 'group', 控股: 'holdings', 贸易: 'trading', 商贸: 'trading', 进出口: 'import export', 科技: 'technology',
  技术: 'technology', 国际: 'international', 银行: 'bank', 物流: 'logistics', 电子: 'electronics', 实业: 'industrial',
  工业: 'industrial', 投资: 'investment', 发展: 'development', 开发: 'development', 船务: 'shipping', 航运: 'shipping',
  海运: 'shipping', 运输: 'transport', 货运: 'freight', 代理: 'agency', 金属: 'metal', 材料: 'material', 矿产: 'mineral',
  建设: 'construction', 建筑: 'construction', 工程: 'engineering', 能源: 'energy', 化工: 'chemical', 机械: 'machinery',
  设备: 'equipment', 航空: 'aviation', 金融: 'finance', 财务: 'finance', 网络: 'network', 信息: 'information',
  通信: 'communication', 通讯: 'communication', 环球: 'global', 联合: 'united', 全球: 'global', 世界: 'world', 亚洲: 'asia',
  太平洋: 'pacific', 中国: 'china', 香港: 'hong kong', 澳门: 'macau', 台湾: 'taiwan', 新加坡: 'singapore',
  管理: 'management', 咨询: 'consulting', 服务: 'services', 制造: 'manufacturing', 工厂: 'factory', 厂: 'factory',
  石油: 'petroleum', 钢铁: 'steel', 汽车: 'automobile', 半导体: 'semiconductor', 软件: 'software', 供应链: 'supply chain',
  // Countries a Chinese company names itself after (its branch abroad: Qingdao Construction (Namibia)), in English.
  俄罗斯: 'russia', 朝鲜: 'korea', 伊朗: 'iran', 叙利亚: 'syria', 纳米比亚: 'namibia', 马来西亚: 'malaysia', 印度尼西亚: 'indonesia',
  泰国: 'thailand', 越南: 'vietnam', 柬埔寨: 'cambodia', 缅甸: 'myanmar', 老挝: 'laos', 蒙古: 'mongolia', 安哥拉: 'angola',
  刚果: 'congo', 坦桑尼亚: 'tanzania', 莫桑比克: 'mozambique', 乌干达: 'uganda', 埃塞俄比亚: 'ethiopia', 阿联酋: 'uae',
  // 货代 is the trade's short form of 货运代理, freight forwarding (Weihai World-Shipping Freight).
  货代: 'freight',
  // Organisations named in Chinese the way the list names them in English: the list writes 东突厥斯坦 (East Turkestan)
  // as EASTERN TURKISTAN.
  东突厥斯坦: 'eastern turkistan', 伊斯兰: 'islamic', 运动: 'movement',
};
/** Administrative words a company's name carries after its place (深圳市, 辽宁省): the list leaves them out. */
const PLACE_SUFFIXES = new Set(['市', '省', '区', '县']);
/** Places read in pinyin as one word (Dandong, Shanghai), so that the brand after them is a word of its own. */
const PLACES = [
  '北京', '上海', '天津', '重庆', '深圳', '广州', '大连', '丹东', '沈阳', '青岛', '威海', '烟台', '宁波', '杭州', '厦门', '福州',
  '南京', '苏州', '无锡', '武汉', '成都', '西安', '长沙', '郑州', '济南', '哈尔滨', '长春', '吉林', '辽宁', '山东', '江苏',
  '浙江', '广东', '福建', '河北', '河南', '湖北', '湖南', '四川', '云南', '珲春', '延边', '东莞', '佛山', '珠海', '中山',
  '义乌', '温州', '昆明', '南宁', '海口', '乌鲁木齐', '内蒙古', '新疆', '西藏', '合肥', '南昌', '太原', '石家庄', '兰州',
];
const WORDS = [...Object.keys(COMPANY_WORDS), ...PLACES].sort((a, b) => b.length - a.length);
/** Two-character family names (欧阳, 司马): the given name starts after them. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '端木', '独孤',
  '南宫', '西门', '轩辕', '呼延', '申屠', '澹台', '公羊', '太史', '闻人', '万俟', '司空', '钟离', '百里', '东郭',
]);

/**
 * Loaded on demand: pinyin-pro's dictionary takes about half a second to load, which a process that never meets a
 * name in characters (most customer files, the CLI's other commands, a Lambda's cold start) should not pay.
 */
function pinyinPro(): typeof import('pinyin-pro') {
  return require('pinyin-pro') as typeof import('pinyin-pro');
}

const read = (text: string, surname: boolean): string[] =>
  pinyinPro().pinyin(text, { toneType: 'none', type: 'array', ...(surname && { surname: 'head' as const }) }).map((s) => s.replace(/ü/g, 'u'));

/** A company's name: it holds a word of a company's name, or is longer than a person's name is (four characters). */
function isCompany(han: string): boolean {
  const simplified = simplify(han);
  return [...han].length > 4 || Object.keys(COMPANY_WORDS).some((word) => simplified.includes(word));
}

/**
 * A company's name in the list's words: dictionary words in English, places and brand runs in pinyin, run together.
 * Words are found from the end (backward maximum matching, the usual way to cut Chinese text without a full
 * dictionary): a name ends in its kind of business and legal form, so cutting from the end keeps a brand from
 * lending its last character to a word after it (申中国际 is 申中 + 国际, not 申 + 中国 + 际).
 */
function companyReading(han: string, readBrand: (run: string) => string = (run) => read(run, false).join('')): string {
  const chars = [...han];
  const simplified = [...simplify(han)];
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.unshift(readBrand(run.join('')));
    run = [];
  };
  for (let end = chars.length; end > 0; ) {
    const before = simplified.slice(0, end).join('');
    const word = WORDS.find((w) => before.endsWith(w));
    if (word) {
      flush();
      out.unshift(COMPANY_WORDS[word] ?? read(word, false).join(''));
      end -= [...word].length;
    } else if (PLACE_SUFFIXES.has(simplified[end - 1]!) && PLACES.some((place) => before.slice(0, -1).endsWith(place))) {
      // 深圳市 is Shenzhen: the administrative word after a place is left out, as the list leaves it out.
      flush();
      end--;
    } else {
      run.unshift(chars[end - 1]!);
      end--;
    }
  }
  flush();
  return out.join(' ');
}

/**
 * A company's name read with its brand in pinyin (Mainland), run together as the list writes most brands and apart as
 * it writes some (CHANG AN SHIPPING & TECHNOLOGY: run together, its & keeps the whole names from agreeing), and in
 * Cantonese (Hong Kong), apart as Hong Kong writes it. Apart only where every brand is of two or three characters, as
 * such brands are: a longer run apart (阿里巴巴, a li ba ba) is a search over every short word of the list, 25 ms.
 */
function companyReadings(han: string): string[] {
  const readings = [companyReading(han)];
  let short = true;
  const apart = (syllables: string[] | null) => {
    short &&= syllables !== null && syllables.length <= MAX_BRAND_APART;
    return syllables?.join(' ') ?? '';
  };
  const pinyin = companyReading(han, (run) => apart(read(run, false)));
  const cantonese = companyReading(han, (run) => apart(cantoneseSyllables(run)));
  if (short) readings.push(pinyin, cantonese);
  return [...new Set(readings)];
}
const MAX_BRAND_APART = 3;

/** A person's name in characters: family name first (two characters for 欧阳, 司马), then the given name. */
function personReadings(han: string): string[] {
  const chars = [...han];
  const surnameLength = COMPOUND_SURNAMES.has(simplify(chars.slice(0, 2).join(''))) ? 2 : 1;
  const syllables = read(han, true);
  if (syllables.length !== chars.length || chars.length < 2) return [syllables.join('')];
  const surname = syllables.slice(0, surnameLength).join('');
  const given = syllables.slice(surnameLength);
  // The given name joined, as the list writes most (a list name that splits it, TSANG YUNG YUAN, is met by comparing
  // names run together), and apart, as it writes some (Li Cheng He: run together, the spelling folds -ngh- to -ng-, so
  // CHENGHE is not quite CHENG HE); then as Taiwanese and Hong Kong passports write it: the given name in Wade-Giles
  // and the family name in their two commonest spellings.
  const readings = [`${surname} ${given.join('')}`];
  // Apart only a given name of two syllables, as Chinese given names are: a longer run (阿里巴巴 read as a person, a li
  // ba ba) is a search over every short word of the list.
  const usual = given.length <= 2;
  if (usual && given.length === 2) readings.push(`${surname} ${given.join(' ')}`);
  const wadeGiven = given.map(wadeGiles).join('');
  for (const other of otherSpellings(surname)) readings.push(`${other} ${wadeGiven}`);
  // In Cantonese, as a Hong Kong identity card writes it, every syllable apart (鄭雄文 CHENG HUNG MAN).
  const cantonese = usual ? cantoneseSyllables(han) : null;
  if (cantonese) readings.push(cantonese.join(' '));
  return readings;
}

/**
 * The Latin readings of a name written in Chinese characters (as folded text: words split at spaces and
 * punctuation); none for a name without them, or with kana (a Japanese name: 株式会社, ひらがな).
 */
export function characterReadings(folded: string): string[] {
  if (!hasHan(folded) || KANA.test(folded)) return [];
  // The list writes names in characters in traditional (華信船務(香港)有限公司) or in simplified ones (金铁三): a query
  // in one meets them in the other too.
  const forms = [traditionalForm(folded), simplify(folded)].filter((form) => form !== folded);
  const words = folded.split(' ');
  const company = words.some((w) => hasHan(w) && isCompany(w)) || words.filter((w) => hasHan(w)).length > 1;
  const readWords = (pick: (han: string) => string[]) => {
    let readings = [''];
    for (const word of words) {
      const options = hasHan(word) ? pick(word) : [word];
      readings = readings.flatMap((r) => options.map((o) => (r ? `${r} ${o}` : o)));
    }
    return readings;
  };
  const readings = company ? readWords(companyReadings) : readWords(personReadings);
  return [...new Set([...forms, ...readings])];
}

// Other romanizations ------------------------------------------------------------------------------------------------

/**
 * The common surnames' spellings beside pinyin: Wade-Giles (Taiwan), Cantonese (Hong Kong, Macau), and the Hokkien
 * and Teochew spellings of Southeast Asia where they are common (Tan, Lim, Ng, Ong). One line per pinyin surname.
 */
const SURNAME_SPELLINGS: readonly string[] = [
  'li lee', 'wang wong ong', 'zhang chang cheung cheong teo', 'liu lau lao', 'chen chan tan', 'yang yeung yeong',
  'huang wong hwang ng', 'zhao chao chiu', 'wu ng woo', 'zhou chou chow chau', 'xu hsu tsui hui', 'sun suen', 'zhu chu chue',
  'guo kuo kwok', 'he ho', 'gao kao ko', 'lin lam lim', 'luo lo law', 'zheng cheng', 'liang leung leong',
  'xie hsieh tse', 'song sung soong', 'tang tong', 'han hon', 'feng fung', 'deng teng tang', 'cao tsao tso',
  'peng pang', 'zeng tseng tsang', 'xiao hsiao siu', 'tian tien tin', 'dong tung', 'pan poon', 'yuan yuen',
  'cai tsai choi choy', 'jiang chiang keung tseung', 'du tu to', 'ye yeh yip ip', 'wei wai', 'su so', 'ding ting',
  'ren jen yam', 'shen shum sham', 'yao yiu', 'lu lou loo luk lui', 'cui tsui chui', 'zhong chung chong', 'tan tam',
  'fang fong', 'shi shih shek', 'yan yen yim ngan', 'qian chien', 'mai mak', 'mo mok', 'hong hung', 'qiu chiu yau',
  'xiong hsiung hung', 'kong hung', 'jin chin kam', 'hu wu woo', 'chi chih',
];
/** Common family names every system spells alike (Ma Xiaohong, Ma Hsiao-hung). */
const SAME_SURNAMES = new Set(['ma', 'fan', 'lai', 'bai', 'mao', 'lan', 'mei', 'fu', 'yu', 'wen', 'an', 'man', 'sha', 'hua']);
/** pinyin surname → its other spellings; another spelling → the pinyin surnames it may be (wong: wang, huang). */
const SPELLINGS_OF = new Map<string, string[]>();
/** Each reading is a search of the list: a family name's two commonest other spellings (Chou, Chow), or its Wade-Giles. */
const otherSpellings = (surname: string) => SPELLINGS_OF.get(surname)?.slice(0, 2) ?? [wadeGiles(surname)];
const PINYIN_OF = new Map<string, string[]>();
for (const line of SURNAME_SPELLINGS) {
  const [head, ...others] = line.split(' ');
  SPELLINGS_OF.set(head!, others);
  for (const other of others) PINYIN_OF.set(other, [...(PINYIN_OF.get(other) ?? []), head!]);
}

const PINYIN_SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha
  chai chan chang chao che chen cheng chi chong chou chu chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun
  cuo da dai dan dang dao de dei deng di dian diao die ding diu dong dou du duan dui dun duo e ei en er fa fan fang fei
  fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao
  he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue
  jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia
  lian liang liao lie lin ling liu long lou lu luan lun luo lue ma mai man mang mao me mei men meng mi mian miao mie min
  ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nu nuan nuo nue ou pa
  pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan
  que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang
  shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
  tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian
  xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan
  zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
  zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/),
);

/**
 * One pinyin syllable in Wade-Giles without its apostrophes and umlauts, as Taiwanese passports write it: b/p → p,
 * d/t → t, g/k → k, z/c → ts, zh/ch/j/q → ch, x → hs, r → j; -ong -ung, -ian -ien, -ie -ieh; zhi chih, si ssu, zi tzu.
 */
export function wadeGiles(syllable: string): string {
  const special: Record<string, string> = { zhi: 'chih', chi: 'chih', shi: 'shih', ri: 'jih', zi: 'tzu', ci: 'tzu', si: 'ssu', er: 'erh', you: 'yu', yan: 'yen', ye: 'yeh', yi: 'i', yong: 'yung', yue: 'yueh' };
  if (special[syllable]) return special[syllable]!;
  const [, initial = '', final = ''] = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?)(.*)$/.exec(syllable)!;
  const initials: Record<string, string> = { b: 'p', d: 't', g: 'k', z: 'ts', c: 'ts', zh: 'ch', j: 'ch', q: 'ch', x: 'hs', r: 'j' };
  let rest = final
    .replace(/^iong$/, 'iung')
    .replace(/^ong$/, 'ung')
    .replace(/^ian$/, 'ien')
    .replace(/^ie$/, 'ieh')
    .replace(/^ue$/, 'ueh');
  if (/^[gkh]$/.test(initial) && rest === 'e') rest = 'o';
  if (/^(?:[dtnlzcsr]|zh|ch)$/.test(initial) && rest === 'uo') rest = 'o';
  if (/^[gk]$/.test(initial) && rest === 'ui') rest = 'uei';
  return (initials[initial] ?? initial) + rest;
}

/** Wade-Giles syllables back to the pinyin ones they may be (chien: jian and qian): built from wadeGiles itself. */
const FROM_WADE_GILES = new Map<string, string[]>();
for (const syllable of PINYIN_SYLLABLES) {
  const wade = wadeGiles(syllable);
  if (wade !== syllable) FROM_WADE_GILES.set(wade, [...(FROM_WADE_GILES.get(wade) ?? []), syllable]);
}

/**
 * A word split into syllables of one system (a given name run together: jianshu, chienshu), or null. A syllable
 * after the first starts with a consonant: both systems mark a vowel there (Xi'an), so CHIEN is not chi-en.
 */
function syllables(word: string, known: (s: string) => boolean, first = true): string[] | null {
  if (word === '') return [];
  if (!first && /^[aeiou]/.test(word)) return null;
  for (let end = Math.min(6, word.length); end > 0; end--) {
    const head = word.slice(0, end);
    if (!known(head)) continue;
    const tail = syllables(word.slice(end), known, false);
    if (tail) return [head, ...tail];
  }
  return null;
}

/** A word wholly of pinyin syllables (a Chinese given name run together: xiaoming, jianshu) split into them, or null. */
export const pinyinSyllables = (word: string): string[] | null => syllables(word, (s) => PINYIN_SYLLABLES.has(s));

const isWadeGiles = (s: string) => FROM_WADE_GILES.has(s) || PINYIN_SYLLABLES.has(s);
/** Pinyin's aspirated initials, which Wade-Giles writes as the unaspirated ones with an apostrophe (t' is t, t is d). */
const ASPIRATED = /^[ptkcq]/;
/**
 * The pinyin a Wade-Giles word most likely is: the first reading of each syllable, unaspirated before aspirated,
 * unless the name as written marks the word's first syllable aspirated (T'ieh is tie, Tieh die).
 */
function toPinyin(word: string, aspirated = false): string | null {
  const pinyinOf = (s: string, i: number) => {
    if (PINYIN_SYLLABLES.has(s) && !FROM_WADE_GILES.has(s)) return s;
    const options = FROM_WADE_GILES.get(s)!;
    return (aspirated && i === 0 && options.find((o) => ASPIRATED.test(o))) || options.find((o) => !ASPIRATED.test(o)) || options[0]!;
  };
  return syllables(word, isWadeGiles)?.map(pinyinOf).join('') ?? null;
}

/**
 * The words of a name that Wade-Giles marks as starting aspirated, with an apostrophe after the initial (Chin
 * T'ieh-san, Ch'en): folding drops the apostrophe, so they are read from the name as written.
 */
function aspiratedWords(written: string): Set<string> {
  return new Set([...written.toLowerCase().matchAll(/\b(ch|ts|tz|[ptk])['’‘ʼ]([a-z]+)/g)].map((m) => m[1]! + m[2]!));
}

/**
 * The other readings of a Latin name that looks Chinese, for a list that writes it otherwise: a Wade-Giles or
 * Cantonese name (Chou Chien-shu, Chan Tai Man) in pinyin, and a pinyin name (Zeng Yongyuan) with its family name
 * as Taiwan and Hong Kong spell it and its given name in Wade-Giles. Only for names of two to four words, every one
 * a syllable or run of syllables of those systems, and with a known family name first or last.
 */
export function romanizationReadings(folded: string, written = folded): string[] {
  const words = folded.split(' ');
  const aspirated = aspiratedWords(written);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^[a-z]+$/.test(w))) return [];
  const readings = new Set<string>();
  const isPinyin = (w: string) => syllables(w, (s) => PINYIN_SYLLABLES.has(s)) !== null;
  for (const at of [0, words.length - 1]) {
    const surname = words[at]!;
    const others = words.filter((_, i) => i !== at);
    // Wade-Giles or Cantonese (Chou Chien-shu, Ma Hsiao-hung, Chan Tai Man): the family name as pinyin, the given
    // name read from Wade-Giles where it is not pinyin already, and wholly (TAI, SHU may be Wade-Giles for DAI, ZHU).
    const fromOther = PINYIN_OF.get(surname) ?? (SPELLINGS_OF.has(surname) || SAME_SURNAMES.has(surname) ? [surname] : null);
    if (fromOther && others.every((w) => toPinyin(w) !== null)) {
      const converted = others.map((w) => toPinyin(w, aspirated.has(w))!);
      const kept = others.map((w) => (isPinyin(w) ? w : toPinyin(w, aspirated.has(w))!));
      // A passport's Wade-Giles has no apostrophes (Chin Tieh-san): its given name may be aspirated as well.
      const asAspirated = aspirated.size === 0 ? others.map((w) => (isPinyin(w) ? w : toPinyin(w, true)!)) : kept;
      for (const p of fromOther) for (const given of [kept, converted, asAspirated]) readings.add([p, ...given].join(' '));
    }
    // A pinyin family name (Zeng Yongyuan, Zhou Tony) as Taiwan and Hong Kong spell it, a pinyin given name in
    // Wade-Giles; a given name in no Chinese system (Tony) is kept.
    // A pinyin family name the table does not hold (Zang, Qiao) is spelt in Wade-Giles, if the rest is pinyin.
    const wade = isPinyin(surname) && others.every(isPinyin) ? wadeGiles(surname) : surname;
    const toOther = SPELLINGS_OF.get(surname)?.slice(0, 2) ?? (wade !== surname && SAME_SURNAMES.has(surname) === false ? [wade] : undefined);
    if (toOther) {
      const given = others.map((w) => (isPinyin(w) ? syllables(w, (s) => PINYIN_SYLLABLES.has(s))!.map(wadeGiles).join('') : w));
      for (const o of toOther) readings.add([o, ...given].join(' '));
    }
  }
  readings.delete(folded);
  return [...readings];
}

/** Hong Kong companies abbreviate their place in their English names (Huaxin Shipping (HK) Ltd); the list does not. */
const HONG_KONG = /\bhk\b/g;

/**
 * Chinese places in the postal and older romanizations (the Chinese Postal Map of 1919, Wade-Giles) that companies and
 * the press still use, with their pinyin: Tsingtao Brewery is in Qingdao, Peking is Beijing, Canton Guangzhou.
 */
const POSTAL_PLACES: Readonly<Record<string, string>> = {
  tsingtao: 'qingdao', peking: 'beijing', peiping: 'beijing', canton: 'guangzhou', nanking: 'nanjing', tientsin: 'tianjin',
  amoy: 'xiamen', chungking: 'chongqing', mukden: 'shenyang', dairen: 'dalian', swatow: 'shantou', foochow: 'fuzhou',
  hangchow: 'hangzhou', soochow: 'suzhou', ningpo: 'ningbo', chefoo: 'yantai', antung: 'dandong', tsinan: 'jinan',
  sinkiang: 'xinjiang', kwangtung: 'guangdong', fukien: 'fujian', shantung: 'shandong', kiangsu: 'jiangsu',
  chekiang: 'zhejiang', szechwan: 'sichuan', hunan: 'hunan', yunnan: 'yunnan', liaoning: 'liaoning', kirin: 'jilin',
  harbin: 'harbin', shenzen: 'shenzhen', hankow: 'hankou', wuhan: 'wuhan', kunming: 'kunming',
};
/** A Chinese company's name starts with its city (DANDONG ZHICHENG METALLIC MATERIAL): such a name is a company's. */
const PINYIN_PLACES = new Set(Object.values(POSTAL_PLACES));
/** Words that make a Latin name a company's: a brand in pinyin run together there may be written apart on the list. */
const COMPANY_NAME =
  /\b(?:co|ltd|limited|company|corp|corporation|group|trading|shipping|international|industrial|development|technology|holdings|bank|construction|freight|logistics|energy|investment|electronics|machinery|mining)\b/;

/**
 * A Chinese company's Latin name with its brand written apart (Shenzhong International Shipping for SHEN ZHONG
 * INTERNATIONAL SHIPPING): each word that is two or three pinyin syllables (and not an English word that happens to
 * be, as the syllables' check cannot tell: only words of six letters or more, with a syllable of three or more).
 */
function splitBrand(folded: string): string | null {
  if (!COMPANY_NAME.test(folded)) return null;
  let split = false;
  const words = folded.split(' ').map((word) => {
    if (word.length < 6 || POSTAL_PLACES[word] || COMPANY_NAME.test(word)) return word;
    const parts = syllables(word, (s) => PINYIN_SYLLABLES.has(s));
    if (!parts || parts.length < 2 || parts.length > 3 || parts.every((p) => p.length < 3)) return word;
    split = true;
    return parts.join(' ');
  });
  return split ? words.join(' ') : null;
}

/**
 * The words that say what kind of business a company is, and the places the list names in English, in pinyin joined
 * as a name in pinyin writes them (Dandong Yinhang, Fudi Maoyi Youxian Gongsi, Xianggang), with the characters whose English the list uses (COMPANY_WORDS). Written out
 * rather than read with pinyin-pro, which a name in Latin letters should not load; a test reads them back.
 */
export const PINYIN_COMPANY_WORDS: Readonly<Record<string, string>> = {
  yinhang: '银行', youxiangongsi: '有限公司', gongsi: '公司', jituan: '集团', konggu: '控股', maoyi: '贸易', shangmao: '商贸',
  jinchukou: '进出口', keji: '科技', guoji: '国际', wuliu: '物流', shiye: '实业', touzi: '投资', chuanwu: '船务', hangyun: '航运',
  haiyun: '海运', nengyuan: '能源', huoyun: '货运', huodai: '货代', fazhan: '发展', kaifa: '开发', gongye: '工业', jishu: '技术',
  dianzi: '电子', jianshe: '建设', gongcheng: '工程', yunshu: '运输', jinrong: '金融', kuangchan: '矿产', huagong: '化工',
  jixie: '机械', shebei: '设备', hangkong: '航空', zhizao: '制造',
  // Places the list names in English (Huaxin Shipping (Hongkong): Xianggang).
  xianggang: '香港', aomen: '澳门', zhongguo: '中国',
};
/** A legal form in pinyin is written in two words as often as in one (youxian gongsi). */
const PINYIN_LEGAL_FORM = /\byouxian gongsi\b/g;

/** A company's name in pinyin throughout with its business words in the list's English (Dandong Yinhang: Dandong Bank), or null. */
function pinyinCompanyReading(folded: string): string | null {
  const words = folded.replace(PINYIN_LEGAL_FORM, 'youxiangongsi').split(' ');
  const translated = words.map((w) => (PINYIN_COMPANY_WORDS[w] ? COMPANY_WORDS[PINYIN_COMPANY_WORDS[w]!]! : w));
  // A business word alone (Yinhang) names no company; a name in it does.
  const changed = translated.map((w, i) => w !== words[i]);
  return changed.some(Boolean) && !changed.every(Boolean) ? translated.join(' ') : null;
}

/**
 * Every reading a Chinese name may have beside its own: from characters, or from one romanization to another. The
 * name as written tells what folding loses (Wade-Giles apostrophes).
 */
export function chineseReadings(folded: string, written = folded): string[] {
  if (hasHan(folded)) return characterReadings(folded);
  // Beside the other readings: a word of these may be a given name (Jianshe, Guoji).
  const inEnglish = pinyinCompanyReading(folded);
  const others = romanReadings(folded, written);
  return inEnglish === null ? others : [inEnglish, ...others];
}

function romanReadings(folded: string, written: string): string[] {
  const words = folded.split(' ');
  if (words.some((w) => POSTAL_PLACES[w] !== undefined && POSTAL_PLACES[w] !== w)) return [words.map((w) => POSTAL_PLACES[w] ?? w).join(' ')];
  if (words.includes('hk')) return [folded.replace(HONG_KONG, 'hong kong')];
  const brand = wadeGilesCompany(words) ?? splitBrand(folded) ?? joinBrand(folded);
  return brand ? [brand] : romanizationReadings(folded, written);
}

/**
 * A Chinese company's place and brand in Wade-Giles, a syllable a word or two run together (Tan-tung Hung-hsiang
 * Industrial Development, Tantung Hunghsiang, Talien Global Unity Shipping), read as the list writes them: in pinyin,
 * two syllables a word (DANDONG HONGXIANG, DALIAN). Only a company's name (by its words, or its city first), and only
 * its first words, each one syllable (paired in turn) or two, where the pinyin differs from what is written.
 */
function wadeGilesCompany(words: readonly string[]): string | null {
  const read: string[] = [];
  let half: string | null = null;
  let leading = 0;
  for (const word of words) {
    const count = COMPANY_NAME.test(word) ? 0 : (syllables(word, isWadeGiles)?.length ?? 0);
    if (count === 0 || count > 2 || (count === 2 && half !== null)) break;
    const pinyin = toPinyin(word)!;
    if (count === 2) read.push(pinyin);
    else if (half === null) half = pinyin;
    else {
      read.push(`${half}${pinyin}`);
      half = null;
    }
    leading++;
  }
  if (read.length === 0 || half !== null || read.join('') === words.slice(0, leading).join('')) return null;
  if (!COMPANY_NAME.test(words.join(' ')) && !PINYIN_PLACES.has(read[0]!)) return null;
  return [...read, ...words.slice(leading)].join(' ');
}

/**
 * The reverse: a brand the list runs together written apart in the query (Ming Zheng International Trading for
 * MINGZHENG INTERNATIONAL TRADING LIMITED): two words at the name's start that are each one pinyin syllable with a
 * consonant, of three letters or more, read as one.
 */
function joinBrand(folded: string): string | null {
  if (!COMPANY_NAME.test(folded)) return null;
  const found = /^([a-z]{3,6}) ([a-z]{3,6})(?= )/.exec(folded);
  if (!found || ![found[1]!, found[2]!].every((w) => PINYIN_SYLLABLES.has(w) && !COMPANY_NAME.test(w) && /^[^aeiou]/.test(w))) return null;
  return `${found[1]}${found[2]}${folded.slice(found[0].length)}`;
}

// Weighing a guessed reading -----------------------------------------------------------------------------------------

/** A pair this close is the same word, or one family's spellings. */
const AGREEING = 0.92;
const JOINED_AGREEING = 0.94;
/**
 * What a guessed reading is worth when only part of the name agrees: a Japanese name in kanji (田中太郎, tian zhong)
 * or a common Chinese one (王伟) shares a syllable with many listed names, and must not cross the threshold on it.
 */
export const PARTIAL_GUESS_FACTOR = 0.8;

/**
 * Every word of the query paired with a word of the listed name and every listed word paired (but a company's), all
 * closely. A reading of characters (fromCharacters) has no typos: a Latin word it pairs with is the same word or a known
 * spelling of it, since another letter is another character (马晓东, ma xiaodong, is not MA XIAOHONG; 洪建华 not HONG
 * JINHUA).
 */
export function wholeNameAgrees(comparison: NameComparison, query: readonly NameToken[], listed: readonly NameToken[], fromCharacters = false): boolean {
  // Run together, only the same letters agree (compareNames discounts a joined comparison to 0.95): MAKIN is not
  // "mak jen", a guessed reading of Ren Mai.
  if (comparison.joined) return comparison.score >= JOINED_AGREEING;
  const agrees = (p: NameComparison['pairs'][number]) =>
    fromCharacters && !p.crossScript ? p.similarity === 1 || p.similarity === FAMILY_SIMILARITY : p.similarity >= AGREEING;
  const close = comparison.pairs.filter(agrees);
  const pairedQuery = new Set(close.map((p) => p.query));
  const pairedListed = new Set(close.map((p) => p.listedIndex));
  if (!query.every((t) => t.kind !== 'word' || pairedQuery.has(t.text))) return false;
  // A company's name found whole, a rare word among it, in a company's longer name: Chinese companies' full names add
  // the place and the kind (鸿祥实业, Hongxiang Industrial, in DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT COMPANY LIMITED).
  const company = query.some((t) => t.kind !== 'word' || t.organisational) && listed.some((t) => t.organisational) && close.some((p) => p.weightQuery >= RARE_WORD);
  return company || listed.every((t, j) => t.kind !== 'word' || pairedListed.has(j));
}
const RARE_WORD = 1;
