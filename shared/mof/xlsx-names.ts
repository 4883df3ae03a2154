import type { Bilingual, EntityType } from '../domain/designation';
import {
  ENGLISH_PROSE,
  isRemark,
  JAPANESE_PROSE,
  readEnglishProse,
  readJapaneseProse,
  type NameLists,
} from './xlsx-aliases';
import { isCountryName } from './xlsx-countries';
import { joinLines, lines, pushItem, segments, squash, type Language, type Segment } from './xlsx-prose';

/**
 * The primary name cells of the XLSX (日本語表記 / 英語表記), which carry more than the name: spelling variants
 * (`Petr(Pyotr) ZIMA`), an a.k.a. (`Vladimir Mikheychik（a.k.a. Vladimir Mikheichik）`), an alias in brackets
 * (`ＶＥＢ．ＲＦ（ロシア対外経済銀行）`) and the name in its original script.
 */

/** `(original script: محمد …)`: the name in its own script, kept with the other information as the CSV does. */
const ORIGINAL_SCRIPT = /original\s+sc/i;

export interface ReadNames {
  name: Bilingual;
  /** Remarks found in the name cells, for otherInformation. */
  notes: string[];
}

/**
 * The primary names. For individuals a bracket after a word is a spelling variant of that word, and every other
 * combination is an alias (`Aleksei(Alexey) CHALIY(CHALYY)` → `Aleksei CHALIY`, aliases `Aleksei CHALYY`,
 * `Alexey CHALIY`, `Alexey CHALYY`); `(nee, X)` / `（旧称：X）` give a former name. For entities a bracket at the end
 * is an alias of the whole name (`Russian Agricultural Bank (Rosselkhozbank)`). Both are how the CSV publishes them.
 */
export function readNames(ja: string | null, en: string | null, entityType: EntityType, into: NameLists): ReadNames {
  const notes: string[] = [];
  const read = (cell: string | null, language: Language): string | null => {
    if (cell === null) return null;
    const kept: Segment[] = [];
    for (const segment of segments(joinLines(lines(cell)))) {
      // A person's former name after a word is a variant of that word: `Moskalkova （f.k.a . Nosenko）`.
      const variant = entityType === 'individual' && FORMERLY.test(segment.inner);
      if (!segment.group || variant) kept.push(segment);
      else if (ORIGINAL_SCRIPT.test(segment.inner)) notes.push(segment.text.trim());
      else if (JAPANESE_PROSE.test(segment.inner)) readJapaneseProse(segment.inner, 'aliases', into);
      else if (ENGLISH_PROSE.test(segment.inner)) readEnglishProse(segment.inner, 'aliases', into);
      else kept.push(segment);
    }
    const primary = entityType === 'individual' ? readVariants(kept, language, into) : readTrailingAlias(kept, language, into);
    const text = language === 'en' ? squash(primary) : primary.trim();
    return text === '' ? null : text;
  };
  return { name: { ja: read(ja, 'ja'), en: read(en, 'en') }, notes };
}

function readTrailingAlias(parts: Segment[], language: Language, into: NameLists): string {
  const kept = [...parts];
  // `Shining Path （SL） （Sendero Luminoso）`: every bracket at the end is one more alias.
  for (let tail = kept.at(-1); tail !== undefined; tail = kept.at(-1)) {
    if (/^\s+$/.test(tail.text)) {
      kept.pop();
      continue;
    }
    const head = kept.slice(0, -1).map((s) => s.text).join('').trim();
    if (!tail.group || head === '' || isRemark(tail.inner) || isCountryName(tail.inner)) break;
    pushItem(into.aliases, language, language === 'en' ? squash(tail.inner) : tail.inner);
    kept.pop();
  }
  return kept.map((s) => s.text).join('');
}

/** A word of a name and the spellings MOF gives for it in brackets. */
interface Word {
  text: string;
  variants: string[];
  formerly: string[];
}

const FORMERLY = /^(n[eé]e|f\s*\.\s*k\s*\.\s*a\s*\.?|旧姓|旧称)\s*[,，:：、]?\s*(.+)$/i;

function readVariants(parts: Segment[], language: Language, into: NameLists): string {
  const words: Word[] = [];
  const separator = language === 'en' ? /(\s+)/ : /([\s・＝=])/;
  for (const part of parts) {
    const target = words.findLast((w) => !separator.test(w.text) && w.text !== '');
    if (!part.group || !target || isBareRemark(part.inner)) {
      for (const piece of part.text.split(separator)) words.push({ text: piece, variants: [], formerly: [] });
      continue;
    }
    const former = FORMERLY.exec(part.inner);
    for (const entry of (former ? former[2]! : part.inner).split(/[,，、/／;；]/).map((e) => e.trim())) {
      if (entry === '') continue;
      const alias = /^a\s*\.\s*k\s*\.\s*a\s*\.?\s*(.+)$/i.exec(entry);
      if (alias) pushItem(into.aliases, language, alias[1]!);
      else (former ? target.formerly : target.variants).push(entry);
    }
  }
  const primary = words.map((w) => w.text).join('');
  const spell = (choice: (w: Word) => string) => normalizeName(words.map(choice).join(''), language);
  for (const combination of combinations(words)) pushItem(into.aliases, language, normalizeName(combination, language));
  words.forEach((word) =>
    word.formerly.forEach((former) => pushItem(into.formerNames, language, spell((w) => (w === word ? former : w.text)))),
  );
  return primary;
}

/** A bracket that is not a spelling but a remark with a colon (`（旧姓：…）` aside). */
function isBareRemark(inner: string): boolean {
  return /[:：]/.test(inner) && !FORMERLY.test(inner);
}

function normalizeName(name: string, language: Language): string {
  return language === 'en' ? squash(name) : name.trim();
}

/**
 * Every spelling but the primary one, words varied left to right (the order the CSV lists them in). Past 64
 * combinations only one word is varied at a time, to keep a freak cell from flooding the aliases.
 */
function combinations(words: readonly Word[]): string[] {
  const count = words.reduce((n, w) => n * (1 + w.variants.length), 1);
  // Most names give no other spelling: their one spelling is the primary.
  if (count === 1) return [];
  const primary = words.map((w) => w.text).join('');
  if (count > 64) {
    return words.flatMap((word) => word.variants.map((variant) => words.map((w) => (w === word ? variant : w.text)).join('')));
  }
  let spellings = [''];
  for (const word of words) spellings = spellings.flatMap((prefix) => [word.text, ...word.variants].map((option) => prefix + option));
  return spellings.filter((spelling) => spelling !== primary);
}
