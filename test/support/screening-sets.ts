import { toRomaji } from 'wanakana';
import type { Designation } from '../../shared/domain/designation';
import { foldName, tokenizeName } from '../../shared/screening/normalize';

/**
 * The labelled sets screening quality is measured on (test/unit/screening/quality.test.ts and bench/screening.ts).
 *
 * Listed: variants of real names from the 2026-03-05 workbook, made the way a customer record differs from the
 * list: token order, a transliteration the list does not use, a keying error, a katakana rendering the list does
 * not use, and the katakana name written in romaji. A variant that is literally one of the list's names (after
 * width, case and punctuation folding) is dropped: it would measure nothing. Expected: every entry that carries
 * the varied name (the same person can be listed under several regimes).
 *
 * Unlisted: common Japanese and Western person and company names, none of them on the list.
 */

export type VariantKind = 'order' | 'spelling' | 'typo' | 'katakana' | 'romaji' | 'hand' | 'bare';

export interface LabelledQuery {
  query: string;
  kind: VariantKind;
  /** The name it was made from. */
  from: string;
  expected: string[];
}

/** Latin respellings, the first that applies: what other romanization systems and other lists write. */
const SPELLINGS: Array<[RegExp, string]> = [
  [/kh/i, 'h'],
  [/ks/i, 'x'],
  [/ov\b/i, 'off'],
  [/ey\b/i, 'ei'],
  [/ii\b/i, 'y'],
  [/iy\b/i, 'y'],
  [/yu/i, 'iu'],
  [/ya/i, 'ia'],
  [/ou/i, 'u'],
  [/ph/i, 'f'],
  [/([bcdfgklmnprst])\1/i, '$1'],
  [/([aeiou])([lnrst])([aeiou])/i, '$1$2$2$3'],
  [/y/i, 'i'],
];

/** Katakana renderings that differ from the list's, the first two that apply. */
const KATAKANA: Array<[RegExp, string]> = [
  [/ヴィ/, 'ビ'],
  [/ヴァ/, 'バ'],
  [/ヴ/, 'ブ'],
  [/([ァ-ヶ])ー/, '$1'],
  [/ッ/, ''],
  [/ン([バビブベボパピプペポマミムメモ])/, 'ム$1'],
  [/ィ/, 'イ'],
  [/ェ/, 'エ'],
  [/ュ/, 'ユ'],
  [/([イキシチニヒミリ])([ア-ン])$/, '$1ー$2'],
];

const latinWords = (name: string) => /^[A-Za-z][A-Za-z .,'’\-()]*$/.test(name) && name.trim().split(/\s+/).length >= 2;
const pureKatakana = (name: string) => /^[\u30a1-\u30fc・ 　]+$/.test(name) && name.replace(/[・ 　]/g, '').length >= 4;

export function listedVariants(entries: readonly Designation[], every = 7): LabelledQuery[] {
  const byFolded = new Map<string, Set<string>>();
  const literal = new Set<string>();
  for (const entry of entries) {
    for (const name of namesOf(entry)) {
      const folded = foldName(name);
      literal.add(folded);
      const tokens = folded.split(' ').sort().join(' ');
      if (!byFolded.has(tokens)) byFolded.set(tokens, new Set());
      byFolded.get(tokens)!.add(entry.key);
    }
  }
  const expectedFor = (name: string) => [...(byFolded.get(foldName(name).split(' ').sort().join(' ')) ?? [])];

  const queries: LabelledQuery[] = [];
  const add = (query: string | null, kind: VariantKind, from: string) => {
    if (!query || literal.has(foldName(query)) && kind !== 'order') return;
    queries.push({ query, kind, from, expected: expectedFor(from) });
  };
  entries.forEach((entry, i) => {
    if (i % every !== 0) return;
    const en = entry.name.en;
    const ja = entry.name.ja;
    if (en && latinWords(en)) {
      const words = en.trim().split(/\s+/);
      add(words.slice().reverse().join(' '), 'order', en);
      add(respell(en), 'spelling', en);
      add(typo(en), 'typo', en);
    }
    if (ja && pureKatakana(ja)) {
      add(rekana(ja), 'katakana', ja);
      add(hepburn(ja), 'romaji', ja);
    }
  });
  return [...queries, ...HAND.map((h) => ({ ...h, kind: 'hand' as const, from: h.query }))];
}

/**
 * Company names as a customer record often holds them, without their legal form: every name and alias of a listed
 * entity that carries one (JSC Compel → compel, 株式会社コンペル → コンペル). They must survive the entity-type
 * signal, which weakens a candidate whose organisation name the query writes without any such word.
 */
export function bareCompanyNames(entries: readonly Designation[]): LabelledQuery[] {
  // The same company is often listed under several regimes: each of them is a right answer.
  const holders = new Map<string, { from: string; expected: string[] }>();
  for (const entry of entries) {
    if (entry.entityType !== 'entity') continue;
    for (const name of [entry.name.ja, entry.name.en, ...entry.aliases.ja, ...entry.aliases.en]) {
      const tokens = name ? tokenizeName(name) : [];
      if (!tokens.some((t) => t.kind === 'legal') || !tokens.some((t) => t.kind === 'word')) continue;
      const bare = tokens.filter((t) => t.kind !== 'legal').map((t) => t.text).join(' ');
      const known = holders.get(bare);
      if (known) known.expected.push(entry.key);
      else holders.set(bare, { from: name!, expected: [entry.key] });
    }
  }
  return [...holders].map(([query, { from, expected }]) => ({ query, kind: 'bare', from, expected }));
}

function respell(name: string): string | null {
  for (const [pattern, replacement] of SPELLINGS) if (pattern.test(name)) return name.replace(pattern, replacement);
  return null;
}

/** One keying error in the longest word: two letters swapped in its middle. */
function typo(name: string): string | null {
  const words = name.split(/\s+/);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length < 6) return null;
  const at = Math.floor(longest.length / 2);
  const swapped = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
  return words.map((w) => (w === longest ? swapped : w)).join(' ');
}

function rekana(name: string): string | null {
  let out = name;
  let applied = 0;
  for (const [pattern, replacement] of KATAKANA) {
    if (applied === 2) break;
    if (pattern.test(out)) {
      out = out.replace(pattern, replacement);
      applied++;
    }
  }
  return applied ? out.replace(/・/g, ' ') : null;
}

/**
 * The katakana name as a Japanese bank's romaji field would hold it: modified Hepburn (wanakana for the
 * syllabary, the loan-word digraphs as Hepburn writes them), long vowels unmarked.
 */
const LOANWORD_HEPBURN: Record<string, string> = {
  ティ: 'ti', ディ: 'di', トゥ: 'tu', ドゥ: 'du', ファ: 'fa', フィ: 'fi', フェ: 'fe', フォ: 'fo', ウィ: 'wi', ウェ: 'we',
  ウォ: 'wo', ヴァ: 'va', ヴィ: 'vi', ヴェ: 've', ヴォ: 'vo', ヴ: 'vu', シェ: 'she', ジェ: 'je', チェ: 'che', イェ: 'ye',
};

function hepburn(katakana: string): string {
  const digraphs = katakana.replace(/ー/g, '').replace(/・/g, ' ').replace(/ヴ[ァィェォ]|[テデ]ィ|[トド]ゥ|フ[ァィェォ]|ウ[ィェォ]|[シジチ]ェ|イェ|ヴ/g, (m) => LOANWORD_HEPBURN[m] ?? m);
  return toRomaji(digraphs).replace(/'/g, '');
}

function namesOf(entry: Designation): string[] {
  return [entry.name.ja, entry.name.en, ...entry.aliases.ja, ...entry.aliases.en, ...entry.formerNames.ja, ...entry.formerNames.en, ...entry.weakAliases.ja, ...entry.weakAliases.en].filter(
    (n): n is string => !!n,
  );
}

/** By hand, from real entries: spellings other sources use (TASS, German, French, Hepburn katakana). */
const HAND: Array<{ query: string; expected: string[] }> = [
  { query: 'Wladimir Micheitschik', expected: ['029-000729'] },
  { query: 'Vladimir Mikheichyk', expected: ['029-000729'] },
  { query: 'ミヘイチク ウラジミル', expected: ['029-000729'] },
  { query: 'Sergey Lisovskiy', expected: ['029-000301'] },
  { query: 'Tatjana Moskalkowa', expected: ['029-000705'] },
  { query: 'タチアナ・モスカルコワ', expected: ['029-000705'] },
  { query: 'Rashid Nurgaleyev', expected: ['029-000501'] },
  { query: 'Natalya Poklonskaja', expected: ['026-000016'] },
  { query: 'ナタリア・ポクロンスカヤ', expected: ['026-000016'] },
  { query: 'Intellect LLC', expected: ['016-000072'] },
  { query: 'インテレクト有限会社', expected: ['016-000072'] },
  { query: 'Jin Song Joint-Bank', expected: ['016-000035'] },
  { query: 'Slobodan Milosevich', expected: ['001-000001'] },
  { query: 'ミロシェビッチ スロボダン', expected: ['001-000001'] },
  { query: 'Vladimir Vladimirovich Poutine', expected: ['029-000001'] },
  { query: 'プーチン ウラジーミル', expected: ['029-000001'] },
  { query: 'Federalnoye Kazennoye Predpriyatiye Avangard', expected: ['028-000367'] },
  { query: 'FGUP Avangard', expected: ['028-000367'] },
  { query: 'Renell Destinat', expected: ['042-000003'] },
];

/** Common names in Japan and the West, of people and companies, that are not on the list. */
export const UNLISTED: readonly string[] = [
  // Japanese people, in kanji, katakana (as banks keep カナ氏名) and romaji, family name first and last.
  '佐藤 太郎', '鈴木 一郎', '高橋 花子', '田中 健', '伊藤 美咲', '渡辺 大輔', '山本 翔太', '中村 陽子', '小林 誠', '加藤 直樹',
  'サトウ タロウ', 'スズキ イチロウ', 'タカハシ ハナコ', 'タナカ ケン', 'イトウ ミサキ', 'ワタナベ ダイスケ', 'ヤマモト ショウタ',
  'ナカムラ ヨウコ', 'コバヤシ マコト', 'カトウ ナオキ', 'ヨシダ ユウキ', 'ヤマダ ハルト', 'ササキ リン', 'ヤマグチ ソウタ',
  'マツモト アオイ', 'イノウエ レン', 'キムラ ユイ', 'ハヤシ ヒナタ', 'シミズ ミオ', 'ヤマザキ タクミ', 'モリ サクラ',
  'Taro Sato', 'Ichiro Suzuki', 'Hanako Takahashi', 'Ken Tanaka', 'Misaki Ito', 'Daisuke Watanabe', 'Shota Yamamoto',
  'Yoko Nakamura', 'Makoto Kobayashi', 'Naoki Kato', 'Yuki Yoshida', 'Haruto Yamada', 'Rin Sasaki', 'Sota Yamaguchi',
  'Aoi Matsumoto', 'Ren Inoue', 'Yui Kimura', 'Hinata Hayashi', 'Mio Shimizu', 'Takumi Yamazaki', 'Sakura Mori',
  'Yamada Hanako', 'Suzuki Kenji', 'Nakamura Hiroshi', 'Kobayashi Akira', 'Takahashi Yumi', 'Ishikawa Kazuya',
  'Ogawa Mai', 'Fujita Shun', 'Okada Noriko', 'Goto Takeshi', 'Hasegawa Emi', 'Murakami Haruki', 'Kondo Satoshi',
  // Japanese companies.
  'トヨタ自動車株式会社', 'Toyota Motor Corporation', 'ソニーグループ株式会社', 'Sony Group Corporation',
  '株式会社三菱UFJ銀行', 'MUFG Bank, Ltd.', '三井物産株式会社', 'Mitsui & Co., Ltd.', 'パナソニック ホールディングス株式会社',
  'Panasonic Holdings Corporation', '株式会社日立製作所', 'Hitachi, Ltd.', '任天堂株式会社', 'Nintendo Co., Ltd.',
  '楽天グループ株式会社', 'Rakuten Group, Inc.', '株式会社ファーストリテイリング', 'Fast Retailing Co., Ltd.',
  '本田技研工業株式会社', 'Honda Motor Co., Ltd.', '株式会社みずほ銀行', 'Mizuho Bank, Ltd.', 'ソフトバンク株式会社',
  'SoftBank Corp.', '日本郵船株式会社', 'Nippon Yusen Kabushiki Kaisha', '伊藤忠商事株式会社', 'Itochu Corporation',
  '丸紅株式会社', 'Marubeni Corporation', '住友商事株式会社', 'Sumitomo Corporation', 'キヤノン株式会社', 'Canon Inc.',
  '有限会社山田商店', 'ヤマダ ショウテン', '株式会社セブン－イレブン・ジャパン', 'Seven-Eleven Japan Co., Ltd.',
  'ユニクロ', 'ニトリ ホールディングス', 'コナミ グループ', 'カシオ計算機株式会社', 'Casio Computer Co., Ltd.',
  // Western people.
  'John Smith', 'Mary Johnson', 'Michael Williams', 'Jennifer Brown', 'David Jones', 'Sarah Miller', 'James Davis',
  'Patricia Wilson', 'Robert Taylor', 'Linda Anderson', 'William Thomas', 'Elizabeth Moore', 'Richard Jackson',
  'Barbara White', 'Joseph Harris', 'Susan Martin', 'Thomas Thompson', 'Jessica Clark', 'Charles Lewis', 'Karen Walker',
  'Daniel Hall', 'Nancy Allen', 'Matthew Young', 'Lisa King', 'Anthony Wright', 'Betty Scott', 'Mark Green',
  'Sandra Baker', 'Paul Adams', 'Emily Nelson', 'Thomas Müller', 'Anna Schmidt', 'Hans Schneider', 'Sophie Fischer',
  'Pierre Dubois', 'Marie Laurent', 'Jean Martin', 'Camille Bernard', 'Giuseppe Rossi', 'Francesca Russo',
  'Carlos García', 'Lucía Fernández', 'José Rodríguez', 'Ana Martínez', 'Jan de Vries', 'Emma Jansen',
  'Lars Johansson', 'Ingrid Andersson', 'Oliver Brown', 'Charlotte Evans', 'Jack Wilson', 'Amelia Roberts',
  'ジョン・スミス', 'メアリー・ジョンソン', 'マイケル・ウィリアムズ', 'デビッド・ジョーンズ', 'トーマス・ミュラー',
  'アンナ・シュミット', 'ピエール・デュボワ', 'カルロス・ガルシア', 'エマ・ヤンセン', 'オリバー・ブラウン',
  // Western companies.
  'Apple Inc.', 'Microsoft Corporation', 'Amazon.com, Inc.', 'Alphabet Inc.', 'Deutsche Bank AG', 'Siemens AG',
  'BNP Paribas SA', 'HSBC Holdings plc', 'Barclays PLC', 'Nestlé S.A.', 'Unilever PLC', 'Volkswagen AG',
  'Goldman Sachs Group, Inc.', 'JPMorgan Chase & Co.', 'Citibank N.A.', 'Wells Fargo & Company', 'Maersk Line',
  'Mediterranean Shipping Company S.A.', 'Hapag-Lloyd AG', 'Shell plc', 'BP p.l.c.', 'TotalEnergies SE',
  'Procter & Gamble Co.', 'Coca-Cola Company', 'PepsiCo, Inc.', 'IBM Corporation', 'Oracle Corporation',
  'Accenture plc', 'Ernst & Young LLP', 'KPMG LLP', 'Deloitte Touche Tohmatsu Limited', 'PricewaterhouseCoopers LLP',
  'アップル インク', 'マイクロソフト コーポレーション', 'ドイツ銀行', 'シーメンス', 'ネスレ', 'ゴールドマン・サックス',
];
