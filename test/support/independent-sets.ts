import type { Designation } from '../../shared/domain/designation';
import { belarusianForm, type CyrillicStandard, romanizeCyrillic, toCyrillic } from './cyrillic-variants';
import { popularSpelling, revisedRomanization, toHangul } from './korean-variants';

/**
 * Screening sets the matcher was not tuned on (issue 17), each made by code that shares nothing with
 * shared/screening (no import from it: a check in test/unit/screening/independent.test.ts), from the 2026-03-05 list:
 *
 * (a) leave-one-alias-out: MOF's own aliases are real-world variants; each, taken out of the list, is a query that
 *     must find its entry among the entry's remaining names (aliasHoldOut).
 * (b) standard variants (standardVariants): the list's Russian, Belarusian and Ukrainian names written in Cyrillic
 *     and romanized back under ICAO 9303, GOST 7.79 B and Duden; its Korean names in Hangul, in Revised Romanization
 *     and in the common Southern spelling; Arabic name parts respelled by the press's table; katakana as the
 *     Japanese press writes it; company legal forms in another language or abbreviation.
 * (c) unlisted namesakes (NAMESAKES): real common names of every culture the list covers, in their own scripts,
 *     none of them a listed person (checked by a rule of this file's own: see possiblyListed).
 */

export interface IndependentQuery {
  query: string;
  kind: string;
  from: string;
  expected: string[];
}

const SLAVIC_REGIMES = /^(?:026|029|031|032)-/;
const KOREAN_REGIMES = /^(?:015|017|039|040|041)-/;
const ARABIC_REGIMES = /^(?:002|019|020|023|024|025)-/;

const lower = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const words = (text: string) => lower(text).split(/[^a-z\u3040-\u30ff\u4e00-\u9fff]+/).filter(Boolean);

/** Entries by their Latin name's words in any order: the same person is often listed under several regimes. */
function holdersByName(entries: readonly Designation[]): (name: string) => string[] {
  const holders = new Map<string, string[]>();
  for (const entry of entries) {
    for (const name of [entry.name.en, entry.name.ja, ...entry.aliases.en, ...entry.aliases.ja]) {
      if (!name) continue;
      const key = words(name).sort().join(' ');
      const list = holders.get(key) ?? [];
      if (!list.includes(entry.key)) list.push(entry.key);
      holders.set(key, list);
    }
  }
  return (name) => holders.get(words(name).sort().join(' ')) ?? [];
}

/**
 * (a) The `round`-th alias of every entry that has one, held out: the entries without it (the index to screen
 * against) and the held-out aliases as queries. An alias that is an acronym (KOMID), or literally one of the entry's
 * remaining names once case and punctuation go, is skipped: the first no name matcher can find, the second measures
 * nothing. Kinds: alias-latin, alias-katakana, alias-kanji.
 */
export function aliasHoldOut(entries: readonly Designation[], round: number): { entries: Designation[]; queries: IndependentQuery[] } {
  const queries: IndependentQuery[] = [];
  const kept = entries.map((entry) => {
    const aliases = [...entry.aliases.en.map((a) => ['en', a] as const), ...entry.aliases.ja.map((a) => ['ja', a] as const)];
    const held = aliases[round];
    if (!held) return entry;
    const [lang, alias] = held;
    const rest: Designation = { ...entry, aliases: { ...entry.aliases, [lang]: entry.aliases[lang].filter((a) => a !== alias) } };
    const remaining = [rest.name.en, rest.name.ja, ...rest.aliases.en, ...rest.aliases.ja, ...rest.formerNames.en, ...rest.formerNames.ja].filter((n): n is string => !!n);
    const acronym = /^[A-Z0-9.\-&\s]{2,8}$/.test(alias.trim()) && !/\s/.test(alias.trim()) || /^[ァ-ヴー・]+$/.test(alias) && /^(?:[ァ-ヴ]ー?・){2,}[ァ-ヴ]ー?$/.test(alias);
    const literal = remaining.some((n) => words(n).join(' ') === words(alias).join(' '));
    if (!acronym && !literal && words(alias).length > 0) {
      const kind = /[a-z]/i.test(alias) ? 'alias-latin' : /^[\u30a0-\u30ff・\s　＝=]+$/.test(alias) ? 'alias-katakana' : 'alias-kanji';
      queries.push({ query: alias, kind, from: entry.key, expected: [entry.key] });
    }
    return rest;
  });
  return { entries: kept, queries };
}

const latinPerson = (name: string | null): name is string => !!name && /^[A-Za-z][A-Za-z\s\-']+$/.test(name) && name.trim().split(/\s+/).length >= 2;

/** (b) Variants under public standards, every `every`-th entry of each culture (all of them with every = 1). */
export function standardVariants(entries: readonly Designation[], every = 1): IndependentQuery[] {
  const holders = holdersByName(entries);
  const out: IndependentQuery[] = [];
  const add = (query: string | null, kind: string, from: string) => {
    if (!query || words(query).join(' ') === words(from).join(' ')) return;
    out.push({ query, kind, from, expected: holders(from) });
  };
  let slavic = 0;
  let korean = 0;
  let arabic = 0;
  for (const entry of entries) {
    const en = entry.name.en;
    if (entry.entityType === 'individual' && SLAVIC_REGIMES.test(entry.key) && latinPerson(en) && slavic++ % every === 0) {
      const cyrillic = toCyrillic(en);
      add(cyrillic, 'cyrillic', en);
      // Russian order: family name first, as passports and the press write it.
      const parts = cyrillic.split(/\s+/);
      add([parts.at(-1)!, ...parts.slice(0, -1)].join(' '), 'cyrillic-family-first', en);
      if (entry.key.startsWith('031') || entry.key.startsWith('032')) add(belarusianForm(cyrillic), 'cyrillic-belarusian', en);
      for (const standard of ['icao', 'gost-b', 'duden'] as CyrillicStandard[]) add(romanizeCyrillic(cyrillic, standard), `latin-${standard}`, en);
    }
    if (entry.entityType === 'individual' && KOREAN_REGIMES.test(entry.key) && en && korean++ % every === 0) {
      const hangul = toHangul(en, korean);
      if (hangul) {
        add(hangul, 'hangul', en);
        add(revisedRomanization(hangul), 'korean-rr', en);
        add(popularSpelling(hangul, korean % 2 === 0), 'korean-popular', en);
      }
    }
    if (entry.entityType === 'individual' && ARABIC_REGIMES.test(entry.key) && latinPerson(en) && arabic++ % every === 0) add(arabicRespelling(en), 'arabic-spelling', en);
    const ja = entry.name.ja;
    if (ja && /^[ァ-ヴー・＝]+$/.test(ja)) add(pressKatakana(ja, en ?? ''), 'katakana-press', ja);
  }
  for (const [query, from, key] of companyForms(entries)) out.push({ query, kind: 'company-legal-form', from, expected: [...new Set([key, ...holders(from)])] });
  return out.filter((q) => q.expected.length > 0);
}

/** Arabic name parts as the press and other lists write them: a table of this file's own, the first two that apply. */
const ARABIC_RESPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmohammad\b/i, 'Muhammad'], [/\bmuhammad\b/i, 'Mohamed'], [/\bmohammed\b/i, 'Mohamad'], [/\bmohamed\b/i, 'Muhammed'],
  [/\bahmad\b/i, 'Ahmed'], [/\bahmed\b/i, 'Ahmad'], [/\babdul\s*/i, 'Abd al-'], [/\babd al[- ]/i, 'Abdul '], [/\bal-/i, 'el-'],
  [/\bhussein\b/i, 'Husayn'], [/\bhusayn\b/i, 'Hussein'], [/\bhassan\b/i, 'Hasan'], [/\bhasan\b/i, 'Hassan'], [/\bmahmoud\b/i, 'Mahmud'],
  [/\byusuf\b/i, 'Youssef'], [/\bomar\b/i, 'Umar'], [/\busama\b/i, 'Osama'], [/\bqadhafi\b/i, 'Gaddafi'], [/\bkhalid\b/i, 'Khaled'],
  [/\bkhaled\b/i, 'Khalid'], [/\bmustafa\b/i, 'Mostafa'], [/\bibrahim\b/i, 'Ebrahim'], [/\babdullah\b/i, 'Abdallah'],
  [/\bsaid\b/i, 'Saeed'], [/\babu\b/i, 'Abou'], [/\bmohsen\b/i, 'Muhsin'], [/\bhaji\b/i, 'Hajji'], [/oo/i, 'u'], [/ee/i, 'i'],
];

function arabicRespelling(name: string): string | null {
  let out = name;
  let applied = 0;
  for (const [pattern, replacement] of ARABIC_RESPELLINGS) {
    if (applied === 2) break;
    if (pattern.test(out)) {
      out = out.replace(pattern, replacement);
      applied++;
    }
  }
  return applied ? out : null;
}

/** Katakana as the Japanese press writes foreign names: エフ for エヴ, ビ for ヴィ, メド for ンマド, ク for the kh of フ. */
function pressKatakana(katakana: string, latin: string): string | null {
  let out = katakana
    .replace(/ヴァ/g, 'バ').replace(/ヴィ/g, 'ビ').replace(/ヴェ/g, 'ベ').replace(/ヴォ/g, 'ボ').replace(/エヴ/g, 'エフ').replace(/ヴ/g, 'ブ')
    .replace(/ンマド/g, 'メド');
  if (/kh/i.test(latin)) out = out.replace(/フ(?=[ンァ-ヴ])/, 'ク');
  return out === katakana ? null : out.replace(/・/g, ' ');
}

/**
 * Company names with the legal form in another language or abbreviation, from the list's own forms: OOO X as X LLC,
 * X Limited Liability Company and ООО «X»; JSC/AO/PJSC X as АО X, X Joint Stock Company, X OAO; 株式会社X as ㈱X
 * and (株)X. [query, from, key].
 */
function companyForms(entries: readonly Designation[]): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const entry of entries) {
    if (entry.entityType !== 'entity') continue;
    const en = entry.name.en ?? '';
    const ja = entry.name.ja ?? '';
    const llc = /^(?:OOO|LLC|Limited Liability Company)\s+(.+)$|^(.+?),?\s+(?:OOO|LLC)$/i.exec(en);
    if (llc) {
      const bare = (llc[1] ?? llc[2])!.trim();
      out.push([`${bare} Limited Liability Company`, en, entry.key], [`ООО «${toCyrillic(bare)}»`, en, entry.key], [`TOV ${bare}`, en, entry.key]);
    }
    const jsc = /^(?:JSC|AO|OJSC|PJSC|OAO|ZAO|Joint Stock Company|Public Joint Stock Company)\s+(.+)$|^(.+?),?\s+(?:JSC|AO|PJSC|OJSC)$/i.exec(en);
    if (jsc) {
      const bare = (jsc[1] ?? jsc[2])!.trim();
      out.push([`${bare} Joint-Stock Company`, en, entry.key], [`АО ${toCyrillic(bare)}`, en, entry.key], [`${bare} OAO`, en, entry.key]);
    }
    const kk = /^株式会社(.+)$|^(.+)株式会社$/.exec(ja);
    if (kk) {
      const bare = (kk[1] ?? kk[2])!;
      out.push([`㈱${bare}`, ja, entry.key], [`(株)${bare}`, ja, entry.key]);
    }
  }
  return out;
}

/**
 * (c) Unlisted namesakes: the commonest given and family names of each culture the list covers, paired, in each
 * culture's scripts. A pairing that may be a listed person by this file's own rule is left out (possiblyListed).
 */
const RUSSIAN_GIVEN_MALE = ['Sergei', 'Vladimir', 'Andrei', 'Aleksandr', 'Dmitry', 'Ivan', 'Yuri', 'Oleg', 'Nikolai', 'Mikhail', 'Pavel', 'Alexei', 'Igor', 'Viktor', 'Maxim', 'Artem', 'Roman', 'Denis', 'Evgeny', 'Konstantin'];
const RUSSIAN_GIVEN_FEMALE = ['Elena', 'Olga', 'Natalia', 'Marina', 'Tatiana', 'Irina', 'Anna', 'Svetlana', 'Ekaterina', 'Yulia'];
const RUSSIAN_FAMILY = [
  'Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov',
  'Alekseev', 'Lebedev', 'Semenov', 'Egorov', 'Pavlov', 'Kozlov', 'Stepanov', 'Nikolaev', 'Orlov', 'Andreev', 'Makarov', 'Nikitin',
  'Zakharov', 'Zaitsev', 'Soloviev', 'Borisov', 'Yakovlev', 'Grigoriev', 'Romanov', 'Vorobiev', 'Sergeev', 'Kuzmin', 'Frolov',
  'Aleksandrov', 'Dmitriev', 'Korolev', 'Gusev', 'Kiselev', 'Ilyin', 'Maksimov', 'Polyakov', 'Sorokin', 'Vinogradov', 'Kovalev',
  'Belov', 'Medvedev', 'Antonov', 'Tarasov', 'Zhukov', 'Baranov', 'Filippov', 'Komarov', 'Davydov', 'Belyaev', 'Gerasimov',
  'Bogdanov', 'Osipov', 'Sidorov', 'Matveev', 'Titov', 'Markov', 'Mironov', 'Krylov', 'Kulikov', 'Karpov', 'Vlasov', 'Melnikov',
  'Denisov', 'Gavrilov', 'Tikhonov', 'Kazakov', 'Afanasiev', 'Danilov', 'Timofeev', 'Fomin', 'Chernov', 'Abramov', 'Martynov',
  'Efimov', 'Nazarov', 'Kalinin', 'Isaev', 'Bykov', 'Maslov', 'Rodionov', 'Konovalov', 'Lazarev', 'Voronin', 'Klimov', 'Filatov',
  'Golubev', 'Kudryavtsev', 'Prokhorov', 'Naumov', 'Potapov', 'Zhuravlev', 'Trofimov', 'Leonov', 'Sobolev', 'Ermakov', 'Kolesnikov',
  'Goncharov', 'Nikiforov', 'Kotov', 'Grishin', 'Arkhipov', 'Gromov', 'Kirillov', 'Malyshev', 'Panov', 'Moiseev', 'Akimov',
  'Gorbunov', 'Eremin', 'Galkin', 'Lukyanov', 'Belousov', 'Nesterov', 'Simonov', 'Tsvetkov', 'Levin', 'Voronov', 'Loginov',
  'Shestakov', 'Belyakov', 'Kulagin', 'Rybakov', 'Demidov', 'Zhdanov', 'Ryabov', 'Savin', 'Krasnov',
];
const KOREAN_FAMILY = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Yoo', 'Hong'];
const KOREAN_GIVEN = ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Ha-eun', 'Do-yun', 'Ji-woo', 'Seo-jun', 'Ye-jin', 'Hyun-woo', 'Su-bin', 'Jae-won', 'Min-seo', 'Eun-ji', 'Dong-hyun', 'Ji-ho', 'Yu-na', 'Sang-woo', 'Hye-jin', 'Tae-yang', 'So-yeon', 'Jun-ho', 'Ji-min', 'Seung-hoon', 'Da-eun'];
const ARABIC_GIVEN = ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Youssef', 'Khaled', 'Hassan', 'Ibrahim', 'Mahmoud', 'Mustafa', 'Abdullah', 'Tariq', 'Karim', 'Samir', 'Nabil', 'Walid', 'Fatima', 'Aisha', 'Mariam', 'Layla', 'Hussein', 'Rashid', 'Faisal', 'Ziad'];
const ARABIC_FAMILY = ['Al-Masri', 'Haddad', 'Khoury', 'Nasser', 'Saleh', 'Mansour', 'Hamdan', 'Aziz', 'Farouk', 'Suleiman', 'Darwish', 'Jaber', 'Shami', 'Hijazi', 'Bakr', 'Zaki', 'Kamal', 'Taha', 'Amin', 'Yassin', 'Nassar', 'Sabbagh', 'Ghanem', 'Qureshi', 'Siddiqui', 'Haidari', 'Al-Amin', 'El-Sayed', 'Barakat', 'Awad'];
const CHINESE = [
  'Wang Wei', 'Li Na', 'Zhang Wei', 'Liu Yang', 'Chen Jing', 'Yang Fang', 'Huang Min', 'Zhao Lei', 'Wu Jun', 'Zhou Jie', 'Xu Li', 'Sun Hao',
  'Ma Lin', 'Zhu Ying', 'Hu Bo', 'Guo Qiang', 'He Ping', 'Gao Yan', 'Lin Tao', 'Luo Xin', 'Zheng Hui', 'Liang Chen', 'Song Yu', 'Xie Ming',
  'Tang Jian', 'Han Xue', 'Feng Gang', 'Deng Chao', 'Cao Yi', 'Peng Fei', '王伟', '李娜', '张伟', '刘洋', '陈静', '杨芳', '黄敏', '赵磊', '吴军', '周杰',
  'ワン・ウェイ', 'リー・ナー', 'チャン・ウェイ', 'リウ・ヤン', 'チェン・ジン',
];
const JAPANESE = [
  '斎藤 健太', '松田 優子', '井上 拓也', '木下 彩', '清水 大樹', '森田 真由美', '石井 浩二', '前田 恵', '藤原 誠司', '岡本 奈々',
  'サイトウ ケンタ', 'マツダ ユウコ', 'イノウエ タクヤ', 'キノシタ アヤ', 'シミズ ダイキ', 'モリタ マユミ', 'イシイ コウジ', 'マエダ メグミ',
  'Kenta Saito', 'Yuko Matsuda', 'Takuya Inoue', 'Aya Kinoshita', 'Daiki Shimizu', 'Mayumi Morita', 'Koji Ishii', 'Megumi Maeda',
  'Seiji Fujiwara', 'Nana Okamoto', 'Hiroshi Tanaka', 'Keiko Yamamoto', 'Tomoko Sato', 'Kazuo Nakamura', 'Akiko Watanabe',
];
const WESTERN = [
  'Michael Schmidt', 'Laura Bianchi', 'Peter Novak', 'Anna Kowalska', 'Tomasz Nowak', 'Jean Dupont', 'Maria Garcia Lopez', 'Erik Larsen',
  'Sophie Dubois', 'Lukas Weber', 'Emma Wagner', 'Jonas Becker', 'Olivia Smith', 'Noah Johnson', 'Liam Williams', 'Ava Brown',
  'Isabella Rossi', 'Mateo Fernandez', 'Chloe Martin', 'Daniel Kovac', 'Milan Horvat', 'Ivana Petrovic', 'Marko Jovanovic', 'Nikola Popovic',
  'George Papadopoulos', 'Katarzyna Wisniewska', 'Jakub Dvorak', 'Zsofia Nagy', 'Andreas Muller', 'Lena Hoffmann',
];
const COMPANIES = [
  'OOO Romashka', 'ООО «Ромашка»', 'AO Severnye Zori', 'Vostok Trading LLC', 'Siberian Timber JSC', 'ПАО Магнит', 'Magnit PJSC',
  'X5 Retail Group', 'Yandex LLC', 'Ozon Holdings', 'Wildberries LLC', 'Tinkoff Bank', 'MTS PJSC', 'Beeline', 'Pyaterochka',
  'Samsung Electronics Co., Ltd.', '삼성전자', 'Hyundai Motor Company', '현대자동차', 'LG Chem Ltd.', 'SK Hynix Inc.', 'Kakao Corp.', 'Naver Corporation',
  'Emirates NBD', 'Aramex PJSC', 'Qatar Airways', 'Saudi Aramco', 'Al Rajhi Bank', 'Etisalat', 'Dubai Islamic Bank PJSC',
  'Huawei Technologies Co., Ltd.', '华为技术有限公司', 'Alibaba Group Holding Limited', 'Tencent Holdings Ltd.', 'BYD Company Limited',
  '株式会社山田製作所', '㈱鈴木商店', '(株)田中工業', '有限会社佐藤商事', 'Yamada Seisakusho Co., Ltd.', 'Kabushiki Kaisha Tanaka Kogyo',
];

function pairs(given: readonly string[], family: readonly string[], step: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < given.length; i++) for (let j = i % step; j < family.length; j += step) out.push([given[i]!, family[j]!]);
  return out;
}

const feminine = (family: string) => (/(ov|ev|in|yn)$/.test(family) ? `${family}a` : family);

/** Russian, Korean and Arabic namesakes in Latin and their own scripts, plus Chinese, Japanese, Western and companies. */
export function namesakes(entries: readonly Designation[]): IndependentQuery[] {
  const listed = possiblyListed(entries);
  const out: IndependentQuery[] = [];
  // `latin` is the name the rule checks: a Cyrillic or Hangul query is checked by the Latin name it was made from.
  const add = (query: string, kind: string, latin = query) => {
    if (!listed(latin)) out.push({ query, kind, from: latin, expected: [] });
  };
  pairs(RUSSIAN_GIVEN_MALE, RUSSIAN_FAMILY, 4).forEach(([g, f], i) => add(i % 3 === 0 ? toCyrillic(`${f} ${g}`) : `${g} ${f}`, i % 3 === 0 ? 'namesake-cyrillic' : 'namesake-russian', `${g} ${f}`));
  pairs(RUSSIAN_GIVEN_FEMALE, RUSSIAN_FAMILY, 5).forEach(([g, f], i) =>
    add(i % 3 === 0 ? toCyrillic(`${feminine(f)} ${g}`) : `${g} ${feminine(f)}`, i % 3 === 0 ? 'namesake-cyrillic' : 'namesake-russian', `${g} ${feminine(f)}`),
  );
  pairs(KOREAN_GIVEN, KOREAN_FAMILY, 3).forEach(([g, f], i) => {
    const hangul = toHangul(`${f === 'Lee' ? 'I' : f === 'Park' ? 'Pak' : f === 'Choi' ? 'Choe' : f === 'Oh' ? 'O' : f === 'Yoo' ? 'Yu' : f} ${g}`, i + 1);
    add(i % 3 === 0 && hangul ? hangul : i % 3 === 1 ? `${g} ${f}` : `${f} ${g}`, i % 3 === 0 && hangul ? 'namesake-hangul' : 'namesake-korean', `${f} ${g}`);
  });
  pairs(ARABIC_GIVEN, ARABIC_FAMILY, 4).forEach(([g, f]) => add(`${g} ${f}`, 'namesake-arabic'));
  for (const name of CHINESE) add(name, 'namesake-chinese');
  for (const name of JAPANESE) add(name, 'namesake-japanese');
  for (const name of WESTERN) add(name, 'namesake-western');
  for (const name of COMPANIES) add(name, 'namesake-company');
  return out;
}

/**
 * Whether a namesake may be a listed person after all, by a rough rule of this file's own, so that the set holds
 * only names a compliance officer would call a false match: every word of it (with crude folding of spelling
 * variants: y/i/j, kh/h, doubled letters, -ey/-ei/-ii/-y, Korean surname spellings, vowel skeletons for Arabic)
 * found among the words of one listed name.
 */
function possiblyListed(entries: readonly Designation[]): (name: string) => boolean {
  const crude = (word: string) => {
    const w = word.replace(/^woo$/, 'u').replace(/kh/g, 'h').replace(/[yj]/g, 'i').replace(/(.)\1+/g, '$1').replace(/(?:ei|ii|i)$/, 'i');
    const korean: Record<string, string> = { lee: 'ri', li: 'ri', yi: 'ri', i: 'ri', park: 'pak', bak: 'pak', choi: 'choe', jung: 'chong', jeong: 'chong', jong: 'chong' };
    return korean[w] ?? w.replace(/[aeiou]/g, '');
  };
  const listedNames = entries.flatMap((e) => [e.name.en, ...e.aliases.en].filter((n): n is string => !!n).map((n) => new Set(words(n).map(crude))));
  const byWord = new Map<string, Array<Set<string>>>();
  for (const name of listedNames) for (const w of name) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(name);
  return (name) => {
    const own = words(name).map(crude).filter((w) => w.length > 0);
    if (own.length === 0 || !/[a-z]/.test(name.toLowerCase())) return false;
    return (byWord.get(own[0]!) ?? []).some((listedName) => own.every((w) => listedName.has(w)));
  };
}
