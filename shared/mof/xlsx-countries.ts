/**
 * Country names as MOF spells them in the 2026 workbook's 国籍 and address cells, in Japanese and English. The XLSX
 * has no marker that says "this is a country", so the reader needs the names: to take the country off a Japanese
 * address (`北朝鮮平壌特別市`, country first, no separator), to read a one-word English address (`Pakistan`), and to
 * tell a bracketed country after a name (`ウレマ援助組織（パキスタン）`, a branch) from a bracketed alias.
 */
const JAPANESE = [
  'アフガニスタン', '北朝鮮', 'イラク', 'チュニジア', 'コンゴ民主共和国', 'コンゴ共和国', 'インドネシア', 'パキスタン',
  'アルジェリア', 'イエメン', 'フィリピン', 'ソマリア', 'パレスチナ', 'リビア', 'サウジアラビア', 'サウディ・アラビア',
  'ルワンダ共和国', 'ルワンダ', 'エジプト', 'ヨルダン', '英国', 'イギリス', 'モロッコ', 'ロシア連邦', 'ロシア',
  '中央アフリカ共和国', 'ハイチ共和国', 'ハイチ', 'クウェート', 'クウェイト', 'フランス', 'ウガンダ共和国', 'ウガンダ',
  'レバノン', 'ドイツ', 'マリ', '南スーダン共和国', '南スーダン', 'カタール', 'シリア・アラブ共和国', 'シリア',
  'スーダン共和国', 'スーダン', '中華人民共和国', '中国', 'モーリタニア', 'アメリカ合衆国', '米国', 'マレーシア', 'トルコ',
  'イラン', 'エリトリア国', 'エリトリア', 'チャド共和国', 'チャド', 'タンザニア共和国', 'タンザニア', 'インド',
  'ウズベキスタン', 'ナイジェリア', 'ノルウェー', 'セネガル', 'グルジア', 'ジョージア', 'タジキスタン',
  'ボスニア・ヘルツェゴビナ', 'トリニダード・トバゴ共和国', 'トリニダード・トバゴ', 'スロバキア共和国', 'エチオピア',
  'アラブ首長国連邦', 'ベラルーシ共和国', 'ベラルーシ', 'ウクライナ', 'キプロス', 'スイス', 'リヒテンシュタイン',
  'ニジェール', 'イスラエル', 'コモロ連合',
];

const ENGLISH = [
  'Afghanistan', 'North Korea', 'Iraq', 'Tunisia', 'Democratic Republic of the Congo', 'Indonesia', 'Pakistan',
  'Algeria', 'Yemen', 'Philippines', 'Somalia', 'Libya', 'Saudi Arabia', 'Rwanda', 'Egypt', 'Jordan', 'United Kingdom',
  'Morocco', 'Russia', 'Russian Federation', 'Central African Republic', 'Haiti', 'Kuwait', 'France', 'Uganda',
  'Lebanon', 'Germany', 'Mali', 'South Sudan', 'Qatar', 'Syria', 'Syrian Arab Republic', 'Sudan', 'China',
  'Mauritania', 'United States of America', 'Malaysia', 'Turkey', 'Iran', 'Eritrea', 'Chad', 'Tanzania', 'India',
  'Uzbekistan', 'Nigeria', 'Norway', 'Senegal', 'Georgia', 'Tajikistan', 'Bosnia and Herzegovina',
  'Trinidad and Tobago', 'Slovakia', 'Ethiopia', 'United Arab Emirates', 'Belarus', 'Ukraine', 'Cyprus',
  'Switzerland', 'Liechtenstein', 'Niger', 'Israel', 'Kenya', 'Union of the Comoros', 'Union of Comoros',
  'Marshall Islands', 'Seychelles', 'Italy', 'Belgium', 'Albania', 'Bangladesh', 'The Netherlands',
];

const BY_LENGTH = [...JAPANESE].sort((a, b) => b.length - a.length);
const ENGLISH_KEYS = new Set(ENGLISH.map((name) => name.toLowerCase()));

/** The Japanese country name a text starts with, the longest that fits (`南スーダン共和国…` before `南スーダン`). */
export function japaneseCountryPrefix(text: string): string | undefined {
  return BY_LENGTH.find((name) => text.startsWith(name));
}

export function isCountryName(text: string): boolean {
  const value = text.trim();
  return JAPANESE.includes(value) || ENGLISH_KEYS.has(value.toLowerCase());
}
