import { jaroWinkler } from './jaro-winkler';
/**
 * Cyrillic and Hangul written in Latin letters, so that a query in either script meets the list's Latin names (and,
 * through romanized katakana, its Japanese ones). Tables written from the public standards: BGN/PCGN 1947 for
 * Russian (with ICAO 9303 and GOST 7.79's differences left to the Latin folding of normalize.ts: y/i/j, kh/h,
 * ts/tz); the Ukrainian national system (Cabinet resolution 55, 2010) and the Belarusian one (2007) for names in
 * those languages; Serbian's official Latin alphabet; McCune-Reischauer without diacritics for Hangul, which is
 * how DPRK names reach the list (KIM KWANG-IL, RI SONG HYOK). Runs on text that foldLetters has lower-cased
 * and stripped of combining marks (й is и, ё is е, ї is і, ў is у by then). Pure.
 */

const RUSSIAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya', і: 'i', є: 'ye', ґ: 'g', й: 'y', ё: 'e', ї: 'yi', ў: 'u',
};
/** Ukrainian national system: г is h, и is y, і is i, є is ye (ie inside a word), ґ is g. */
const UKRAINIAN: Record<string, string> = { ...RUSSIAN, г: 'h', и: 'y', і: 'i', є: 'ie', ґ: 'g', щ: 'shch', ї: 'i' };
/** Belarusian national system (and BGN/PCGN 1979): г is h, ў is u (w in the Polish-style Łacinka), і is i, ы y. */
const BELARUSIAN: Record<string, string> = { ...RUSSIAN, г: 'h', і: 'i', ы: 'y', э: 'e' };
/** Serbian Cyrillic to Serbian Latin, with the diacritics foldLetters removes from the list's Latin (Milosevic). */
const SERBIAN: Record<string, string> = { ...RUSSIAN, ж: 'z', х: 'h', ц: 'c', ч: 'c', ш: 's', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz' };

const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_RUN = /[\u0400-\u04ff]+/g;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/**
 * Which national system fits the letters used: Serbian ђ ј љ њ ћ џ; Ukrainian є ґ, or і with an и after a consonant;
 * Belarusian і otherwise. Belarusian writes no и: one after a vowel is a folded й (Гайдукевіч, Эйсмант), which both
 * languages write.
 */
function cyrillicTable(text: string): Record<string, string> {
  if (/[ђјљњћџ]/.test(text)) return SERBIAN;
  if (/[єґ]/.test(text) || (/і/.test(text) && /(?:^|[^аеёиоуыэюя])и/.test(text.replace(/\s+/g, ' ')))) return UKRAINIAN;
  if (/[іў]/.test(text)) return BELARUSIAN;
  return RUSSIAN;
}

/**
 * The Latin readings of a text holding Cyrillic: the national system its letters point to, and for a Russian-looking
 * text with г also the reading with h, since Ukrainian and Belarusian names are often written with Russian letters
 * and listed in their national form (Vladyslav, BULHAKOV). Text without Cyrillic is its own only reading.
 */
export function cyrillicReadings(text: string): string[] {
  if (!hasCyrillic(text)) return [text];
  const table = cyrillicTable(text);
  const read = (t: Record<string, string>) => text.replace(CYRILLIC_RUN, (run) => [...run].map((c) => t[c] ?? c).join(''));
  const readings = [nationalEndings(read(table), table)];
  if (table === RUSSIAN && /г/.test(text)) readings.push(read(UKRAINIAN));
  // Belarusian passports write я and ю as ia and iu (Наталля NATALLIA, Аляксандр ALIAKSANDR, Сяргей SIARHEI):
  // the BGN/PCGN ya reading is kept first.
  if (table === BELARUSIAN && /[яю]/.test(text)) readings.push(nationalEndings(read(BELARUSIAN_PASSPORT), table));
  if (table === BELARUSIAN) {
    const russianForm = russianSuffixes(nationalEndings(read(BELARUSIAN_AS_RUSSIAN), table));
    readings.push(russianForm, ...unstressedO(russianForm));
  }
  return readings;
}

/**
 * Belarusian writes every unstressed o as a (akanye), in the stem too: Качанава is the Russian Кочанова, KOCHANOVA.
 * Which a was an o depends on the stress, which spelling does not show, so a family name with a Russian suffix
 * (-ova, -ov, -ev, -enko) is also read with each choice of its stem's a's as o (a stem of up to three a's).
 */
function unstressedO(reading: string): string[] {
  const out: string[] = [];
  for (const match of reading.matchAll(/\b([a-z]{2,}?)(ova|ov|eva|ev|enko)\b/g)) {
    const stem = match[1]!;
    const as = [...stem].flatMap((c, i) => (c === 'a' ? [i] : []));
    if (as.length === 0 || as.length > 3) continue;
    for (let choice = 1; choice < 1 << as.length; choice++) {
      const letters = [...stem];
      as.forEach((at, bit) => {
        if (choice & (1 << bit)) letters[at] = 'o';
      });
      const start = match.index!;
      out.push(reading.slice(0, start) + letters.join('') + reading.slice(start + stem.length));
    }
  }
  return out;
}

/** Belarusian passport letters: the national system's я and ю, ia and iu. */
const BELARUSIAN_PASSPORT: Record<string, string> = { ...BELARUSIAN, я: 'ia', ю: 'iu' };
/** A Belarusian name as Russian-form lists write it (Гайдукевіч Oleg GAIDUKEVICH): г is g; я and ю as in passports. */
const BELARUSIAN_AS_RUSSIAN: Record<string, string> = { ...BELARUSIAN_PASSPORT, г: 'g' };

/**
 * Word endings a national system writes otherwise than the list's Russian-form names do. Ukrainian -ий (й folded to
 * и before this) is -yi (BALYTSKYI), and є at a word's start is ye (Євген YEVHEN, ie only inside a word). Belarusian
 * patronymics -авіч, -аўна, -еўна are the Russian -ovich, -ovna, -evna (Рыгоравіч, Іванаўна), which the list leaves
 * out and which is how a patronymic is known as one.
 */
/**
 * A Belarusian family name with the Russian form of its suffix, as Russian-form lists write Belarusians (Лукашэнка
 * LUKASHENKO, Качанава KOCHANOVA, Іваноў IVANOV): Belarusian writes the unstressed o of -ова, -енко, -ов as a
 * (akanye) and the final в of -ов, -ев as ў. Only suffixes: a stem's a may be a Russian a (the coarse key of normalize.ts
 * merges a and o there).
 */
const RUSSIAN_SUFFIX: Readonly<Record<string, string>> = { ava: 'ova', enka: 'enko', au: 'ov', ou: 'ov', eu: 'ev' };
function russianSuffixes(reading: string): string {
  // -слаў is the Russian -слав (Станіслаў Stanislav), not -ов.
  return reading.replace(/slau\b/g, 'slav').replace(/\b([a-z]{3,}?)(ava|enka|au|ou|eu)\b/g, (_, stem: string, suffix: string) => stem + RUSSIAN_SUFFIX[suffix]!);
}

function nationalEndings(reading: string, table: Record<string, string>): string {
  if (table === UKRAINIAN) return reading.replace(/yy\b/g, 'yi').replace(/\bie/g, 'ye');
  if (table === BELARUSIAN) return reading.replace(/avich\b/g, 'ovich').replace(/([ae])una\b/g, (_, a: string) => (a === 'a' ? 'ovna' : 'evna'));
  return reading;
}

const INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
const HANGUL_RUN = /[\uac00-\ud7a3]+/g;

export function hasHangul(text: string): boolean {
  return HANGUL_SYLLABLE.test(text);
}

/**
 * Hangul in McCune-Reischauer letters without its breves and apostrophes (ŏ and o both o, ŭ and u both u), one
 * token per syllable: the list writes a Korean given name as two words or hyphenated (SONG HYOK, Kwang-Il), and
 * 김정은 is KIM JONG UN. The spelling families of spelling-families.ts then meet Lee, Rhee and Yi with this RI.
 */
export function romanizeHangul(text: string): string {
  return text.replace(HANGUL_RUN, (run) =>
    [...run]
      .map((c) => {
        const code = c.charCodeAt(0) - 0xac00;
        return INITIALS[Math.floor(code / 588)]! + MEDIALS[Math.floor((code % 588) / 28)]! + FINALS[code % 28]!;
      })
      .join(' '),
  );
}

/** ㄱ ㄷ ㅂ ㅈ, which McCune-Reischauer writes voiced (g d b j) between voiced sounds: Pugang, Kumgang, Ryonbong. */
const VOICED_INITIALS: Record<number, string> = { 0: 'g', 3: 'd', 7: 'b', 12: 'j' };
/** Finals after which those initials are voiced: none (a vowel), ㄴ, ㄹ and its clusters, ㅁ, ㅇ. */
const VOICING_FINALS = new Set([0, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 21]);

/**
 * A Hangul word run together in McCune-Reischauer letters without diacritics, as the list writes the proper names of
 * DPRK organisations (련봉 RYONBONG, 금강 KUMGANG, 부강 PUGANG, 단천 TANCHON): a plain consonant between voiced sounds
 * voiced, and ㅂ before ㄹ as m (압록강 AMROGGANG). Sound changes the list's spellings do not show (백마 is PAEKMA, not
 * paengma) are not made.
 */
export function romanizeHangulWord(word: string): string {
  let out = '';
  let previousFinal = -1;
  for (const c of word) {
    const code = c.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) {
      out += c;
      previousFinal = -1;
      continue;
    }
    const initial = Math.floor(code / 588);
    const final = code % 28;
    const voiced = previousFinal >= 0 && VOICING_FINALS.has(previousFinal) ? VOICED_INITIALS[initial] : undefined;
    if (previousFinal === 17 && initial === 5) out = `${out.slice(0, -1)}m`;
    out += (voiced ?? INITIALS[initial]!) + MEDIALS[Math.floor((code % 588) / 28)]! + FINALS[final]!;
    previousFinal = final;
  }
  return out;
}

/** Every Latin reading of a name in any script the list does not use (Cyrillic, Hangul, Arabic); usually just one. */
export function latinReadings(folded: string): string[] {
  if (hasArabic(folded)) return arabicReadings(folded);
  const korean = hasHangul(folded) ? romanizeHangul(folded) : folded;
  return cyrillicReadings(korean);
}

/**
 * An Arabic name (after readArabicParticles) as written, and, where it reads otherwise, as the list's Latin often
 * writes it: Abd al-X and Abd Allah as one name (عبد الملك ABDULMALIK, عبد الله ABDULLAH: the word's consonants
 * then meet the Latin one's, bdlmlk), and a ة before another word read -at, as in the construct state (عزة إبراهيم
 * Izzat Ibrahim, not Izza).
 */
function arabicReadings(text: string): string[] {
  const joined = text
    .replace(/\babd allah\b/g, 'عبدالله')
    .replace(/\babd al ([\u0600-\u06ff]+)/g, 'عبدال$1')
    .replace(/ة(?= [\u0600-\u06ffa-z])/g, 'ت');
  return joined === text ? [text] : [text, joined];
}

const ARABIC = /[\u0600-\u06ff]/;
const ARABIC_WORD = /[\u0600-\u06ff]+/g;

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * The particles of an Arabic name, as every transliteration writes them: the article ال (al-, el-, and before a sun
 * letter ad-, ash-, ur-: one particle), ibn and bin, abu, abd, and Allah. They become Latin words, so that they meet the
 * list's particles; the other Arabic words are compared by their consonants (arabicSkeleton).
 */
const ARABIC_PARTICLES: Record<string, string> = {
  بن: 'bin', ابن: 'ibn', بنت: 'bint', ابو: 'abu', ابي: 'abi', عبد: 'abd', الله: 'allah', لله: 'allah',
  // Honorifics, which the Latin spellings read as one family each (normalize.ts: Sheikh, Shaikh, Mullah).
  شيخ: 'sheikh', ملا: 'mullah', حاجي: 'haji',
};

/**
 * Arabic (and Persian) script with its vowel marks, hamza carriers and tatweel taken off, particles in Latin and the
 * article split from its word (القذافي is al قذافي). Text without Arabic is returned as it is.
 */
export function readArabicParticles(text: string): string {
  if (!hasArabic(text)) return text;
  return text
    .normalize('NFD')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .normalize('NFC')
    .replace(/[أإآٱ]/g, 'ا')
    // X al-Din is one name, as Latin's X-uddin (normalize.ts): جلال الدين is read as جلالدين, its consonants jldn.
    .replace(/([\u0600-\u06ff]{2,}) الدين/g, '$1دين')
    // Persian names end in -zadeh, -nejad, -pour written apart or after a zero-width non-joiner (which folding has
    // made a space): فخری‌زاده is one name, Fakhrizadeh, as احمدی‌نژاد is Ahmadinejad.
    .replace(/([\u0600-\u06ff]{2,}) (زاده|نژاد|پور)(?![\u0600-\u06ff])/g, '$1$2')
    .replace(ARABIC_WORD, (word) => {
      const particle = ARABIC_PARTICLES[word];
      if (particle) return particle;
      // عبدالرحمن run together is Abd and the rest, as the list mostly writes it (ABDUL GHANI, Abd al-Rahman).
      if (word.startsWith('عبدال') && word.length > 6) return `abd al ${word.slice(5)}`;
      return word.length > 3 && word.startsWith('ال') ? `al ${ARABIC_PARTICLES[word.slice(2)] ?? word.slice(2)}` : word;
    });
}

/**
 * An Arabic word's consonants as Latin classes: Arabic script writes no short vowels, and the long ones (ا, و, ي)
 * are what the Latin spellings differ in most (Husayn, Hussein, Houssein), so a word is compared by its consonants
 * with the letters the transliterations render alike merged (ALA-LC, BGN/PCGN, the French and the press's: ث th/s/t,
 * ذ dh/z/d and ض d/dh with د, ظ z/dh with ز, ق q/k/g with ك and غ, ح and خ with ه, ع and hamza left out, ة a/ah left
 * out). latinSkeleton reduces a Latin spelling the same way, so صدام meets Saddam (sdm) and القذافي Qadhafi (kdf).
 */
const ARABIC_CONSONANTS: Record<string, string> = {
  ب: 'b', پ: 'b', ت: 't', ط: 't', ث: 't', ج: 'j', چ: 's', ح: 'h', خ: 'h', ه: 'h', د: 'd', ذ: 'd', ض: 'd', ر: 'r', ز: 'z', ژ: 'z', ظ: 'z',
  س: 's', ص: 's', ش: 's', ف: 'f', ق: 'k', ك: 'k', ک: 'k', گ: 'k', غ: 'k', ل: 'l', م: 'm', ن: 'n',
};
export function arabicSkeleton(word: string): string {
  // ي is a consonant at the start of a word (Yahya, Yusuf), elsewhere mostly a long vowel; و is dropped, as latinSkeleton drops w.
  const letters = [...word].map((c, i) => ARABIC_CONSONANTS[c] ?? (i === 0 && (c === 'ي' || c === 'ی') ? 'y' : ''));
  return letters.join('').replace(/(.)\1+/g, '$1');
}

/** A Latin spelling of an Arabic name part reduced as arabicSkeleton reduces the Arabic (Qadhafi, Gaddafi, Kadhafi: kdf). */
export function latinSkeleton(token: string): string {
  return token
    .replace(/^y(?=[aeiou])/, 'Y')
    .replace(/kh|gh|ch|sh|th|dh|ph|dj|zh|ou/g, (d) => ({ kh: 'h', gh: 'k', ch: 's', sh: 's', th: 't', dh: 'd', ph: 'f', dj: 'j', zh: 'z', ou: '' })[d]!)
    .replace(/[qgc]/g, 'k')
    .replace(/p/g, 'b')
    .replace(/x/g, 'ks')
    // Persian writes v with و, which Arabic reads w: both left out, as arabicSkeleton leaves و (Davani, دوانی; Javad, Jawad).
    .replace(/[aeiouywv']/g, '')
    .replace(/Y/, 'y')
    .replace(/(.)\1+/g, '$1');
}

/** Slavic family-name endings: a name so ended is compared by its stem (compare-names.ts), never by its consonants alone. */
const SLAVIC = /(?:ov|ev|ova|eva|in|ina|sky|ski|skii|skaya|enko|ich|uk|chuk|ik)$/;

/**
 * Two Latin spellings of one Arabic or Persian name part: the same consonants as the Arabic script writes them
 * (latinSkeleton), three or more, and the same first letter class. The Latin spellings of Arabic and Persian names
 * differ in the short vowels the script does not write and in doubled letters (Baradar, Biradar; Muttaqi, Mottaki;
 * Naqdi, Naghdi; Qadhafi, Gadaffi). Not for Slavic family names, whose stems differ in a vowel between two people
 * (MARKOV, MERKOV), nor for tokens one of which is short. A final long vowel is a letter (the nisba's ي: Hosseini is
 * Husayni, not HASSAN; Qadhafi and Gaddafi both end in it): one spelling ending in a vowel and the other not are two words.
 */
export function arabicSpellings(a: string, b: string, skeletonA: string | null, skeletonB: string | null): boolean {
  return (
    skeletonA !== null && skeletonA === skeletonB && skeletonA.length >= 3 && arabicSpellingShape(a) && arabicSpellingShape(b) &&
    FINAL_VOWEL.test(a) === FINAL_VOWEL.test(b) &&
    // With every vowel different the consonants alone are too little (Hocine is not HAQQANI, 0.54; Gheddafi and QADHAFI 0.71).
    jaroWinkler(a, b) >= SPELLING_FLOOR
  );
}
const FINAL_VOWEL = /[aeiouy]$/;

/** A Latin word that arabicSpellings may pair by its consonants: five letters or more, no Slavic family-name ending. */
export function arabicSpellingShape(text: string): boolean {
  return text.length >= 5 && !SLAVIC.test(text);
}
const SPELLING_FLOOR = 0.65;
