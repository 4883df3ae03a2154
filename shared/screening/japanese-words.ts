/**
 * An organisation's name as the Japanese press and banks translate it (ロシア連邦中央銀行, ベラルーシ共和国開発銀行,
 * ミンスク装輪牽引車工場, ロステック社) read into the English words the list's names use (Central Bank of the Russian
 * Federation, Development Bank of the Republic of Belarus, Minsk Wheel Tractor Plant, Rostec), as korean.ts reads
 * Hangul. Word order costs nothing in a comparison, so the words are read in place. The words are those the list's
 * own Japanese names (和名) use beside their English (test/unit/screening/sixth-pass-words.test.ts checks them on
 * the list's pairs). Pure.
 */

/** Kanji words and the list's English for them; longest first when read. */
export const JAPANESE_WORDS: Readonly<Record<string, string>> = {
  銀行: 'bank', 中央: 'central', 中銀: 'central bank', 連邦: 'federation', 共和国: 'republic', 開発: 'development',
  貯蓄: 'savings', 貯蓄銀行: 'sberbank', 対外: 'foreign', 貿易: 'trading', 工場: 'plant', 公社: 'corporation', 国営: 'state', 国営企業: 'state corporation',
  企業: 'enterprise', 運動: 'movement', 抵抗: 'resistance', 研究所: 'research institute', 研究: 'research', 商業: 'commercial',
  産業: 'industrial', 工業: 'industry', 技術: 'technology', 科学: 'science', 国際: 'international', 信用: 'credit',
  投資: 'investment', 金融: 'financial', 保険: 'insurance', 石油: 'oil', 海運: 'shipping', 造船: 'shipbuilding',
  機械: 'machinery', 航空: 'aviation', 農業: 'agricultural', 輸出: 'export', 輸入: 'import', 委員会: 'committee',
  設計局: 'design bureau', 国防: 'defence', 軍事: 'military', 国家: 'state',
  牽引車: 'tractor', 装輪: 'wheel', 総合: 'general', 会社: 'company', 総会社: 'general corporation', 合弁: 'joint venture',
  貿易会社: 'trading company', 統一: 'unitary', 協会: 'society', 通信: 'telecommunications',
  // Eighth pass: bodies the press names in its own words (イラン原子力機構, アフマト・カディロフ財団).
  原子力: 'atomic energy', 機構: 'organisation', 基金: 'foundation', 財団: 'foundation', 航空機: 'aircraft',
};
const WORD_LIST = Object.keys(JAPANESE_WORDS).sort((a, b) => b.length - a.length);
/** Places the Japanese writes in katakana, in the list's English, read only in a name that has such a word. */
const PLACES: Record<string, string> = {
  ロシア: 'russia', ベラルーシ: 'belarus', ベラルーシー: 'belarus', モスクワ: 'moscow', イラン: 'iran', シリア: 'syria',
  イスラム: 'islamic', イスラーム: 'islamic',
};
const HAN_RUN = /[\p{Script=Han}々]+/gu;
const KATAKANA = /^[\u30a1-\u30fa\u30fc]+$/;

/**
 * The name with its kanji words and places in English, or none when it holds none of the words. ロシア in an
 * organisation's name is also read as the Russian Federation, as the list's English writes a state body (Central Bank
 * of the Russian Federation) but not a company (Sberbank of Russia).
 */
export function japaneseOrganisationReadings(folded: string): string[] {
  const reading = readJapaneseOrganisation(folded);
  if (reading === null) return [];
  return /\brussia\b/.test(reading) ? [reading, reading.replace(/\brussia\b/, 'russian federation')] : [reading];
}

function readJapaneseOrganisation(folded: string): string | null {
  if (!/\p{Script=Han}/u.test(folded)) return null;
  let known = false;
  // 社 after a katakana company (ロステック社, カラシニコフ社) marks it a company: the name is the katakana.
  const text = folded.replace(/([\u30a1-\u30fa\u30fc])社(?![\p{Script=Han}])/gu, '$1').replace(HAN_RUN, (run) => {
    const out: string[] = [];
    let rest = '';
    for (let i = 0; i < run.length; ) {
      const word = WORD_LIST.find((w) => run.startsWith(w, i));
      if (word === undefined) {
        rest += run[i];
        i++;
        continue;
      }
      if (rest) out.push(rest);
      rest = '';
      out.push(JAPANESE_WORDS[word]!);
      known = true;
      i += word.length;
    }
    if (rest) out.push(rest);
    return ` ${out.join(' ')} `;
  });
  if (!known && text === folded) return null;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (KATAKANA.test(word) ? word.replace(/^(ロシア|ベラルーシー?|モスクワ|イラン|シリア|イスラーム|イスラム)/, (p) => `${PLACES[p]} `) : word))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A katakana name with what it stands for in brackets after it (ハマス（イスラム抵抗運動）, as the press introduces a group
 * by its expansion): the name alone, as a further reading; null when there is no such bracket. A kanji name with its
 * katakana reading in brackets is another form (japanese-press.ts).
 */
const EXPANDED_NAME = /^([\u30a1-\u30fa\u30fc・･]+)\s*[（(][^）)]*[\p{Script=Han}][^）)]*[）)]$/u;
export function withoutExpansion(name: string): string | null {
  const found = EXPANDED_NAME.exec(name.trim());
  return found === null ? null : found[1]!;
}
