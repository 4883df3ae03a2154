/**
 * The words of organisations' names in Persian and Arabic script as the list's English names translate them (سازمان
 * انرژی اتمی ایران is the Atomic Energy Organisation of Iran, بانک سپه Bank Sepah, قرارگاه سازندگی خاتم الانبیاء Khatam
 * al-Anbiya Construction Headquarters): a name so written meets the list's English through this reading as well as
 * through its consonants. Whole words, after readArabicParticles has split off the article (القاعدة is al قاعدة), with
 * Persian ی and ک and their Arabic forms alike. From the words the 2026-03-05 list's Iranian, Syrian and Iraqi entity
 * names use, and the words for what kind of body a name is. Pure.
 */
const WORDS: Readonly<Record<string, string>> = {
  // Persian
  بانک: 'bank', سازمان: 'organisation', انرژی: 'energy', اتمی: 'atomic', ایران: 'iran', قرارگاه: 'headquarters',
  سازندگی: 'construction', صنایع: 'industries', دفاع: 'defence', دفاعی: 'defence', وزارت: 'ministry', شرکت: 'company',
  کشتیرانی: 'shipping', هواپیمایی: 'airline', ملی: 'national', مرکزی: 'central', نفت: 'oil', موشکی: 'missile',
  هوافضا: 'aerospace', الکترونیک: 'electronics', مهندسی: 'engineering', تحقیقات: 'research', دانشگاه: 'university',
  بنیاد: 'foundation', جمهوری: 'republic', اسلامی: 'islamic', صنعتی: 'industrial', تجارت: 'trade', گروه: 'group',
  سپاه: 'corps', پاسداران: 'guards', انقلاب: 'revolution', نیروی: 'force', هوایی: 'air', دریایی: 'naval', قدس: 'quds',
  // Arabic
  بنك: 'bank', مصرف: 'bank', شركة: 'company', مؤسسة: 'establishment', موسسة: 'establishment', منظمة: 'organisation',
  تنظيم: 'organisation', هيئة: 'commission', وزارة: 'ministry', جيش: 'army', حركة: 'movement', جبهة: 'front',
  جماعة: 'group', المركزي: 'central', مركزي: 'central', التجاري: 'commercial', تجاري: 'commercial', العامة: 'general',
  عامة: 'general', السورية: 'syrian', سورية: 'syrian', سوريا: 'syria', العراق: 'iraq', للنفط: 'oil', نفط: 'oil',
};

/** Persian and Arabic forms of one letter (ی ي, ک ك) and the hamza seats folding may leave, read alike. */
const LETTERS: Readonly<Record<string, string>> = { ي: 'ی', ى: 'ی', ك: 'ک', ؤ: 'و', ئ: 'ی' };
const same = (word: string) => word.replace(/[يىكؤئ]/g, (c) => LETTERS[c]!);
const TABLE = new Map(Object.entries(WORDS).map(([word, english]) => [same(word), english]));
const ARABIC_SCRIPT_WORD = /[\u0600-\u06ff]+/g;

/** A name in Persian or Arabic script (particles read) with the words the table knows in English; null when it knows none. */
export function translateArabicScriptWords(text: string): string | null {
  let known = false;
  const translated = text.replace(ARABIC_SCRIPT_WORD, (word) => {
    const english = TABLE.get(same(word));
    if (english === undefined) return word;
    known = true;
    return english;
  });
  return known ? translated : null;
}
