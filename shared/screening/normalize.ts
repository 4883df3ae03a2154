import { toRomaji } from 'wanakana';
import { countryCode } from '../domain/countries';
import { foldLetters } from '../domain/normalize';
import { markAddedWords } from './added-words';
import { expandAbbreviation } from './abbreviations';
import { bankReadings } from './bank-names';
import { bracketedNoteReadings } from './bracketed-notes';
import { chineseReadings } from './chinese';
import { transcribedForeignName } from './chinese-transcription';
import { afterPlaceOf, bracketedReadings, isJapaneseTitle, isPostAbbreviation, pressCompanyWord } from './japanese-press';
import { dprkSpelledOut, hanjaReadings, kanjiOrganisationReadings, otherKoreanCut, readHangul, readRomanizedKoreanOrganisation, splitKoreanGivenName, startsWithKorea } from './korean';
import { readIzafat } from './izafat';
import { japaneseOrganisationReadings, withoutExpansion } from './japanese-words';
import { expandCyrillicLegalMarks, expandJapaneseLegalMarks, legalFormSymbol, replaceLegalPhrases } from './legal-forms';
import { translateArabicScriptWords } from './persian-arabic-words';
import { translateRussianWords } from './russian-words';
import { arabicScriptFamily, familyKey, koreanWordKey } from './spelling-families';
import { arabicSkeleton, cyrillicReadings, hasArabic, hasCyrillic, hasHangul, latinReadings, latinSkeleton, readArabicParticles } from './transliterate';

/**
 * Name normalization for screening: one folded form for comparison, split into tokens that carry a comparison
 * key (per script) and a cross-script key (Latin and katakana meet there), with legal forms marked so that they
 * count for little. Pure: no I/O, no list knowledge beyond the word lists below.
 */

export type Script = 'latin' | 'kana' | 'arabic' | 'other';

export interface NameToken {
  /** The folded token as written (`mikheychik`, `ミヘイチク`). */
  readonly text: string;
  readonly script: Script;
  /** Transliteration-folded key in the token's own script. */
  readonly key: string;
  /** Key shared by Latin and romanized katakana; null for other scripts. */
  readonly cross: string | null;
  /** A legal form (LLC, 株式会社) or a generic word (GROUP): weighted low. */
  readonly weight: number;
  /** The spelling family (Lee/RI/Yi, Mohammed/Muhammad) or, for a legal form, its family's symbol (OOO/LLC/有限会社); else null. */
  readonly family: string | null;
  /** A coarser Latin key (Slavic sibilants and affricates, Belarusian a/o), compared with a discount; null outside Latin. */
  readonly coarse: string | null;
  /** An Arabic name part's consonants (arabicSkeleton), in Arabic script or Latin: where the two meet; null otherwise. */
  readonly skeleton: string | null;
  readonly kind: 'word' | 'legal' | 'generic';
  /** A legal form or a word that names an organisation (BANK, PLANT, 研究所): a person's name holds none. */
  readonly organisational: boolean;
  /** A title the Japanese press puts after a family name (プーチン大統領, プリゴジン氏): the name is a family name alone. */
  readonly title: boolean;
}

/** Legal forms, as folded Latin tokens. */
const LEGAL_LATIN = new Set([
  'llc', 'ltd', 'limited', 'inc', 'incorporated', 'co', 'corp', 'corporation', 'company', 'jsc', 'pjsc', 'ojsc',
  'cjsc', 'ooo', 'oao', 'zao', 'ao', 'pao', 'aat', 'zat', 'taa', 'pmc', 'chvk', 'tov', 'gmbh', 'ag', 'sa', 'sarl', 'srl', 'sro', 'plc', 'llp', 'lp', 'bv',
  'nv', 'fze', 'fzco', 'fzc', 'fzllc', 'joint', 'stock', 'pte', 'pvt', 'pty', 'kk', 'obshchestvo', 'ogranichennoi', 'otvetstvennostiu',
  'aktsionernoe', 'spzoo', 'fgup', 'gup', 'mup', 'fsue', 'ano',
  // A joint-stock commercial bank (АКБ): the Russian banks' form, written after the name (Novikombank JSCB).
  'jscb', 'akb', 'cc',
]);
const LEGAL_KANA = new Set([
  'カンパニー', 'コーポレーション', 'リミテッド', 'インク', 'エルエルシー', 'ジョイント', 'ストック', 'ジェイエスシー',
  'オーオーオー', 'ピージェイエスシー',
]);
/** Japanese legal forms are written without spaces, before or after the name: 株式会社海洋…, …研究所株式会社. */
const LEGAL_HAN = [
  '公共株式会社', '公開株式会社', '非公開株式会社', '株式会社', '有限会社', '合同会社', '合資会社', '合名会社', '有限責任会社', '社団法人', '財団法人',
  // Chinese companies' forms, traditional and simplified (長安海連技術有限公司).
  '股份有限公司', '有限責任公司', '有限责任公司', '有限公司',
];
/** Words that many listed organisations' names share; a match on them alone says little. */
const COMPANY_WORDS = [
  'group', 'trading', 'industries', 'industrial', 'industry', 'international', 'bank', 'holding', 'holdings',
  'enterprise', 'enterprises', 'foundation', 'organization', 'organisation',
  'グループ', 'トレーディング', 'インダストリーズ', 'インダストリアル', 'インターナショナル', 'バンク',
];
/** Religious and honorific titles the list's aliases put before a name (Mullah, Haji, Maulavi): who, not which one. */
const HONORIFICS = [
  'mullah', 'mulla', 'haji', 'hajji', 'hadji', 'haj', 'maulavi', 'mawlawi', 'maulvi', 'molvi', 'moulavi', 'sheikh', 'shaykh', 'sheik', 'qari',
  'mufti', 'hafiz', 'shaikh', 'cheikh', 'cheik', 'shaiku', 'sheiku', 'kari', 'hafizu', 'ムラー', 'ムッラー', 'モッラー', 'ハジ', 'ハッジ', 'ハージ', 'マウラウィ', 'マウラヴィ',
  'マウラヴィー', 'シェイク', 'シャイク', 'シャイフ', 'カリ', 'カーリー', 'ハーフィズ', 'ハフィズ', 'ハフィーズ',
];
/** Particles many names share, persons' too (AL-BAGHDADI, Omar the Chechen). */
const GENERIC = new Set([...COMPANY_WORDS, 'the', 'of', 'and', 'for', 'imeni', 'al', 'el', 'ul', 'ol', 'aru', 'eru', 'bin', 'ibn', 'bint', 'アル', 'エル', ...HONORIFICS]);
/** National qualifiers of an organisation's name (Sberbank of Russia, Rossiiskii): they say where, not who. */
// Self-proclaimed qualifies the occupied regions' republics as the list names them (Self-proclaimed “Donetsk People's Republic”).
const QUALIFIER_WORDS = new Set(['self', 'proclaimed', 'dprk', 'kpa', 'russia', 'russian', 'rossii', 'rossiiskoi', 'rossiiskaia', 'rossiiskii', 'rossiyskoy', 'rossiyskaya', 'rf', 'rk']);
const QUALIFIER_WEIGHT = 0.05;
/** The Arabic article as the transliterations write it (al-, el-, ul-): one particle. */
// The katakana's article in romaji too (aru, eru: アル, エル), as a customer file may type it.
const ARTICLES = new Set(['al', 'el', 'ul', 'ol', 'aru', 'eru', 'the', 'アル', 'エル']);
/**
 * The particles one spelling of a name writes and another leaves out: the article (one family in every spelling) and
 * an honorific (Sheikh, Mullah: each its own). Unpaired, they weigh nothing in a comparison (compare-names.ts).
 */
export const PARTICLE_PREFIX = 'p:';
const particleFamily = (text: string) =>
  ARTICLES.has(text) ? `${PARTICLE_PREFIX}al` : HONORIFICS.includes(text) ? `${PARTICLE_PREFIX}${HONORIFIC_SPELLINGS[text] ?? text}` : null;
/** One honorific in its spellings and scripts (Sheikh, Shaikh, シェイク, シャイク): one family, so that they pair. */
const HONORIFIC_SPELLINGS: Readonly<Record<string, string>> = {
  shaikh: 'sheikh', shaykh: 'sheikh', sheik: 'sheikh', cheikh: 'sheikh', cheik: 'sheikh', shaiku: 'sheikh', sheiku: 'sheikh', シェイク: 'sheikh', シャイク: 'sheikh', mulla: 'mullah', ムラー: 'mullah',
  hajji: 'haji', hadji: 'haji', haj: 'haji', ハジ: 'haji', ハッジ: 'haji', ハージ: 'haji', mawlawi: 'maulavi', maulvi: 'maulavi',
  molvi: 'maulavi', moulavi: 'maulavi', マウラウィ: 'maulavi', マウラヴィ: 'maulavi', マウラヴィー: 'maulavi', カリ: 'qari', カーリー: 'qari', kari: 'qari',
  ムッラー: 'mullah', モッラー: 'mullah', シャイフ: 'sheikh', ハーフィズ: 'hafiz', ハフィズ: 'hafiz', ハフィーズ: 'hafiz', hafizu: 'hafiz',
};
/** The article is in most Arabic names; whether a spelling writes it says nothing (al-Zawahiri, Zawahri). */
const ARTICLE_WEIGHT = 0.1;
/**
 * Words that name an organisation and, on the 2026-03-05 list, no person: they weigh fully in a comparison (a
 * PLANT is not generic among plants), but they say that a name is an organisation's. From the list's entity names.
 */
const ORGANISATION_WORDS = new Set([
  ...COMPANY_WORDS, 'plant', 'factory', 'zavod', 'research', 'production', 'institute', 'institut', 'institution',
  'center', 'centre', 'bureau', 'association', 'society', 'committee', 'council', 'agency', 'office', 'department',
  'ministry', 'academy', 'university', 'shipping', 'shipyard', 'shipbuilding', 'engineering', 'technology',
  'technologies', 'machinery', 'aviation', 'aircraft', 'energy', 'trust', 'concern', 'complex', 'exchange', 'credit',
  'investment', 'venture', 'transport', 'logistics', 'manufacturing', 'commercial', 'services', 'systems', 'army',
  'brigade', 'battalion', 'front', 'movement', 'jamaat', 'jamaah', 'jemaah', 'harakat', 'tehrik', 'lashkar',
  // What a customer file adds to say what the organisation is (Otkritie Financial Corporation, Syriatel Mobile Telecom).
  'state', 'financial', 'finance', 'telecom', 'telecommunications', 'mobile', 'construction', 'headquarters',
  'センター', 'プラント', 'シッピング', 'エンジニアリング', 'テクノロジー', 'アカデミー', 'コンツェルン', 'アーミー',
]);
/** Kanji organisation names run as one token; these endings mark them (…研究所, ドイツ銀行). */
const HAN_ORGANISATION_ENDINGS = ['銀行', '研究所', '工場', '製作所', '設計局', '造船所', '会社', '公社', '商事', '協会', '組合', '企業', '団体', '機構', '大学', '委員会', '旅団', '部隊'];
const TITLE_WEIGHT = 0.05;
const LEGAL_WEIGHT = 0.15;
const GENERIC_WEIGHT = 0.4;

/** Letters folded (width, case, diacritics, hiragana → katakana), punctuation → spaces; initialisms of three letters or of a legal form joined (S.R.O.). */
export function foldName(text: string): string {
  return foldLetters(expandJapaneseLegalMarks(expandCyrillicLegalMarks(text)))
    .replace(/['’‘`ʼ]/g, '')
    .replace(/&/g, ' and ')
    // A legal form's three or four initials spaced (s. r. o.) are the form; other spaced initials stay initials
    // (Putin V. V.; named after S. A. Lavochkin, where S.A. is no société anonyme).
    .replace(/\b[a-z]\.(?: [a-z]\.?){2,3}(?![a-z])/g, (m) => (LEGAL_LATIN.has(m.replace(/[. ]/g, '')) ? m.replace(/[. ]/g, '') : m))
    // S.R.O. is a legal form and E.S.Co one word; V.V. after a surname is two initials (Putin V.V.).
    .replace(/(?:\b[a-z]\.){2,}([a-z])?/g, (m, glued?: string) =>
      glued || m.length >= 6 || LEGAL_LATIN.has(m.replace(/\./g, '')) ? m.replace(/\./g, '') : m.replace(/\./g, ' '),
    )
    .replace(/[^\p{L}\p{N}\u30fc]+/gu, ' ')
    .trim();
}

/** Latin spelling variants folded together: kh/h, ks/x, ou/u, y/i/j, w/v, ph/f, q/k, gh/g, doubled letters, -off/-ov. */
export function latinKey(token: string): string {
  return token
    // A doubled consonant written with two letters (the shadda of al-Qadhdhafi) is the consonant once.
    .replace(/(kh|gh|sh|th|dh|zh)\1/g, '$1')
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/dzh|dj/g, 'j')
    .replace(/ou/g, 'u')
    // Russian е after a vowel is ye in BGN/PCGN and e elsewhere: in the -ev of a family name or patronymic (ANIKEEV,
    // Anikeyev; Nikolayev, Sergeyevich), where no other language's names put a y.
    .replace(/([aeou])ye(?=v)/g, '$1e')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/of$/, 'ov')
    .replace(/ef$/, 'ev');
}

const SMALL_KANA: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ' };
const V_ROW: Record<string, string> = { ヴァ: 'バ', ヴィ: 'ビ', ヴェ: 'ベ', ヴォ: 'ボ', ヴ: 'ブ' };

/** Katakana renderings folded together: long vowel marks, ッ, small kana, ヴ/ブ, ム/ン before labials, ヂ/ジ, ヅ/ズ. */
export function kanaKey(token: string): string {
  return token
    .replace(/ヴ[ァィェォ]?/g, (m) => V_ROW[m]!)
    .replace(/[ーッ]/g, '')
    .replace(/[ァィゥェォャュョヮヵヶ]/g, (c) => SMALL_KANA[c]!)
    .replace(/ヂ/g, 'ジ')
    .replace(/ヅ/g, 'ズ')
    .replace(/[ヰヱヲ]/g, (c) => ({ ヰ: 'イ', ヱ: 'エ', ヲ: 'オ' })[c]!)
    .replace(/ム(?=[バビブベボパピプペポマミムメモ])/g, 'ン')
    // The press writes エフゲニー for エヴゲニー and モハメド for モハンマド: フ before a voiced consonant, ン before マ行.
    .replace(/フ(?=[ガギグゲゴザジズゼゾダヂデドバビブベボ])/g, 'ブ')
    .replace(/ン(?=[マミムメモ])/g, '')
    .replace(/メド/g, 'マド');
}

/**
 * A coarser Latin key for the spellings the Latin folding keeps apart: German, Polish and Serbo-Croat sibilants and
 * affricates (tsch, sch, sz, cz, and the c, s, z that remain of č, š, ž once diacritics go), Ukrainian and
 * Belarusian h for Russian g, Belarusian a for Russian o (Kachanava, KOCHANOVA), ye- for e-; French ou for w.
 */
export function coarseKey(written: string): string {
  // ё after a consonant, written yo or io, is e in most spellings of a Slavic family name (Shchyogolev, SHCHEGOLEV; Fyodorov).
  const token = SLAVIC_FAMILY_ENDING.test(written) ? written.replace(/(?<=[bcdfghklmnprstvz])[yi]o/g, 'e') : written;
  // German spellings of Slavic names write в as w, х as ch, ц as z, ж and ш as sch, ч as tsch (Micheitschik,
  // Zekow, Scherebzow, Sacharowa); elsewhere ch is ч and z is з.
  const german = /sch|[ao]wa?$|ewa?$|^w/.test(token);
  return latinKey(
    frenchSlavic(german ? token.replace(/(?<![st])z/g, 'c') : token)
      // GOST 7.79 B writes х as x (Xodakovsky): a Slavic name has no ks sound spelled x.
      .replace(/x/g, 'kh')
      // French writes the w of Arabic names ou before a vowel (Sinouar, Marouane, Abdelouahed: Sinwar, Marwan, Abdelwahed).
      .replace(/ou(?=[aei])/g, 'w')
      .replace(/tsch|tch/g, 'c')
      .replace(/sch|sz|sh/g, 's')
      .replace(/ch/g, german ? 'h' : 'c')
      .replace(/cz|ts|tz/g, 'c')
      .replace(/zh|rz|dz/g, 'z'),
  )
    .replace(/kh|h/g, 'g')
    .replace(/z/g, 's')
    .replace(/o/g, 'a')
    .replace(/^ie/, 'e')
    .replace(/(.)\1+/g, '$1');
}

const SLAVIC_FAMILY_ENDING = /(?:ov|ev|ova|eva|in|ina|sky|ski|skii|skaya)$/;

/**
 * French spellings of Slavic names (Poutine, Setchine, Guirkine, Guerassimov, Chouvalov): a final -ine is -in, gu before
 * e or i is g, and ch is ш (sh) unless it is tch (ч). Only a word with one of French's own marks (tch, ou, -ine, gue/gui,
 * -off) is read so: ch is ч in the English spellings.
 */
function frenchSlavic(token: string): string {
  if (!/tch|ou|..ine$|gu[ei]|off$/.test(token)) return token;
  return token
    .replace(/(?<=...)ine$/, 'in')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/(?<!t)ch/g, 'sh');
}

/** A katakana name's family by its Hepburn reading, when that is a known name: ユーリー is Yuri's, so not Yulia's. */
function kanaFamily(kana: string, romanized: string): string | null {
  // Hepburn as the family table spells the katakana forms (urajimiru), or with the loan-word digraphs read as
  // sounds (ヴォロディミル vorodimiru, not vorodeimiru).
  const plain = toRomaji(kana.replace(/ー/g, '')).replace(/[^a-z]/g, '');
  const family = familyKey(plain) ?? (romanized !== plain ? familyKey(romanized) : null);
  return family !== null && family.startsWith('n:') ? family : null;
}

/** Katakana writes the kh of Arabic and Russian names with カ行 or ハ行 (アクンド, アフンド): merged, with ガ行. */
const KH_ROWS: Record<string, string> = {
  カ: 'ハ', キ: 'ヒ', ク: 'フ', ケ: 'ヘ', コ: 'ホ', ガ: 'ハ', ギ: 'ヒ', グ: 'フ', ゲ: 'ヘ', ゴ: 'ホ', バ: 'ハ', ビ: 'ヒ', ブ: 'フ', ベ: 'ヘ', ボ: 'ホ',
};
/**
 * The Japanese press writes a Korean syllable's initial voiced or not by its place in the word (チャン and ジャン,
 * パク and バク, ピョン and ビョン), 영 as ヨン or ヤン, and 리 alone as リ or ル: merged here, where a voiced
 * consonant already meets its voiceless one for the kh above.
 */
const KOREAN_INITIALS: Record<string, string> = { ジ: 'チ', パ: 'ハ', ピ: 'ヒ', プ: 'フ', ペ: 'ヘ', ポ: 'ホ', ダ: 'タ', デ: 'テ', ド: 'ト' };
export function kanaCoarseKey(token: string): string {
  // On the token as written: a small ャ (チャン, 장) is another syllable than a full ヤン (양).
  // 이 (Lee) is 리 (RI) by the South's initial-sound rule: a lone イ is the surname リ, イム and イン are リム and リン (임, 림).
  // Korean nasal assimilation, which MOF writes and the press often not: 극렬 is グンニョル (k + r as ng + n), not グクリョル.
  // The same rule before ャ, ュ, ョ: a one-syllable name リョム (렴) is ヨム (염) in the South's spelling.
  return kanaKey(token.replace(/^[ルイ]$/, 'リ').replace(/^イ([ムンクプル])$/, 'リ$1').replace(/^リ([ャュョ][ンムクプル]?)$/, (_, rest: string) => SMALL_KANA[rest[0]!]! + rest.slice(1)).replace(/ヤン/g, 'ヨン').replace(/[クグ](?=リ[ャュョ])/g, 'ン').replace(/ン(リ)(?=[ャュョ])/g, 'ンニ'))
    .replace(/[ジパピプペポダデド]/g, (c) => KOREAN_INITIALS[c]!)
    .replace(/[カキクケコガギグゲゴバビブベボ]/g, (c) => KH_ROWS[c]!);
}

/**
 * Where Latin and katakana meet: both sides spelled in Latin letters, with the sounds Japanese does not tell
 * apart merged (l/r, v/b, a final f/v as in -ev → エフ) after the Latin folding above, and without the vowels
 * katakana adds to write a consonant alone: the -u of ク/ス/ル/フ before a consonant or at the end (ミヘイチク is
 * Mikheychik) and the -o of ト/ド there (ピョートル is Pyotr). Both sides lose them, so a Latin ABDUL and a
 * romanized アブドゥル meet as abdr; Wagner, ワグナー and ワグネル meet as bagna.
 *
 * The press's katakana differs from MOF's in the same few places, merged too: ti and di written チ and ジ (チムチェンコ
 * for ティムチェンコ, ゲンナジー for ゲンナディ: ch as c, ji as di), s and z (ズベルバンク, スベルバンク), the kh of Arabic and
 * Russian names before a consonant written フ, ク or ハ行 (ファクリザデ, ファフリザーデ, FAKHRIZADEH), a final -g written
 * グ or ク (ローテンベルク), the i of シ before a consonant (ナルイシキン, ナルィシュキン), a final -eh (Fakhrizadeh), and
 * gw/kw written グァ or グア (Kwang, グァン, guan).
 */
export function crossKey(latin: string): string {
  return latinKey(
    latin
      .replace(/th/g, 't')
      .replace(/([bcdfghkmprstz])u(?=[^aeiou]|$)/g, '$1')
      .replace(/([td])o(?=[^aeiouy]|$)/g, '$1')
      .replace(/shi(?=[^aeiou])/g, 'sh')
      .replace(/([gk])w(?=[aeio])/g, '$1u')
      .replace(/ji/g, 'di')
      // A final -er is written ー (ワグナー) or ル (ワグネル): both as -a.
      .replace(/er$/, 'a'),
  )
    .replace(/ch|ti/g, (m) => (m === 'ti' ? 'ci' : 'c'))
    .replace(/([aeiou])[fh](?=[^aeiouh])/g, '$1k')
    .replace(/([aeiou])h$/, '$1')
    .replace(/g$/, 'k')
    .replace(/z/g, 's')
    .replace(/l/g, 'r')
    .replace(/v/g, 'b')
    .replace(/f$/, 'b')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Katakana for sounds foreign to Japanese (ティ, ドゥ, ファ, ヴィ). wanakana romanizes the base syllabary; these
 * digraphs it spells letter by letter (ティ → tei, ドゥ → dou), which is not how a Latin name was written.
 */
const FOREIGN_SOUNDS: Record<string, string> = {
  ドゥ: 'du', トゥ: 'tu', ティ: 'ti', ディ: 'di', テュ: 'tyu', デュ: 'dyu', ファ: 'fa', フィ: 'fi', フェ: 'fe', フォ: 'fo',
  フュ: 'fyu', フョ: 'fyo', ウィ: 'wi', ウェ: 'we', ウォ: 'wo', ヴァ: 'va', ヴィ: 'vi', ヴェ: 've', ヴォ: 'vo', ヴュ: 'vyu',
  ヴャ: 'vya', ヴョ: 'vyo', ヴ: 'vu', ツァ: 'tsa', ツィ: 'tsi', ツェ: 'tse', ツォ: 'tso', クァ: 'kwa', グァ: 'gwa', イェ: 'ye',
  スィ: 'si', ズィ: 'zi',
};
const FOREIGN_PATTERN = new RegExp(Object.keys(FOREIGN_SOUNDS).sort((a, b) => b.length - a.length).join('|'), 'g');

/** Katakana to Latin (Hepburn by wanakana, the digraphs above by table), then to the cross-script key. */
export function kanaCrossKey(kana: string): string {
  return crossKey(romanizeKana(kana));
}

const romanizeKana = (kana: string) =>
  toRomaji(kana.replace(/ー/g, '').replace(FOREIGN_PATTERN, (m) => FOREIGN_SOUNDS[m]!))
    .replace(/[^a-z]/g, '')
    // Katakana writes the Arabic ay as サイ or セイ (サイフ, セイフ: Saif; ゼイド, Zaid): a first syllable ei before a consonant is ai.
    .replace(/^([a-z]?)ei(?=[^aeiou])/, '$1ai');

/**
 * The katakana organisation words as a romaji field writes them (kanpani, gurupu, toredingu, senta), met through the
 * cross-script key: a query in romaji names an organisation as plainly as one in katakana. Keys of three letters or
 * fewer are left out: given names share them (アーミー and Ami).
 */
const ROMANIZED_ORGANISATION_WORDS = new Set(
  [...LEGAL_KANA, ...[...ORGANISATION_WORDS].filter((w) => /^[\u30a1-\u30fc]+$/.test(w))].map(kanaCrossKey).filter((key) => key.length >= 4),
);

/**
 * A name split into tokens, each with its keys and weight, in its first Latin reading (see nameReadings). Token
 * order is not kept as meaningful.
 */
export function tokenizeName(name: string): NameToken[] {
  return tokenizeFolded(firstReading(name));
}

/** nameReadings(name)[0], without working out the others: the index reads every listed name so. */
function firstReading(name: string): string {
  if (bracketedNoteReadings(name).length === 0) {
    const bracketed = bracketedReadings(name);
    if (bracketed !== null) return firstReading(bracketed[0]!);
  }
  return readingsOf(name, true)[0]!;
}

/** A reading guessed from Chinese characters or another romanization (chinese.ts): weak evidence unless all of it agrees. */
export type NameReading = NameToken[] & {
  readonly guessed?: boolean;
  /** The same letters as another reading, spaced otherwise (a particle split off or joined): their run-together comparison is that reading's. */
  readonly respaced?: boolean;
};

/**
 * Every reading of a name as tokens: one, unless the name is written in Cyrillic with a letter the national
 * systems read differently (г: g in Russian, h in Ukrainian and Belarusian), or is Chinese (in characters, or in a
 * romanization the list may not use).
 */
export function tokenizeReadings(name: string): NameReading[] {
  const folded = foldName(name);
  const guessed = [...chineseReadings(folded, name), ...hanjaReadings(folded)].map((reading) => Object.assign(tokenizeFolded(reading), { guessed: true }));
  const readings = nameReadings(name);
  const split = readings.map(splitGluedParticles).filter((reading, i) => reading !== readings[i]);
  const joined = readings.map(joinParticles).filter((reading, i) => reading !== readings[i]);
  const cut = readings.map(otherKoreanCut).filter((reading, i) => reading !== readings[i]);
  const respaced = [...split, ...joined, ...cut].map((reading) => Object.assign(tokenizeFolded(reading), { respaced: true }));
  return [...readings.map(tokenizeFolded), ...respaced, ...guessed];
}

/**
 * The reverse: a particle the query writes apart that the list glues to the name after it (Moktar Bel Moktar for
 * BELMOKHTAR, Abdul Salam for ABDUSSALAM, Abd al-Ghani for ABDULGHANI): the query is also read with it joined, Abd and
 * its article as Abdul (the list's commonest spelling; joinArabicCompounds reads the assimilated Abdus-, Abdur- so);
 * likewise the parts of a compound the query writes apart (Fakhri Zadeh, Uralvagon Zavod).
 */
function joinParticles(reading: string): string {
  return reading
    .replace(/\babd(?:ul|el|al|ol|u)?(?: (?:al|el|ul))? (?=[a-z]{3,}\b)/g, 'abdul')
    .replace(/\b(bel|ben|bin|abu|abou) (?=[a-z]{3,}\b)/g, '$1')
    // A Persian family name's suffix written apart (Fakhri Zadeh, Ahmadi Nejad), as the list writes it joined.
    .replace(/\b([a-z]{3,}) (zadeh|zade|nejad|nezhad|pour|poor)\b/g, '$1$2')
    // A Russian company's name compounded of words written apart (Uralvagon Zavod, Sovcom Bank, Kurgan Mash Zavod), as
    // the list writes it in one: a name of two or three words ending in a part Russian compounds end in.
    .replace(/^([a-z]{3,})(?: ([a-z]{3,}))? (zavod|bank|mash|prom|stroi|stroy|flot|neft|gaz|energo|export|eksport|trans)$/, (_, a: string, b = '', last: string) => `${a}${b}${last}`);
}

/**
 * A particle the press writes glued to the name after it (ビンラディン, アブバクル, Binladen, Abubakar) against a list that
 * writes it apart (ビン・ラーデン, Abu Bakr): the query is also read with it apart. Only before a word of some length, so
 * that a name that merely begins so (アブドゥル, Binyamin) is read as written too; the best reading counts.
 */
function splitGluedParticles(reading: string): string {
  return reading
    .replace(/\b(bin|ibn|abu|abdul|abdel|abdol)(?=[a-z]{4,}\b)/g, '$1 ')
    .replace(/(^|\s)(ビン|イブン|アブー?)(?=[\u30a1-\u30fa\u30fc]{3,})/g, '$1$2 ')
    // Abdul in katakana (アブドルガニ, アブドゥルラフマン) before a name of two kana or more, as Abdulghani in Latin.
    .replace(/(^|\s)アブ (ドゥ?ル)(?=[\u30a1-\u30fa\u30fc]{2,})/g, '$1アブ$2 ')
    // X al-Islam run together without its article (サイフイスラム, Saif al-Islam), as the list writes it (セイフ・アルイスラム).
    .replace(/([\u30a1-\u30fa\u30fc]{2,}?)(?:アル)?(イスラム)(?=\s|$)/g, '$1 アル$2')
    // A company's name in katakana run together with the word for its kind (バンクロシア, ワグナーグループ), as the list
    // writes them apart (バンク・ロシア).
    .replace(/(^|\s)(バンク)(?=[\u30a1-\u30fa\u30fc]{3,})/g, '$1$2 ')
    .replace(/([\u30a1-\u30fa\u30fc]{3,}?)(バンク|グループ|カンパニー|コーポレーション|ホールディングス)(?=\s|$)/g, '$1 $2')
    // A Russian double family name run together (リボワベロワ for リヴォヴァ＝ベロヴァ, Lvova-Belova): two -ova, -ov apart.
    .replace(/([\u30a1-\u30fa\u30fc]+[オコゴソゾトドノホボポモヨロォョ](?:ワ|ヴァ|フ))(?=[\u30a1-\u30fa\u30fc]+[オコゴソゾトドノホボポモヨロォョ](?:ワ|ヴァ|フ)(?:\s|$))/g, '$1 ');
}

/**
 * The folded name with Cyrillic and Hangul read in Latin letters (and a Russian company name's words also in English),
 * Arabic particles in Latin and Arabic compounds in one spelling, and legal forms of several words made one.
 */
export function nameReadings(name: string): string[] {
  // A note in brackets (Oleg Nilov (LDPR), Girkin (Strelkov)): the name read as written, without the note, and the note alone.
  const noted = bracketedNoteReadings(name);
  if (noted.length > 0) return [...readingsOf(name), ...noted.flatMap(nameReadings)];
  const bracketed = bracketedReadings(name);
  if (bracketed !== null) return bracketed.flatMap(nameReadings);
  const named = withoutExpansion(name);
  if (named !== null) return [...readingsOf(name), ...readingsOf(named)];
  // The press names where a person is before the name (ロシア外務省のザハロワ報道官): also read without it.
  const place = afterPlaceOf(name);
  return place === null ? readingsOf(name) : [...readingsOf(name), ...readingsOf(place)];
}

function readingsOf(name: string, firstOnly = false): string[] {
  const folded = readArabicParticles(foldName(name));
  // Hangul: a DPRK organisation's Korean words in the list's English (korean.ts), a person's name syllable by syllable.
  const readings = hasHangul(folded) ? readHangul(folded).flatMap(cyrillicReadings) : latinReadings(folded);
  if (firstOnly && readings.length > 0) return [finishReading(readings[0]!)];
  const translated = hasCyrillic(folded) ? translateRussianWords(folded) : hasArabic(folded) ? translateArabicScriptWords(folded) : null;
  if (translated !== null) readings.push(latinReadings(translated)[0]!);
  // A DPRK organisation in characters (朝鮮…), or in romanized Korean words (Tanchon Sangop Unhaeng).
  const dprk = startsWithKorea(folded) ? kanjiOrganisationReadings(folded) : [readRomanizedKoreanOrganisation(folded) ?? []].flat();
  for (const reading of dprk) readings.push(reading, ...dprkSpelledOut(reading));
  // A name the Japanese press translates (ロシア連邦中央銀行): also read in the list's English words (japanese-words.ts).
  readings.push(...japaneseOrganisationReadings(folded));
  // A foreign name in the characters the Chinese press transcribes it with (谢尔盖·拉夫罗夫): a reading of its own, not a
  // guess at a Chinese name, since only a name all of such characters, in parts or long, is read so.
  const foreign = transcribedForeignName(folded);
  if (foreign !== null) readings.push(foreign);
  // A bank by the name it goes by, in Latin letters or translated (Bank of Russia, Банк России; AB Rossiya).
  readings.push(...readings.flatMap(bankReadings));
  return readings.map(finishReading);
}

function finishReading(reading: string): string {
  const text = replaceLegalPhrases(joinArabicCompounds(readIzafat(reading)));
  return splitKoreanGivenName(text) ?? text;
}

/**
 * The Arabic article assimilated to a sun letter (ad-Din, ash-Shaikh, ur-Rahman) is al; a name compounded with al-Din,
 * however written (Jalal ad-Din, Noor ud Din, Najm Eddine, Saif-al-Din, Jalaluddin, Salahaldin), is one word in one
 * spelling, X-uddin, as the list and the katakana (ジャラルッディーン) write most of them: JALALUDDIN HAQQANI meets
 * Jalal ad-Din Haqqani and, through arabicSkeleton, جلال الدين حقاني. (Abd al-X stays words: the list writes it apart
 * five times as often as joined.)
 */
export function joinArabicCompounds(text: string): string {
  // Most names hold no din at all: the list's index reads every name through here.
  // Abd with the article assimilated and glued (Abdussalam, Abdurrahman) is Abdul-: Abd al-Salam, as the list writes most.
  const abd = text.includes('abd') ? text.replace(/\babdu(d|n|r|s|t|z|sh|th|dh)\1(?=[aeiou])/g, 'abdul$1') : text;
  if (!abd.includes('din')) return abd.replace(/\b[aeu](d|n|r|s|t|z|sh|th|dh) (?=\1)/g, 'al ');
  return abd
    .replace(/\b[aeu](d|n|r|s|t|z|sh|th|dh) (?=\1)/g, 'al ')
    .replace(/\b([a-z]{2,}) (?:al|el|ul) din(?:e)?\b/g, '$1uddin')
    .replace(/\b([a-z]{2,}) (?:ou|u|e|a)ddine?\b/g, '$1uddin')
    .replace(/\b([a-z]{3,}?)(?:ou|u|e|a|i)ddine?\b|\b([a-z]{3,}?)(?:u|e|a)ldin\b/g, (_, a, b) => `${a ?? b}uddin`);
}

function tokenizeFolded(reading: string): NameToken[] {
  // Hong Kong is one place however written (HONGKONG, HK): two words, it would be two rare name parts (Hong is a family name).
  const folded = reading.includes('hong kong') ? reading.replace(/\bhong kong\b/g, 'hongkong') : reading;
  const tokens: NameToken[] = [];
  // A legal form written twice (Private Military Company (PMC) Wagner) is one form.
  let forms: Set<string> | null = null;
  for (const raw of folded.match(/[a-z0-9]+|[\u30a1-\u30fa\u30fc]+|[^\sa-z0-9\u30a1-\u30fa\u30fc]+/gu) ?? []) {
    for (const part of splitHanLegalForms(pressCompanyWord(expandAbbreviation(raw)))) {
      let token = made.get(part);
      if (!token) made.set(part, (token = makeToken(part)));
      if (token.kind === 'legal' && token.family !== null) {
        if (forms?.has(token.family)) continue;
        (forms ??= new Set()).add(token.family);
      }
      tokens.push(token);
    }
  }
  return markKoreanWords(markTitles(markAddedWords(markQualifiers(tokens))));
}

/**
 * An organisation's words run together from Korean syllables (KWANGSONG, Gwangseong; KORYO, Goryeo) in one family
 * whatever the romanization (spelling-families.ts); in a person's name, or outside Korean, a word keeps its spelling.
 */
function markKoreanWords(tokens: NameToken[]): NameToken[] {
  if (!tokens.some((t) => t.organisational)) return tokens;
  return tokens.map((token) => {
    if (token.kind !== 'word' || token.family !== null || token.script !== 'latin') return token;
    let marked = koreanWords.get(token.text);
    if (marked === undefined) {
      const family = koreanWordKey(token.text);
      koreanWords.set(token.text, (marked = family === null ? token : { ...token, family }));
    }
    return marked;
  });
}
/** Each word's token as an organisation's word, made once per process as tokens are (see `made`). */
const koreanWords = new Map<string, NameToken>();

/**
 * A title or a post after a katakana name (プーチン大統領, ボルトニコフ連邦保安局(FSB)長官), or before it (ＩＳ指導者バグダディ,
 * ハマス指導者シンワル氏, the office's name in katakana), says who, not which one: the kanji (and abbreviations among them) between the name's ends and the query's. A kanji
 * name of its own (織田信長 ends in 長) has no katakana, and an office that is not a post (…工場) is a name's word.
 */
function markTitles(tokens: NameToken[]): NameToken[] {
  if (!tokens.some((t) => t.script === 'other')) return tokens;
  const first = tokens.findIndex((t) => t.script === 'kana');
  if (first < 0) return tokens;
  let last = tokens.length - 1;
  while (tokens[last]!.script !== 'kana') last--;
  // An organisation's name in katakana before the post (ハマス指導者シンワル氏): all of it before the person.
  let office = -1;
  for (let i = first + 1; i < last; i++) if (tokens[i]!.script === 'other' && isJapaneseTitle(tokens[i]!.text)) office = i;
  const before = office > 0 ? office + 1 : isPost(tokens.slice(0, first)) ? first : 0;
  const after = isPost(tokens.slice(last + 1)) ? last + 1 : tokens.length;
  if (before === 0 && after === tokens.length) return tokens;
  return tokens.map((token, i) =>
    i < before || i >= after ? { ...token, kind: 'generic' as const, weight: TITLE_WEIGHT, family: null, coarse: null, skeleton: null, organisational: false, title: true } : token,
  );
}

/** Kanji ending in a title or a post, with abbreviations among them (連邦保安局 fsb 長官). */
const isPost = (run: readonly NameToken[]) =>
  run.length > 0 &&
  run[run.length - 1]!.script === 'other' &&
  isJapaneseTitle(run[run.length - 1]!.text) &&
  run.every((t) => t.script === 'other' || (t.script === 'latin' && isPostAbbreviation(t.text)));

/** "of Russia" and its like name where an organisation is, not which one: the country after "of" weighs little. */
function markQualifiers(tokens: NameToken[]): NameToken[] {
  return tokens.map((token, i) => {
    const qualifier =
      // Alone too (Russia as a query names no one); a country's name alone may be a person's (ISRAEL is listed).
      QUALIFIER_WORDS.has(token.text) ||
      // North Korea is the DPRK, as the list's Korea is (RGB North Korea, NORTH KOREAN MINING DEVELOPMENT TRADING CORPORATION).
      (token.text === 'north' && /^korean?$/.test(tokens[i + 1]?.text ?? '')) ||
      (i > 0 && tokens[i - 1]!.text === 'north' && /^korean?$/.test(token.text)) ||
      // The Russian Federation is Russia's long form, as the Republic of Belarus is Belarus's.
      (token.text === 'federation' && i > 0 && tokens[i - 1]!.text === 'russian') ||
      (token.text === 'of' && i + 1 < tokens.length && isCountry(tokens[i + 1]!.text)) ||
      (i > 0 && tokens[i - 1]!.text === 'of' && isCountry(token.text)) ||
      // A country's long form (of the Republic of Belarus) qualifies as its name does.
      (token.text === 'republic' && tokens[i + 1]?.text === 'of' && i + 2 < tokens.length && isCountry(tokens[i + 2]!.text)) ||
      (token.text === 'of' && tokens[i + 1]?.text === 'republic' && tokens[i + 2]?.text === 'of' && i + 3 < tokens.length && isCountry(tokens[i + 3]!.text));
    return qualifier ? { ...token, kind: 'generic' as const, weight: QUALIFIER_WEIGHT, family: null } : token;
  });
}

const isCountry = (text: string) => text.length > 3 && countryCode(text) !== null;

/** Whether a name holds anything but national qualifiers and titles (Russia, 大統領 alone name no one): else it is not screened. */
export const namesSomeone = (tokens: readonly NameToken[]) => tokens.some((t) => t.weight > QUALIFIER_WEIGHT);

/** Tokens are immutable and names repeat them (Mohammed, Sergei, LLC): each is worked out once per process. */
const made = new Map<string, NameToken>();

/** Every form in LEGAL_HAN ends in one of these: a token without them (most: every Latin word) holds none. */
const LEGAL_HAN_ENDING = /会社|公司|法人/;

function splitHanLegalForms(token: string): string[] {
  if (!LEGAL_HAN_ENDING.test(token)) return [token];
  for (const form of LEGAL_HAN) {
    if (token === form) return [token];
    if (token.startsWith(form)) return [form, ...splitHanLegalForms(token.slice(form.length))];
    if (token.endsWith(form)) return [...splitHanLegalForms(token.slice(0, -form.length)), form];
  }
  return [token];
}

function makeToken(text: string): NameToken {
  const script: Script = /^[a-z0-9]+$/.test(text) ? 'latin' : /^[\u30a1-\u30fa\u30fc]+$/.test(text) ? 'kana' : /^[\u0600-\u06ff]+$/.test(text) ? 'arabic' : 'other';
  const legal = LEGAL_LATIN.has(text) || LEGAL_KANA.has(text) || LEGAL_HAN.includes(text);
  const kind = legal ? 'legal' : GENERIC.has(text) ? 'generic' : 'word';
  const latin = script === 'latin' && /[a-z]/.test(text);
  const romanized = script === 'kana' ? romanizeKana(text) : null;
  const cross = latin ? crossKey(text) : romanized !== null ? crossKey(romanized) : null;
  return {
    text,
    script,
    key: script === 'latin' ? latinKey(text) : script === 'kana' ? kanaKey(text) : text,
    cross,
    weight: kind === 'legal' ? LEGAL_WEIGHT : ARTICLES.has(text) ? ARTICLE_WEIGHT : kind === 'generic' ? GENERIC_WEIGHT : 1,
    family: kind === 'legal' ? legalFormSymbol(text) : kind === 'generic' ? particleFamily(text) : latin ? familyKey(text) : romanized !== null ? kanaFamily(text, romanized) : script === 'arabic' ? arabicScriptFamily(text) : null,
    coarse: kind !== 'word' ? null : latin ? coarseKey(text) : script === 'kana' ? kanaCoarseKey(text) : null,
    skeleton: kind !== 'word' ? null : latin ? latinSkeleton(text) : script === 'arabic' ? arabicSkeleton(text) : null,
    kind,
    organisational:
      legal ||
      ORGANISATION_WORDS.has(text) ||
      (script === 'latin' && cross !== null && ROMANIZED_ORGANISATION_WORDS.has(cross)) ||
      (script === 'other' && HAN_ORGANISATION_ENDINGS.some((end) => text.endsWith(end))),
    title: false,
  };
}
