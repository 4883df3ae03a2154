/**
 * Legal forms as symbols, the way OpenSanctions' org-type table treats them: every spelling of one form, in any
 * language or abbreviation, is one symbol wherever it stands in the name, so that OOO meets LLC and 有限会社,
 * "Limited Liability Company" is one form rather than three words, and ㈱ is 株式会社. Pure.
 */

/** Each line a family: its symbol, then its spellings as folded tokens (Latin, katakana, kanji). */
const FAMILIES: readonly string[] = [
  'LLC llc ooo tov too taa gmbh sro sarl srl 有限会社 有限責任会社 合同会社 エルエルシー オーオーオー',
  'JSC jsc ao oao zao pao aat zat pjsc ojsc cjsc ag kk plc nao 株式会社 公開株式会社 非公開株式会社 公共株式会社 ジェイエスシー ピージェイエスシー',
  'LTD ltd limited pte pvt リミテッド',
  // A private military company (частная военная компания, ЧВК) is a firm of its own kind, not a legal form, but is
  // named like one: ЧВК «Вагнер» is Private Military Company (PMC) Wagner.
  'PMC pmc chvk',
  'CO co company corp corporation inc incorporated カンパニー コーポレーション インク',
];

const SYMBOL_OF = new Map<string, string>();
for (const line of FAMILIES) {
  const [symbol, ...spellings] = line.split(' ');
  for (const spelling of spellings) SYMBOL_OF.set(spelling, symbol!);
}

export function legalFormSymbol(token: string): string | null {
  return SYMBOL_OF.get(token) ?? null;
}

/**
 * Legal forms written in several words, replaced by one token of their family before a name is split (on folded
 * text, Cyrillic already read in Latin letters): longest first, so that a public joint stock company is one PJSC.
 */
export const LEGAL_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bprivate military company\b|\bchastnaia voennaia kompaniia\b/g, 'pmc'],
  [/\bobshchestvo s ogranichennoi otvetstvennost(?:iu|yu|ju|u)\b/g, 'ooo'],
  [/\btovarystvo z obmezhenoiu vidpovidalnistiu\b/g, 'tov'],
  [/\blimited liability (?:company|partnership)\b/g, 'llc'],
  [/\b(?:public|open) joint stock company\b/g, 'pjsc'],
  [/\b(?:closed|non public) joint stock company\b/g, 'cjsc'],
  [/\bjoint stock company\b/g, 'jsc'],
  [/\b(?:publichnoe |otkrytoe |zakrytoe )?aktsionernoe obshchestvo\b/g, 'ao'],
  [/\bkabushiki (?:kaisha|gaisha)\b/g, 'kk'],
  [/\bcompany limited\b|\bco ltd\b/g, 'ltd'],
];

/** ㈱ and (株) (NFKC turns the first into the second) are 株式会社; ㈲ and (有) are 有限会社. Run before folding. */
export function expandJapaneseLegalMarks(text: string): string {
  return text.replace(/㈱|[(（]株[)）]/g, '株式会社').replace(/㈲|[(（]有[)）]/g, '有限会社');
}
