import { foldName } from './normalize';

/**
 * Countries as the list and a customer file write them, folded to one ISO 3166 alpha-2 code, so that `RU`,
 * `Russia`, `Russian Federation`, `ロシア` and `ロシア連邦` confirm one another. The names are those that occur
 * in the list's 国籍 and address cells (shared/mof/xlsx-countries.ts) plus the usual English short forms.
 */
const COUNTRIES: ReadonlyArray<readonly [string, string, ...string[]]> = [
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
  ['LY', 'LBY', 'Libya', 'リビア'],
  ['SA', 'SAU', 'Saudi Arabia', 'サウジアラビア', 'サウディ・アラビア'],
  ['RW', 'RWA', 'Rwanda', 'ルワンダ', 'ルワンダ共和国'],
  ['EG', 'EGY', 'Egypt', 'エジプト'],
  ['JO', 'JOR', 'Jordan', 'ヨルダン'],
  ['GB', 'GBR', 'United Kingdom', 'UK', 'Great Britain', '英国', 'イギリス'],
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
  ['IR', 'IRN', 'Iran', 'イラン'],
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

const BY_NAME = new Map<string, string>();
for (const [alpha2, alpha3, ...names] of COUNTRIES) {
  for (const name of [alpha2, alpha3, ...names]) BY_NAME.set(foldName(name), alpha2);
}

/** The alpha-2 code of a country name or code, or null when the name is not one this table knows. */
export function countryCode(text: string): string | null {
  return BY_NAME.get(foldName(text)) ?? null;
}
