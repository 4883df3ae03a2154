import { foldLetters } from '../domain/normalize';

/**
 * The words of Russian company names as the list's English names translate them (Объединённая судостроительная
 * корпорация is United Shipbuilding Corporation, Госкорпорация is State Corporation): a name written in Russian meets
 * the list's English through this reading as well as through transliteration (Rostekh, Kontsern). Stems, since Russian
 * inflects them (объединённая, объединённой, объединённое); a stem meets a word that adds at most an ending.
 * From the words the 2026-03-05 list's English entity names use. Pure.
 */
const WORDS: ReadonlyArray<readonly [stem: string, english: string]> = (
  [
  ['госкорпораци', 'state corporation'], ['корпораци', 'corporation'], ['государствен', 'state'], ['объединен', 'united'],
  ['судостроительн', 'shipbuilding'], ['судоремонтн', 'ship repair'], ['тактическ', 'tactical'], ['ракетн', 'missiles'],
  ['вооружени', 'weapons'], ['радиотехническ', 'radiotechnical'], ['институт', 'institute'], ['академик', 'academician'],
  ['академи', 'academy'], ['агентств', 'agency'], ['интернет', 'internet'], ['исследовательск', 'research'],
  ['исследовани', 'research'], ['научн', 'scientific'], ['концерн', 'concern'], ['банк', 'bank'], ['завод', 'plant'],
  ['комбинат', 'plant'], ['центр', 'center'], ['конструкторск', 'design'], ['бюро', 'bureau'], ['производствен', 'production'],
  ['объединени', 'association'], ['компани', 'company'], ['холдинг', 'holding'], ['групп', 'group'], ['морск', 'marine'],
  ['авиацион', 'aviation'], ['космическ', 'space'], ['оборон', 'defence'], ['промышлен', 'industrial'], ['торгов', 'trading'],
  ['торговл', 'trade'], ['фонд', 'foundation'], ['инженерн', 'engineering'], ['технологи', 'technologies'], ['систем', 'systems'],
  ['электрон', 'electronics'], ['приборостроительн', 'instrument making'], ['машиностроительн', 'machine building'],
  ['федеральн', 'federal'], ['унитарн', 'unitary'], ['предприяти', 'enterprise'], ['университет', 'university'],
  ['верф', 'shipyard'], ['нефтян', 'oil'], ['энергетическ', 'energy'], ['транспорт', 'transport'], ['военн', 'military'],
  ['частн', 'private'], ['международн', 'international'], ['министерств', 'ministry'], ['служб', 'service'],
  ['безопасност', 'security'], ['разведк', 'intelligence'], ['главн', 'main'], ['управлени', 'directorate'],
  ['информацион', 'information'], ['коммерческ', 'commercial'], ['кредитн', 'credit'], ['инвестицион', 'investment'],
  ['финансов', 'financial'], ['развити', 'development'], ['внешн', 'foreign'], ['экономическ', 'economic'],
  ['авиастроительн', 'aircraft'], ['вертолет', 'helicopters'], ['двигател', 'engines'], ['химическ', 'chemical'],
  // Places as the list's English names write them (Credit Bank of Moscow, Minsk Wheel Tractor Plant, Development Bank of
  // the Republic of Belarus): the adjective (Московский, Минский) and the noun read alike, since word order costs nothing.
  ['московск', 'moscow'], ['москв', 'moscow'], ['минск', 'minsk'], ['республик', 'republic'], ['беларус', 'belarus'],
  ['белорусск', 'belarus'], ['колесн', 'wheel'], ['тягач', 'tractor'], ['научно', 'research'],
  // The state's own name (Центральный банк Российской Федерации, Central Bank of the Russian Federation).
  ['центральн', 'central'], ['российск', 'russian'], ['федераци', 'federation'],
  // The occupied regions' self-proclaimed republics and the state's funds (Донецкая народная республика, Donetsk People's
  // Republic; Фонд национального благосостояния, National Wealth Fund).
  ['донецк', 'donetsk'], ['луганск', 'luhansk'], ['народн', 'peoples'], ['национальн', 'national'], ['благосостояни', 'wealth'],
  // Belarusian spellings of the same words (банк is shared): рэспублiка, беларускi, завод.
  ['рэспублік', 'republic'], ['беларуск', 'belarus'], ['развіцц', 'development'],
  ] as const satisfies ReadonlyArray<readonly [string, string]>
)
  .map(([stem, english]) => [foldLetters(stem), english] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** At most this many letters after a stem: an inflectional ending (-ая, -ого, -ией), not another word. */
const ENDING_LENGTH = 4;
const CYRILLIC_WORD = /[\u0400-\u04ff]+/g;

/**
 * Abbreviations of state bodies, company kinds and banks in Russian press and registers, as whole words: ГК (государственная корпорация,
 * Госкорпорация: ГК «Ростех», ГК «Росатом»), ФГУП's relatives are legal forms (legal-forms.ts).
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  гк: 'state corporation',
  // Научно-производственная корпорация / объединение: JSC Research and Production Corporation Uralvagonzavod.
  нпк: 'research and production corporation',
  нпо: 'research and production association',
  // Акционерный (коммерческий) банк, a joint-stock (commercial) bank: АБ «Россия» is Bank Rossiya.
  аб: 'bank', акб: 'bank', кб: 'bank',
  // Russia's name in the genitive, of Russia (Банк России is the Bank of Russia, the central bank); Россия itself stays a
  // name (Банк «Россия» is Bank Rossiya).
  россии: 'of russia',
};

/** A folded name with the Russian words the table knows in English; null when it knows none of them. */
export function translateRussianWords(folded: string): string | null {
  let known = false;
  const text = folded.replace(CYRILLIC_WORD, (word) => {
    const abbreviation = ABBREVIATIONS[word];
    if (abbreviation) {
      known = true;
      return abbreviation;
    }
    const entry = WORDS.find(([stem]) => word.startsWith(stem) && word.length - stem.length <= ENDING_LENGTH);
    if (!entry) return word;
    known = true;
    return entry[1];
  });
  return known ? text : null;
}
