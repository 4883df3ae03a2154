/**
 * Chinese characters read in Cantonese and spelt as Hong Kong spells names: the Hong Kong Government Cantonese
 * Romanisation of identity cards, passports and company registrations (鄭雄文 Cheng Hung Man, 育東 Yuk Tung). A name
 * from Hong Kong or Macau, or a company registered there or in Singapore, is on the list in that spelling, which pinyin
 * (Zheng Xiongwen, Yudong) does not reach. Pure.
 *
 * Sources: to-jyutping (CanCLID) for each character's Cantonese reading in Jyutping; the correspondence of Jyutping to
 * the Government spelling (initials z, c as ch, or ts before a few finals, j as y, b d g as p t k; finals aa as a, oe as eu, eoi as ui, yu as u or
 * ue, ou as o), as the LSHK's and the Government's romanisation tables set them side by side.
 */

/** Loaded on demand, as pinyin-pro is (chinese.ts): its dictionary is a cost a process without characters should not pay. */
function toJyutping(): typeof import('to-jyutping') {
  return require('to-jyutping') as typeof import('to-jyutping');
}

const INITIALS: Readonly<Record<string, string>> = { b: 'p', d: 't', g: 'k', gw: 'kw', z: 'ch', c: 'ch', j: 'y' };
const FINALS: Readonly<Record<string, string>> = {
  aa: 'a', aai: 'ai', aau: 'au', aam: 'am', aan: 'an', aang: 'ang', aap: 'ap', aat: 'at', aak: 'ak',
  ou: 'o', oeng: 'eung', oek: 'euk', eoi: 'ui', eon: 'un', eot: 'ut', yu: 'u', yun: 'uen', yut: 'uet',
};

/** The finals after which the Government writes z and c as ts rather than ch. */
const TS_FINALS = new Set(['ang', 'eoi', 'o', 'ou', 'e']);

/** One Jyutping syllable (tone number dropped) in the Government's spelling: zeng Cheng, juk Yuk, zoeng Cheung, jyun Yuen. */
export function governmentSpelling(jyutping: string): string {
  const [, initial = '', final = ''] = /^(gw|kw|ng|[bpmfdtnlgkhwzcsj]?)([a-z]*?)\d?$/.exec(jyutping) ?? [];
  // Syllables the Government spells as a whole: 詩 si Sze, 志 zi Chi, 朱 zyu Chu, 書 syu Shu, 余 jyu Yu.
  if (initial === 's' && final === 'i') return 'sze';
  if (initial === 's' && final.startsWith('yu')) return `sh${FINALS[final] ?? final}`;
  if (initial === 'j' && final.startsWith('yu')) return `y${final === 'yu' ? 'u' : FINALS[final]}`;
  // z and c are ts before some finals: 曾 zang Tsang, 徐 ceoi Tsui, 曹 cou Tso, 謝 ze Tse (but 陳 can Chan, 張 zoeng Cheung).
  if ((initial === 'z' || initial === 'c') && TS_FINALS.has(final)) return `ts${FINALS[final] ?? final}`;
  return (INITIALS[initial] ?? initial) + (FINALS[final] ?? final);
}

/** Each character's Cantonese syllable in the Government's spelling, or null where one has no reading. */
export function cantoneseSyllables(han: string): string[] | null {
  const read = toJyutping().getJyutpingList(han);
  if (read.some(([, jyutping]) => !jyutping)) return null;
  return read.map(([, jyutping]) => governmentSpelling(jyutping!.split(' ')[0]!));
}
