import { countryCode } from '../domain/countries';
import type { NameToken } from './normalize';

/**
 * Words a customer file adds to a listed name without naming anyone else: a person's title or rank (Mr, Dr, General)
 * and, after an organisation's name, the place or the branch the record is about (Sberbank Moscow branch, Commercial
 * Bank of Syria Damascus, Bank Sepah Tehran head office). They say where or which office, not which entity: like the
 * article or an honorific, unpaired they weigh nothing (compare-names.ts), and paired they weigh little. A bank's
 * branch is the bank itself (no legal entity of its own), so screening practice matches it as the bank.
 */

/**
 * A person's titles and ranks as folded Latin words, anywhere in a person's name (Mr Vladimir Saldo, Kim Yong Chol
 * General); not in an organisation's, where General is a word of its name (Korea Ryongaksan General Trading
 * Corporation). The list's religious honorifics (Mullah, Haji) are in normalize.ts.
 */
const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'general', 'gen', 'colonel', 'col', 'lieutenant', 'lt', 'major',
  'admiral', 'adm', 'captain', 'capt', 'brigadier', 'brig', 'marshal', 'commander', 'ayatollah', 'hojatoleslam', 'maulana', 'mawlana',
  // A generation after the name (Boris Rotenberg Jr for BORIS BORISOVICH ROTENBERG, the son): the date of birth tells them apart.
  'jr', 'junior', 'sr', 'senior',
  // Offices the press puts before a name (President Alexander Lukashenko, Prime Minister Mikhail Mishustin).
  'president', 'prime', 'minister', 'premier', 'chairman', 'governor', 'senator', 'ambassador', 'foreign', 'defence', 'defense',
  // A company's officers after a name (Igor Sechin Rosneft CEO).
  'ceo', 'cfo', 'coo', 'director', 'deputy', 'chief', 'executive',
]);

/**
 * Capitals and large cities of the countries the list's regimes concern (Russia, Belarus, Ukraine's occupied regions,
 * the DPRK, Iran, Syria, Iraq, Afghanistan, Libya, Yemen and their neighbours and trading hubs): the branches customer
 * files name. Cities that are also common family names (Kazan, Rostov, Brest) are left out: a person's surname must
 * keep its weight.
 */
const CITIES = new Set([
  'moscow', 'moskva', 'petersburg', 'peterburg', 'novosibirsk', 'yekaterinburg', 'ekaterinburg', 'chelyabinsk', 'samara',
  'krasnoyarsk', 'voronezh', 'volgograd', 'krasnodar', 'tyumen', 'izhevsk', 'barnaul', 'irkutsk', 'khabarovsk', 'vladivostok',
  'yaroslavl', 'kaliningrad', 'murmansk', 'zelenograd', 'yelabuga', 'elabuga', 'sevastopol', 'simferopol', 'donetsk', 'luhansk',
  'lugansk', 'kherson', 'melitopol', 'mariupol', 'minsk', 'gomel', 'homel', 'vitebsk', 'pyongyang', 'nampo', 'chongjin',
  'hamhung', 'sinuiju', 'tehran', 'teheran', 'isfahan', 'esfahan', 'mashhad', 'tabriz', 'shiraz', 'damascus', 'aleppo',
  'latakia', 'baghdad', 'basra', 'mosul', 'kabul', 'kandahar', 'tripoli', 'benghazi', 'sanaa', 'beirut', 'caracas', 'havana',
  'khartoum', 'bamako', 'mogadishu', 'kinshasa', 'bangui', 'harare', 'beijing', 'shanghai', 'shenzhen', 'dubai', 'sharjah',
  'istanbul', 'ankara', 'yerevan', 'tbilisi', 'baku', 'tashkent', 'almaty', 'astana', 'bishkek', 'gaza', 'ramallah', 'hongkong',
]);
/** Places of two words, or short ones, that the word list above cannot hold (Hong is a family name; HK). */
const PLACE_NAMES = /^(?:hong ?kong|hk|maca[ou]|st petersburg|saint petersburg|abu dhabi|kuala lumpur)$/;

/** Whether a folded text is only a place: a country, a listed city, Hong Kong (Bank of China (Hong Kong) says where, not who). */
export const isPlaceName = (folded: string): boolean =>
  PLACE_NAMES.test(folded) || (folded.length > 3 && countryCode(folded) !== null) || folded.split(' ').every((word) => CITIES.has(word));

/** Saint Petersburg, however abbreviated: the saint is part of the place. */
const SAINT = new Set(['st', 'saint', 'sankt', 'sanct']);
/** Which office of the organisation a record is about. */
const OFFICE_WORDS = new Set(['branch', 'filial', 'office', 'head', 'headquarters', 'hq', 'representative', 'rep']);

/** A particle's family (PARTICLE_PREFIX), one per word: Moscow pairs with Moscow, not with Minsk. */
export const ADDED_PREFIX = 'p:added:';
const ADDED_WEIGHT = 0.05;
const marked = new Map<string, NameToken>();

/**
 * The words of a name that are a place or an office after its first word (Minsk Wheeled Tractor Plant is named by its
 * city; Belinvestbank Minsk is the bank in Minsk), or a country there when the name is an organisation's (a person's
 * name may be a country's: ISRAEL). Offices only in an organisation's name or after a place (Bank Sepah Tehran head
 * office), since Head is a family name.
 */
export function markAddedWords(tokens: NameToken[]): NameToken[] {
  if (tokens.length < 2) return tokens;
  const organisation = tokens.some((t) => t.organisational);
  // The name's first word, after a legal form written before it (JSC Moscow Industrial Bank is named by Moscow).
  const first = tokens.findIndex((t) => t.kind !== 'legal');
  let place = false;
  let changed = false;
  const out = tokens.map((token, i) => {
    if (token.script !== 'latin' || token.kind === 'legal') return token;
    if (!organisation && PERSON_TITLES.has(token.text)) {
      changed = true;
      return asAdded(token);
    }
    if (i <= first) return token;
    const next = tokens[i + 1]?.text;
    // After "of" a city is the name's own (Bank of Moscow, Commercial Bank of Dubai), as a country is: not a record's place.
    const isPlace =
      (CITIES.has(token.text) && tokens[i - 1]!.text !== 'of') ||
      (SAINT.has(token.text) && (next === 'petersburg' || next === 'peterburg')) ||
      (organisation && token.text.length > 3 && countryCode(token.text) !== null && tokens[i - 1]!.text !== 'of');
    const isOffice = OFFICE_WORDS.has(token.text) && (organisation || place);
    if (!isPlace && !isOffice) return token;
    place ||= isPlace;
    changed = true;
    return asAdded(token);
  });
  return changed ? out : tokens;
}

function asAdded(token: NameToken): NameToken {
  let added = marked.get(token.text);
  if (!added) {
    added = { ...token, kind: 'generic', weight: ADDED_WEIGHT, family: `${ADDED_PREFIX}${token.text}`, coarse: null, skeleton: null };
    marked.set(token.text, added);
  }
  return added;
}
