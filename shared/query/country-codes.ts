import { comparableText } from '../domain/normalize';

/**
 * ISO 3166-1 alpha-2 codes (lower case, as FollowTheMoney writes countries) for the country names MOF uses, in
 * English or Japanese. The names come from the runtime's own CLDR data; the aliases cover MOF's official long forms.
 */

const ALIASES: Record<string, string> = {
  'russian federation': 'ru', ロシア連邦: 'ru', 'syrian arab republic': 'sy', シリアアラブ共和国: 'sy',
  'united states of america': 'us', 米国: 'us', アメリカ合衆国: 'us', 英国: 'gb', 'democratic republic of the congo': 'cd',
  'the netherlands': 'nl', 'union of the comoros': 'km', 'union of comoros': 'km', コモロ連合: 'km',
  "democratic people's republic of korea": 'kp', 朝鮮民主主義人民共和国: 'kp', 'republic of korea': 'kr', サウディアラビア: 'sa',
  クウェイト: 'kw', グルジア: 'ge', 'iran (islamic republic of)': 'ir',
};

let byName: Map<string, string> | undefined;

function table(): Map<string, string> {
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const locale of ['en', 'ja']) {
    const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    for (const a of letters) {
      for (const b of letters) {
        // Retired codes (SU, DD, …) carry the names of their successors; only current codes are kept.
        const name = Intl.getCanonicalLocales(`und-${a}${b}`)[0] === `und-${a}${b}` ? names.of(a + b) : undefined;
        if (name) map.set(comparableText(name), (a + b).toLowerCase());
      }
    }
  }
  for (const [name, code] of Object.entries(ALIASES)) map.set(comparableText(name), code);
  return map;
}

export function countryCode(name: string | null): string | undefined {
  if (!name) return undefined;
  byName ??= table();
  const key = comparableText(name);
  return byName.get(key) ?? byName.get(key.replace(/(共和国|国)$/u, ''));
}
