/**
 * An independent implementation of public Cyrillic romanization standards, for measuring screening on spellings
 * the matcher was not written against. It shares no code with shared/screening: its own tables, written from the
 * standards' texts.
 *
 * - toCyrillic: MOF's Latin spelling of a Russian, Belarusian or Ukrainian name (BGN/PCGN-like: Mikheychik,
 *   Yevgeniy) read back into Russian letters, as the name would be written in a Russian passport or press.
 * - ICAO 9303 (2015, the machine-readable passport table): й i, х kh, ц ts, ю iu, я ia, ъ ie.
 * - GOST 7.79-2000 System B (Russian libraries and some documents): й j, х x, ц cz (c before e i y j), ю yu, я ya,
 *   ы y', э e', щ shh.
 * - Duden (German press): в w, ж sch, з s, х ch, ц z, ч tsch, ш sch, щ schtsch, й i, ю ju, я ja.
 */

/** Latin digraphs first: the spelling MOF uses, read back to one Cyrillic letter each. */
const LATIN_TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['kh', 'х'], ['zh', 'ж'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'], ['yo', 'ё'],
  ['ye', 'е'], ['iu', 'ю'], ['ia', 'я'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'],
  ['i', 'и'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'],
  ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['c', 'ц'], ['w', 'в'], ['x', 'кс'], ['q', 'к'], ['j', 'й'],
];
const VOWELS = 'aeiouy';

/** One Latin word (lower case) to Cyrillic; y is й after a vowel or at the end after i, ы between consonants. */
function wordToCyrillic(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; ) {
    const rest = word.slice(i);
    if (rest.startsWith('y')) {
      const before = word[i - 1];
      const after = word[i + 1];
      const pair = LATIN_TO_CYRILLIC.find(([latin]) => latin.length === 2 && rest.startsWith(latin));
      if (pair && (i === 0 || (before && VOWELS.includes(before)) || rest.startsWith('yu') || rest.startsWith('ya'))) {
        out += pair[1];
        i += 2;
        continue;
      }
      out += before && VOWELS.includes(before) && !(after && VOWELS.includes(after)) ? 'й' : i === word.length - 1 && before === 'i' ? 'й' : 'ы';
      i++;
      continue;
    }
    // Word-initial e is э in Russian names only rarely (Eduard): е is the common letter, э kept for ed-/el-/er-.
    if (i === 0 && rest[0] === 'e' && /^e[dlrm]/.test(rest)) {
      out += 'э';
      i++;
      continue;
    }
    const pair = LATIN_TO_CYRILLIC.find(([latin]) => rest.startsWith(latin));
    if (!pair) {
      out += rest[0];
      i++;
      continue;
    }
    out += pair[1];
    i += pair[0].length;
  }
  // -iy and -yy endings are -ий and -ый.
  return out.replace(/иы$/, 'ий').replace(/ыы$/, 'ый');
}

export function toCyrillic(latin: string): string {
  return latin
    .toLowerCase()
    .split(/([^a-z]+)/)
    .map((part) => (/^[a-z]+$/.test(part) ? capitalize(wordToCyrillic(part)) : part))
    .join('');
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const ICAO: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y',
  ь: '', э: 'e', ю: 'iu', я: 'ia',
};
const GOST_B: Record<string, string> = {
  ...ICAO, ё: 'yo', й: 'j', х: 'x', ц: 'cz', щ: 'shh', ъ: "''", ы: "y'", ь: "'", э: "e'", ю: 'yu', я: 'ya',
};
const DUDEN: Record<string, string> = {
  ...ICAO, в: 'w', ж: 'sch', з: 's', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ё: 'jo', ъ: '', ы: 'y',
};

export type CyrillicStandard = 'icao' | 'gost-b' | 'duden';
const TABLES: Record<CyrillicStandard, Record<string, string>> = { icao: ICAO, 'gost-b': GOST_B, duden: DUDEN };

/** Cyrillic to Latin under one standard, capitalized word by word. GOST B writes ц as c before е, и, ы, й. */
export function romanizeCyrillic(cyrillic: string, standard: CyrillicStandard): string {
  const table = TABLES[standard];
  return cyrillic
    .split(/([^\u0400-\u04ff]+)/)
    .map((part) => {
      if (!/^[\u0400-\u04ff]+$/.test(part)) return part;
      const lower = part.toLowerCase();
      const latin = [...lower]
        .map((c, i) => (standard === 'gost-b' && c === 'ц' && /[еиый]/.test(lower[i + 1] ?? '') ? 'c' : (table[c] ?? c)))
        .join('');
      return capitalize(latin);
    })
    .join('');
}

/**
 * Belarusian national form of a name read into Russian letters, roughly: akanye (an unstressed о is written а;
 * without stress marks, every о after the word's first vowel), Russian и as і, and the doubled consonant before
 * я/ю of Belarusian given names (Наталля). Written for the measuring set, not as a grammar.
 */
export function belarusianForm(russian: string): string {
  return russian
    .split(/(\s+)/)
    .map((word) => {
      let vowels = 0;
      return [...word]
        .map((c) => {
          if (!/[аеёиоуыэюяАЕЁИОУЫЭЮЯ]/.test(c)) return c;
          vowels++;
          if (c === 'о' && vowels > 1) return 'а';
          if (c === 'и') return 'і';
          return c;
        })
        .join('')
        .replace(/ля$/, 'лля');
    })
    .join('');
}
