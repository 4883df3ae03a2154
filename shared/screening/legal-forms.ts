/**
 * Legal forms as symbols, the way OpenSanctions' org-type table treats them: every spelling of one form, in any
 * language or abbreviation, is one symbol wherever it stands in the name, so that OOO meets LLC and 有限会社,
 * "Limited Liability Company" is one form rather than three words, and ㈱ is 株式会社. Pure.
 */

/**
 * Each line a family: its symbol, then its spellings as folded tokens (Latin, katakana, kanji). From the public lists
 * of business entity types (Wikipedia's "List of legal entity types by country", the ISO 20275 entity legal forms):
 * a private company with limited liability (LLC: OOO, TOV, GmbH, BV, s.r.o., Sp. z o.o., SARL, SRL, 有限会社); a
 * company with shares (JSC: AO, PAO, PJSC, ZAO, AG, SA, NV, KK, PLC, Ukrainian PAT and PrAT, 株式会社); a state or
 * municipal unitary enterprise (SUE: ФГУП, ГУП, МУП, FSUE); an autonomous non-profit organisation (ANO); a free-zone
 * company of the Emirates (FZE: FZE, FZCO, FZC, FZ-LLC); a limited partnership (LP); Ltd and Co. The Russian
 * ones arrive read in Latin letters (ООО is ooo).
 */
const FAMILIES: readonly string[] = [
  // A close corporation (CC, Namibia and South Africa) is a small company of limited liability.
  'LLC llc ooo tov too taa gmbh sro spzoo sarl srl bv cc 有限会社 有限責任会社 合同会社 エルエルシー オーオーオー',
  'JSC jsc ao oao zao pao aat zat pjsc ojsc cjsc jscb akb ag sa nv kk plc nao 株式会社 公開株式会社 非公開株式会社 公共株式会社 ジェイエスシー ピージェイエスシー',
  'LTD ltd limited pte pvt pty リミテッド 有限公司 股份有限公司 有限責任公司 有限责任公司',
  'SUE fgup gup mup fsue',
  'ANO ano',
  'FZE fze fzco fzc fzllc',
  'LP lp llp',
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
 * The transliterations of one Russian word vary (obshchestvo, obschestvo, obshestvo; ogranichennoi, ogranichennoy;
 * aktsionernoe, aktcionernoe, aktsionernoye), and so do the list's own spellings (Otvetsvennostyu).
 */
const LEGAL_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bprivate military company\b|\bchastnaia voennaia kompaniia\b/g, 'pmc'],
  [/\bob(?:shch|sch|shh|sh|s)estvo s ogranichenn[a-z]* otvets?tvennost[a-z]*\b/g, 'ooo'],
  [/\btovarystvo z obmezhenoiu vidpovidalnistiu\b/g, 'tov'],
  [/\bgesellschaft mit beschrankter haftung\b/g, 'gmbh'],
  [/\bspolka z ograniczona odpowiedzialnoscia\b|\bsp z o o\b/g, 'spzoo'],
  [/\bspol s r o\b|\bspolecnost s rucenim omezenym\b/g, 'sro'],
  [/\bsociete a responsabilite limitee\b/g, 'sarl'],
  [/\bsociedad (?:de responsabilidad )?limitada\b|\bsocieta a responsabilita limitata\b/g, 'srl'],
  [/\bbesloten vennootschap(?: met beperkte aansprakelijkheid)?\b/g, 'bv'],
  [/\bnaamloze vennootschap\b/g, 'nv'],
  [/\bsociedad anonima\b|\bsociete anonyme\b|\bsocieta per azioni\b/g, 'sa'],
  [/\baktiengesellschaft\b/g, 'ag'],
  [/\blimited liability (?:company|co|partnership)\b/g, 'llc'],
  [/\blimited partnership\b/g, 'lp'],
  [/\bpublic limited company\b/g, 'plc'],
  [/\bfree zone establishment\b/g, 'fze'],
  [/\bfree zone company\b/g, 'fzco'],
  [/\bfz llc\b/g, 'fzllc'],
  [/\b(?:federal )?state unitary enterprise\b|\bmunicipal unitary enterprise\b/g, 'fgup'],
  [/\bautonomous non (?:profit|commercial) organi[sz]ation\b|\bavtonomnaia nekommercheskaia organizatsiia\b/g, 'ano'],
  [/\b(?:public|open) joint stock (?:company|co)\b|\bpublicly traded company\b|\b(?:open|public) jsc\b/g, 'pjsc'],
  [/\b(?:closed|non public|private) joint stock (?:company|co)\b|\bclosed jsc\b/g, 'cjsc'],
  [/\bjoint stock (?:company|co)\b/g, 'jsc'],
  [/\b(?:publichnoe |otkrytoe |zakrytoe )?akt(?:s|c|ts)?ionern(?:oe|oye|oie) ob(?:shch|sch|shh|sh|s)estvo\b/g, 'ao'],
  [/\b(?:publichne |pryvatne )?aktsionerne tovarystvo\b/g, 'pjsc'],
  [/\bkabushiki (?:kaisha|gaisha)\b/g, 'kk'],
  [/\b(?:yugen|godo) (?:kaisha|gaisha)\b/g, 'llc'],
  [/\bcompany limited\b|\bco ltd\b|\bproprietary limited\b/g, 'ltd'],
  // A joint venture is a kind of company, which the list abbreviates (FIRST OIL JV CO LTD) and the press spells out.
  [/\bjv\b/g, 'joint venture'],
];

/**
 * A word every phrase above holds: a name without any (most of them) skips the phrases, which every listed name and
 * every query is read through.
 */
const PHRASE_WORDS = /compan|kompan|stock|nekommer|ob[sc]|tovar|gesell|sp(?:ol| z)|socie|vennoot|aktien|partner|zone|fz |unitary|non |jsc|akt|[gk]aisha|ltd|limited|traded|jv/;

export function replaceLegalPhrases(text: string): string {
  return PHRASE_WORDS.test(text) ? LEGAL_PHRASES.reduce((folded, [phrase, form]) => folded.replace(phrase, form), text) : text;
}

/**
 * Ukrainian ПАТ and ПрАТ (public and private joint stock company) as abbreviations: in Cyrillic only, since PAT in
 * Latin letters is a given name. Run before folding, like the Japanese marks below.
 */
export function expandCyrillicLegalMarks(text: string): string {
  return /[\u0400-\u04ff]/.test(text) ? text.replace(/(?<![\p{L}])(?:ПАТ|ПрАТ|ПРАТ)(?![\p{L}])/gu, 'ПАО') : text;
}

/** ㈱ and (株) (NFKC turns the first into the second) are 株式会社; ㈲ and (有) are 有限会社. Run before folding. */
export function expandJapaneseLegalMarks(text: string): string {
  return text.replace(/㈱|[(（]株[)）]/g, '株式会社').replace(/㈲|[(（]有[)）]/g, '有限会社');
}
