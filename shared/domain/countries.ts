import { foldLetters } from './normalize';

/**
 * Countries, by name or code, folded to one ISO 3166-1 alpha-2 code: the list's 国籍 and address cells for the
 * FollowTheMoney export, and a customer's country against an entry's in screening, so that `RU`, `RUS`, `Russia`,
 * `Russian Federation`, `ロシア` and `ロシア連邦` are one country wherever they are read.
 *
 * Every current country comes with its English and Japanese names from the runtime's CLDR data (Intl.DisplayNames),
 * and its alpha-2 code. The table below adds what CLDR does not write: the names in the list's cells that CLDR spells
 * otherwise (MOF's official long forms, older renderings such as グルジア and サウディ・アラビア), the usual English
 * short forms (UK, DPRK), and alpha-3 codes for these countries. The parser's own list of MOF's spellings
 * (shared/mof/xlsx-countries.ts) stays apart: it decides where a country ends inside an address and whether a
 * bracket after a name is a country or an alias, and with this wider table in its place 19 entries of the
 * 2026-03-05 workbook parse differently, some wrongly (the alias SL of Shining Path read as Sierra Leone's code,
 * 中華人民共和国香港特別行政区 taken whole as the country). Every name it knows has a code here (a test holds that).
 */
const COUNTRIES: ReadonlyArray<readonly [alpha2: string, alpha3: string, ...names: string[]]> = [
  ['AF', 'AFG', 'Afghanistan', 'アフガニスタン'],
  ['KP', 'PRK', 'North Korea', "Democratic People's Republic of Korea", 'DPRK', '北朝鮮', '朝鮮民主主義人民共和国'],
  ['IQ', 'IRQ', 'Iraq', 'イラク'],
  ['TN', 'TUN', 'Tunisia', 'チュニジア'],
  ['CD', 'COD', 'Democratic Republic of the Congo', 'DR Congo', 'コンゴ民主共和国'],
  ['CG', 'COG', 'Republic of the Congo', 'Congo', 'コンゴ共和国'],
  ['ID', 'IDN', 'Indonesia', 'インドネシア'],
  ['PK', 'PAK', 'Pakistan', 'パキスタン'],
  ['DZ', 'DZA', 'Algeria', 'アルジェリア'],
  ['YE', 'YEM', 'Yemen', 'イエメン'],
  ['PH', 'PHL', 'Philippines', 'フィリピン'],
  ['SO', 'SOM', 'Somalia', 'ソマリア'],
  ['PS', 'PSE', 'Palestine', 'パレスチナ'],
  ['LY', 'LBY', 'Libya', 'Libyan Arab Jamahiriya', 'リビア'],
  ['SA', 'SAU', 'Saudi Arabia', 'サウジアラビア', 'サウディ・アラビア'],
  ['RW', 'RWA', 'Rwanda', 'ルワンダ', 'ルワンダ共和国'],
  ['EG', 'EGY', 'Egypt', 'エジプト'],
  ['JO', 'JOR', 'Jordan', 'ヨルダン'],
  ['GB', 'GBR', 'United Kingdom', 'United Kingdom of Great Britain and Northern Ireland', 'UK', 'Great Britain', '英国', 'イギリス'],
  ['MA', 'MAR', 'Morocco', 'モロッコ'],
  ['RU', 'RUS', 'Russia', 'Russian Federation', 'ロシア', 'ロシア連邦'],
  ['CF', 'CAF', 'Central African Republic', '中央アフリカ共和国', '中央アフリカ'],
  ['HT', 'HTI', 'Haiti', 'ハイチ', 'ハイチ共和国'],
  ['KW', 'KWT', 'Kuwait', 'クウェート', 'クウェイト'],
  ['FR', 'FRA', 'France', 'フランス'],
  ['UG', 'UGA', 'Uganda', 'ウガンダ', 'ウガンダ共和国'],
  ['LB', 'LBN', 'Lebanon', 'レバノン'],
  ['DE', 'DEU', 'Germany', 'ドイツ'],
  ['ML', 'MLI', 'Mali', 'マリ'],
  ['SS', 'SSD', 'South Sudan', '南スーダン', '南スーダン共和国'],
  ['QA', 'QAT', 'Qatar', 'カタール'],
  ['SY', 'SYR', 'Syria', 'Syrian Arab Republic', 'シリア', 'シリア・アラブ共和国'],
  ['SD', 'SDN', 'Sudan', 'スーダン', 'スーダン共和国'],
  ['CN', 'CHN', 'China', "People's Republic of China", '中国', '中華人民共和国'],
  ['MR', 'MRT', 'Mauritania', 'モーリタニア'],
  ['US', 'USA', 'United States', 'United States of America', '米国', 'アメリカ', 'アメリカ合衆国'],
  ['MY', 'MYS', 'Malaysia', 'マレーシア'],
  ['TR', 'TUR', 'Turkey', 'Türkiye', 'トルコ'],
  ['IR', 'IRN', 'Iran', 'Iran (Islamic Republic of)', 'イラン'],
  ['ER', 'ERI', 'Eritrea', 'エリトリア', 'エリトリア国'],
  ['TD', 'TCD', 'Chad', 'チャド', 'チャド共和国'],
  ['TZ', 'TZA', 'Tanzania', 'タンザニア', 'タンザニア共和国'],
  ['IN', 'IND', 'India', 'インド'],
  ['UZ', 'UZB', 'Uzbekistan', 'ウズベキスタン'],
  ['NG', 'NGA', 'Nigeria', 'ナイジェリア'],
  ['NO', 'NOR', 'Norway', 'ノルウェー'],
  ['SN', 'SEN', 'Senegal', 'セネガル'],
  ['GE', 'GEO', 'Georgia', 'グルジア', 'ジョージア'],
  ['TJ', 'TJK', 'Tajikistan', 'タジキスタン'],
  ['BA', 'BIH', 'Bosnia and Herzegovina', 'ボスニア・ヘルツェゴビナ'],
  ['TT', 'TTO', 'Trinidad and Tobago', 'トリニダード・トバゴ', 'トリニダード・トバゴ共和国'],
  ['SK', 'SVK', 'Slovakia', 'スロバキア', 'スロバキア共和国'],
  ['ET', 'ETH', 'Ethiopia', 'エチオピア'],
  ['AE', 'ARE', 'United Arab Emirates', 'UAE', 'アラブ首長国連邦'],
  ['BY', 'BLR', 'Belarus', 'ベラルーシ', 'ベラルーシ共和国'],
  ['UA', 'UKR', 'Ukraine', 'ウクライナ'],
  ['CY', 'CYP', 'Cyprus', 'キプロス'],
  ['CH', 'CHE', 'Switzerland', 'スイス'],
  ['LI', 'LIE', 'Liechtenstein', 'リヒテンシュタイン'],
  ['NE', 'NER', 'Niger', 'ニジェール'],
  ['IL', 'ISR', 'Israel', 'イスラエル'],
  ['KE', 'KEN', 'Kenya', 'ケニア'],
  ['KM', 'COM', 'Comoros', 'Union of the Comoros', 'Union of Comoros', 'コモロ', 'コモロ連合'],
  ['MH', 'MHL', 'Marshall Islands', 'マーシャル諸島'],
  ['SC', 'SYC', 'Seychelles', 'セーシェル'],
  ['IT', 'ITA', 'Italy', 'イタリア'],
  ['BE', 'BEL', 'Belgium', 'ベルギー'],
  ['AL', 'ALB', 'Albania', 'アルバニア'],
  ['BD', 'BGD', 'Bangladesh', 'バングラデシュ'],
  ['NL', 'NLD', 'Netherlands', 'The Netherlands', 'オランダ'],
  ['JP', 'JPN', 'Japan', '日本'],
  ['KR', 'KOR', 'South Korea', 'Republic of Korea', '韓国', '大韓民国'],
];

/**
 * The form names are compared in: letters folded (width, case, diacritics, kana), `&` as `and`, and
 * nothing but letters and digits (`Bosnia & Herzegovina`, `ボスニア・ヘルツェゴビナ`, `Cote d'Ivoire`).
 */
export function countryKey(text: string): string {
  return foldLetters(text).replace(/&/g, 'and').replace(/[^\p{L}\p{N}]/gu, '');
}

let byKey: Map<string, string> | undefined;

function table(): Map<string, string> {
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const locale of ['en', 'ja']) {
    const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        // Retired codes (SU, DD, …) carry the names of their successors; only current codes are kept.
        const name = Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}` ? names.of(code) : undefined;
        if (!name) continue;
        map.set(countryKey(name), code);
        map.set(countryKey(code), code);
      }
    }
  }
  // Set last: where CLDR's name for one country is another's spelling here, the list's reading wins.
  for (const [alpha2, alpha3, ...names] of COUNTRIES) {
    for (const name of [alpha2, alpha3, ...names]) map.set(countryKey(name), alpha2);
  }
  return map;
}

/**
 * The alpha-2 code (upper case, as ISO writes it) of a country name or code, or null for a name no table knows.
 * A Japanese name the table lacks is tried without its 共和国 or 国 (ルワンダ共和国 is ルワンダ).
 */
export function countryCode(text: string | null): string | null {
  if (!text) return null;
  byKey ??= table();
  const key = countryKey(text);
  return byKey.get(key) ?? byKey.get(key.replace(/(共和国|国)$/u, '')) ?? null;
}
