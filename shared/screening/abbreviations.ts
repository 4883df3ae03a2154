/**
 * Words customer files and payment messages shorten to fit a field (OCEAN MARITIME MGMT, INTL TRADING, ASSN), read as the
 * list writes them in full. Only abbreviations that stand for one word and are no word or name themselves.
 */
const ABBREVIATIONS = new Map([
  ['mgmt', 'management'], ['mgt', 'management'], ['intl', 'international'], ['natl', 'national'], ['assn', 'association'],
  ['assoc', 'association'], ['dept', 'department'], ['univ', 'university'], ['mfg', 'manufacturing'], ['svcs', 'services'],
  ['hldgs', 'holdings'], ['grp', 'group'], ['shpg', 'shipping'], ['trdg', 'trading'], ['engg', 'engineering'], ['eqpt', 'equipment'],
  ['tech', 'technology'], ['techs', 'technologies'], ['ind', 'industrial'], ['inds', 'industries'], ['bros', 'brothers'],
  ['org', 'organisation'], ['orgn', 'organisation'], ['corpn', 'corporation'], ['hk', 'hongkong'],
]);

/**
 * The words of a company's name as German and Russian in Latin letters write them (Kalaschnikow Konzern, Gruppa
 * Kompaniy), read as the list's English does: a word of its own, not a spelling of concern or group.
 */
const COMPANY_WORDS = new Map([
  ['konzern', 'concern'], ['gruppe', 'group'], ['gruppa', 'group'], ['kompaniya', 'company'], ['kompaniy', 'companies'],
  ['korporatsiya', 'corporation'], ['korporatsia', 'corporation'],
]);

/** The word a folded Latin token abbreviates, or the token itself. */
export const expandAbbreviation = (token: string): string => ABBREVIATIONS.get(token) ?? COMPANY_WORDS.get(token) ?? token;
