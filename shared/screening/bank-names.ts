import { countryCode } from '../domain/countries';

/**
 * A bank's name as customer files and the press shorten it, also read as the list writes it: a central bank by the
 * name it goes by (Bank of Russia is the Central Bank of the Russian Federation, as the Bank of England is England's),
 * and a Russian bank by the abbreviation of its kind before its name (AB Rossiya, AKB Novikombank: акционерный
 * (коммерческий) банк, a joint-stock (commercial) bank). Folded Latin text in, further readings out. Pure.
 */
export function bankReadings(folded: string): string[] {
  const country = /^bank of (?:the )?([a-z ]+)$/.exec(folded)?.[1];
  if (country !== undefined && countryCode(country) !== null) return [`central bank of ${country}`];
  const kind = /^(?:ab|akb|kb) ([a-z]{3,}(?: [a-z]+)?)$/.exec(folded)?.[1];
  return kind === undefined ? [] : [`bank ${kind}`];
}
