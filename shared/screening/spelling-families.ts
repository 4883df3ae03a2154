/**
 * Spelling families: the spellings of one name part that romanization systems, national forms and the press use,
 * reduced to one family key, so that Lee meets RI, Mohammed meets Muhammad and Yevhen meets Evgenii however far
 * apart Jaro-Winkler puts them. A token that belongs to no family has no key. Pure.
 *
 * Sources: the Korean systems (Revised Romanization 2000, McCune-Reischauer, the DPRK's own, and the common surname
 * spellings the Korean government's own surveys report: Lee/Yi/Rhee, Park/Pak/Bak, Choi/Choe, Jung/Chung/Jeong);
 * the usual Arabic name-part equivalents of the ALA-LC and press transliterations; the Russian, Ukrainian and
 * Belarusian forms of one Slavic given name (BGN/PCGN and the national systems applied to each language's form),
 * and its katakana forms in Hepburn without long vowels (ウラジーミル urajimiru, ヴォロディミル vorodimiru), which is how
 * normalize.ts reads a katakana given name into its family.
 */

/** Names whose spellings no rule relates (Qadhafi/Gaddafi, Yevhen/Evgenii): one line per name, the family's key first. */
const NAME_FAMILIES: readonly string[] = [
  // Korea as the DPRK's own names write it in Latin (Choson, Chosun; Joseon in RR): CHOSUN YUNHA MACHINERY is KOREA RYONHA MACHINERY.
  'korea korean choson chosun joseon',
  // An organisation's direction word, as noun or adjective (East Turkistan, EASTERN TURKISTAN).
  'eastern east', 'western west', 'northern north', 'southern south',
  // Arabic name parts, and the katakana of the commonest in Hepburn without long vowels (ムハンマド muhanmado, アブドゥル abudouru).
  'muhammad mohammad mohammed mohamed mohamad muhamad muhammed muhamed mohd mohamud mouhamed mohamed mukhammad mukhamed mahomed muhanmado mohanmado mohamedo muhamado mohamado',
  'ahmad ahmed akhmad akhmed ahmet',
  'amir ameer',
  'mahmud mahmoud mahmood makhmud',
  'husayn hussein hussain husain hossein hosein husein houssein hussien',
  'hasan hassan hasaan',
  'husni hosni',
  'muhsin mohsen mohsin muhsen',
  'qadhafi qaddafi gaddafi gadhafi kadhafi kaddafi gadafi qadafi khadafi gathafi qathafi kadafi',
  'abd abdul abdel abdal abdoul abdu abdol abudouru abuduru abudoru',
  'abdullah abdallah abdulla abdellah abdollah abudourra abudurra abudorra',
  'abdulrahman abdurrahman abdelrahman abdalrahman abdorrahman',
  'yusuf yousef youssef yousif yusef yussuf',
  'umar omar',
  'uthman othman osman usman',
  'usama osama',
  'khalid khaled',
  'jamal gamal',
  'mustafa mostafa moustafa mustapha',
  'ibrahim ebrahim ibraheem',
  'ismail ismael esmail',
  'nasir nasser naser nassir',
  'hamid hamed',
  'rashid rashed',
  'said saeed saied saiid',
  'abu abou',
  'zayd zaid zeid',
  'yahya yahia yehia',
  'uday udai oday odai odey',
  'aisha aicha aysha ayesha aishah aischa',
  'isa issa eisa essa eissa esa',
  'izzat ezzat izzet ezzet izat',
  'musa moussa mousa',
  'faisal faysal feisal',
  'jafar jaafar jafer',
  'muammar moammar muamar',
  'salim saleem selim',
  'karim kareem',
  'rahman rehman',
  'ubaydullah ubaidullah obaidullah obaydullah',
  'sayf saif seif',
  'mutasim mutassim moatassem muatesem',
  'hamza hamzah',
  // لادن: Ladin in ALA-LC, Laden in the press; katakana ラディン as the press writes it, ラーデン as MOF does.
  'ladin laden radin raden',
  'aziz azeez',
  'tahir taher',
  'qasim qassim kassem kasem qasem qassem ghasem ghassem',
  'fathi fathy fethi',
  'sulayman sulaiman suleiman soleiman sulejman',
  'sulaymani soleimani sulaimani soleymani suleimani sulejmani',
  // フーシ, as the Japanese press writes the Houthis (フーシ派), read fushi.
  'huthi houthi hothi houthy huthy fushi',
  'walid waleed',
  'majid majeed',
  'haqqani haqani',
  'tariq tarek tareq tarik',
  // Slavic given names: the Russian, Ukrainian and Belarusian forms of one name, and the Western spellings of it.
  'sergei serugei serugii serugee sergey serhii serhiy sergiy sergii sergej siarhei siarhey serge',
  'yevgeny evugenii evugeni efugenii efugeni yevgeniy evgeny evgenii evgeniy yevhen yevhenii ievgen evgenij jewgeni yauhen yauheni',
  'aleksandr arekusandoru arekusandaa alexander aleksander oleksandr aliaksandr alexandr alyaksandr aleksandar',
  'aleksei arekusei arekusee alexey alexei aleksey oleksii oleksiy aliaksei alexej',
  'dmitry domitorii domitori dmitrii dmitriy dmytro dzmitry dzmitryi dmitri',
  'andrei andorei andoree andrey andrii andriy andrej andrzej andrew andrii',
  'yuri yuri yury yurii yuriy iurii jurij yurij yury',
  'mikhail mihairu mykhailo mikhael michail mikhailo mikhal',
  'nikolai nikorai nikolay mykola mikalai nicolai nikolaj',
  'vladimir urajimiru urajiimiru vorodimiru volodymyr uladzimir wladimir vladimer',
  'viktor vikutoru bikutoru victor wiktor',
  'vladislav urajisurafu vladyslav uladzislau wladyslaw',
  'vsevolod vsevolad',
  'valery valerii valeriy valeri valer',
  'gennady gennadii gennadiy hennadii henadz',
  'leonid leanid',
  'maksim maxim maksym maksim',
  'roman raman',
  'ruslan ruslan',
  'pavel paveru pavlo pavel paul pawel',
  'pyotr petr petro piotr pyotr piatro',
  'ekaterina yekaterina kateryna katsiaryna katerina',
  'tatyana tachiana tatiana tetiana tatsiana tatjana',
  'natalia nataria natalya nataliya natallia natalija',
  'yelena erena elena olena alena alyona',
  'anatoly anatorii anatolii anatoliy anatoli',
  'grigory grigorii hryhorii ryhor grigoriy',
  'georgy georgii heorhii georgiy',
  'konstantin konsutanchin kostiantyn kanstantsin konstantyn',
  'vasily vasilii vasyl vasil vasiliy',
  'vyacheslav viacheslav vyachaslau',
  'oleg oregu oleh aleh',
  'igor igori ihor ihar',
  'olga olha volha',
  'anastasia anastasiya anastasiia',
  'yulia yuriya yuliya yuliia iuliia iulia yulya julia',
  'ilya illia ilia',
  'kirill kyrylo kiril',
  'stanislau stanislav',
  'yaraslau yaroslav',
  'maria mariya mariia marija mariia',
  'ivan iwan ivan',
  'boris barys',
  'fedor fyodor fedir fiodor',
  'semyon semen semion',
  'yakov yakiv',
  'denis denys dzianis',
  'artem artyom artiom',
  'egor yegor yehor',
  'timur timur',
  'anton anton',
  'arkady arkadii arkadiy',
  'lyudmila liudmila ludmila',
  'svetlana sviatlana',
  'irina iryna',
  'marina maryna',
  'galina halyna halina',
  'larisa larysa',
  'oksana aksana',
  'valentina valentyna',
  'nadezhda nadiya nadzeya',
  'lyubov liubov lubov',
  'elizaveta yelizaveta',
  'daria darya daria',
  'polina palina',
  'ksenia kseniya kseniia',
  'kristina khrystyna',
  'veronika veronica',
  'inna inna',
  'alla alla',
  'vera vera',
  'nina nina',
  'zoya zoia',
  'alina alina',
  'sofia sofiya sofiia',
];

const FAMILY_OF = new Map<string, string>();
for (const line of NAME_FAMILIES) {
  const [head, ...rest] = line.split(' ');
  for (const spelling of [head!, ...rest]) if (!FAMILY_OF.has(spelling)) FAMILY_OF.set(spelling, `n:${head}`);
}

/** Korean surnames whose common spellings no syllable rule relates (Lee/Yi/Rhee/Ri, Park/Pak, Oh/O, Roh/No). */
const KOREAN_SURNAMES: readonly string[] = [
  'ri lee yi rhee rhie li yee rie i',
  'pak park bak pack bahk',
  'choe choi chwe choy',
  'o oh',
  'no noh ro roh',
  'ryu yu yoo you lyu yoo',
  'rim lim im',
  'ryang yang',
  'kim gim',
  'sin shin',
  'u woo',
  'han hahn',
  'kang gang',
  'ko go koh',
];
const KOREAN_SURNAME_OF = new Map<string, string>();
for (const line of KOREAN_SURNAMES) {
  const [head, ...rest] = line.split(' ');
  for (const spelling of [head!, ...rest]) if (!KOREAN_SURNAME_OF.has(spelling)) KOREAN_SURNAME_OF.set(spelling, head!);
}

/**
 * Spellings of the commonest Korean family names in every system (the National Institute of Korean Language's
 * survey of passport spellings, McCune-Reischauer, RR), beside those no rule relates: what marks a Latin name as a
 * Korean one (korean.ts splits its given name run together).
 */
export const KOREAN_SURNAME_SPELLINGS: ReadonlySet<string> = new Set([
  ...KOREAN_SURNAME_OF.keys(),
  ...`jung jeong chung chong jong cho jo yoon yun jang chang seo so suh kwon gwon hwang ahn an song hong jeon jon chon chun
  moon mun son sohn bae pae baek paek back heo ho hur nam sim shim ha kwak gwak sung seong cha joo ju chu koo ku min ra na
  jin chin ji chi um eom chae won bang pang pyon byeon byun hyon hyeon hyun yeom ryom yum kil gil ryang yang ryom kye ki
  tak thak do to jeong ok yeo ryo pyo`.split(/\s+/),
]);

/*
 * One romanized Korean syllable in any system, read as initial + vowel + final and reduced to classes: the voiced and
 * voiceless consonants the systems spell differently merged (g/k, d/t, b/p, j/ch, r/l), and the vowels ŏ (eo, o,
 * and the u of popular spellings: Sung, Chul, Hyun, Jung) and ŭ (eu, u) with o and u. The initial-sound rule of
 * Southern usage (리 → 이 Lee, 류 → 유 Yoo, 로 → 노 Noh) is applied to every syllable, since the North keeps the R.
 */
const INITIAL_CLASSES: Array<[RegExp, string]> = [
  [/^(?:tch|jj|ch|j|c)/, 'C'],
  // The DPRK's own Latin writes the aspirates kh, th, ph (THAEPHYONGSAN, Phyongchon): one class with k, t, p.
  [/^(?:kk|gg|kh|k|g)/, 'K'],
  [/^(?:tt|dd|th|t|d)/, 'T'],
  [/^(?:pp|bb|ph|p|b)/, 'P'],
  [/^(?:ss|sh|s)/, 'S'],
  [/^(?:rh|r|l)/, 'R'],
  [/^n/, 'N'],
  [/^m/, 'M'],
  [/^h/, 'H'],
  [/^/, ''],
];
/** Longest spellings first; values are the vowel classes. */
const VOWELS: Array<[string, string]> = [
  ['yeo', 'YO'], ['yae', 'YE'], ['wae', 'WE'], ['weo', 'WO'], ['you', 'YO'], ['yoo', 'YO'], ['eui', 'I'], ['woo', 'O'],
  ['ya', 'YA'], ['ye', 'YE'], ['yo', 'YO'], ['yu', 'YO'], ['wa', 'WA'], ['wo', 'WO'], ['we', 'WE'], ['wi', 'WI'],
  // 의 is ŭi in McCune-Reischauer and ui in RR, and Hee or Hui in a passport (Ryom Hui-bong, Yum Hee-bong): one class with i.
  ['oe', 'WE'], ['oi', 'WE'], ['ui', 'I'], ['ae', 'E'], ['ai', 'E'], ['eo', 'O'], ['eu', 'O'], ['oo', 'O'], ['ou', 'O'],
  ['ee', 'I'], ['yi', 'I'], ['a', 'A'], ['e', 'E'], ['i', 'I'], ['o', 'O'], ['u', 'O'],
];
const FINAL_CLASSES: Record<string, string> = { '': '', k: 'K', g: 'K', kk: 'K', n: 'N', ng: 'NG', l: 'L', r: 'L', m: 'M', p: 'P', b: 'P', t: 'T', d: 'T', s: 'T' };

/** Syllables repeat across names and splits try the same heads again: each is read once per process. */
const syllables = new Map<string, string | null>();
export function koreanSyllable(token: string): string | null {
  let syllable = syllables.get(token);
  if (syllable === undefined) syllables.set(token, (syllable = readKoreanSyllable(token)));
  return syllable;
}

function readKoreanSyllable(token: string): string | null {
  for (const [pattern, initial] of INITIAL_CLASSES) {
    const head = pattern.exec(token)?.[0];
    if (head === undefined) continue;
    const rest = token.slice(head.length);
    for (const [spelling, vowel] of VOWELS) {
      if (!rest.startsWith(spelling)) continue;
      const final = FINAL_CLASSES[rest.slice(spelling.length)];
      if (final === undefined) continue;
      // The initial-sound rule: ㄹ before i/y is silent, before other vowels it is ㄴ.
      const onset = initial === 'R' ? (/^[IY]/.test(vowel) ? '' : 'N') : initial;
      // 휘 is written Hui as often as Hwi, and Hui is also 희 (the list's Ryom Hui-Bong is リョム・フィボン, 휘): after h
      // the two vowels are one class.
      const nucleus = onset === 'H' && vowel === 'WI' ? 'I' : vowel;
      return `${onset}-${nucleus}-${final}`;
    }
  }
  return null;
}

/**
 * The family key of a Latin token (lower case, no punctuation), or null: a named family (n:muhammad), a Korean
 * surname (ks:ri) or a Korean syllable (k:SONG). Keys of different kinds never meet.
 */
export function familyKey(token: string): string | null {
  const named = FAMILY_OF.get(token);
  if (named) return named;
  const surname = KOREAN_SURNAME_OF.get(token);
  if (surname) return `k:${koreanSyllable(surname)}`;
  if (token.length > 6 || !/^[a-z]+$/.test(token)) return null;
  const syllable = koreanSyllable(token);
  return syllable === null ? null : `k:${syllable}`;
}

/**
 * A word run together from romanized Korean syllables (gwangseong, kwangsong; yeongcheol) split into them, or null
 * when it is not wholly made of them. A syllable after the first begins with a consonant where a split allows it
 * (yuna is yu-na, not yun-a), as both systems mark a vowel-initial syllable inside a word (Kwahak-won, Chae-il) only
 * where it would be read otherwise.
 */
export function splitKoreanSyllables(word: string): string[] | null {
  // No romanization of Korean writes f, q, v, x or z.
  if (word.length > 18 || !/^[a-z]+$/.test(word) || /[fqvxz]/.test(word)) return null;
  return splitFrom(word, false, true, new Set()) ?? splitFrom(word, true, true, new Set());
}

/**
 * `failed` holds the rests already found not to split, so that a long word costs a few dozen tries, not thousands. A
 * syllable that begins with a vowel does not follow one that ends in i (KWANG-IL, CHE-IL, but not MI-ONG: that is a
 * misspelt MYONG, as io is yo).
 */
function splitFrom(word: string, vowelStarts: boolean, first: boolean, failed: Set<string>): string[] | null {
  if (word === '') return [];
  if ((!first && !vowelStarts && /^[aeiouwy]/.test(word)) || failed.has(word)) return null;
  for (let end = Math.min(7, word.length); end > 0; end--) {
    const head = word.slice(0, end);
    if (koreanSyllable(head) === null || (vowelStarts && head.endsWith('i') && /^[aeiouwy]/.test(word.slice(end)))) continue;
    const tail = splitFrom(word.slice(end), vowelStarts, false, failed);
    if (tail) return [head, ...tail];
  }
  failed.add(word);
  return null;
}

/**
 * The key of a word of a Korean organisation's name run together from two syllables or more (KWANGSONG, Gwangseong;
 * RYONBONG, Ryeonbong; TAESONG, Daeseong), the syllables' classes joined: kw:KWANG.SONG. Only for organisations'
 * names (normalize.ts): a person's Korean name is written syllable by syllable, and a word of another language that
 * happens to split into Korean syllables (Putin, Kamal) must keep its own spelling.
 */
export function koreanWordKey(word: string): string | null {
  // The DPRK's Latin writes an aspirate with h (THAEPHYONGSAN), RR without (Taepyeongsan): read alike, as p/t/k.
  const syllables = word.length >= 4 ? splitKoreanSyllables(word.replace(/([ptk])h/g, '$1')) : null;
  if (!syllables || syllables.length < 2) return null;
  return `kw:${syllables.map((s) => koreanSyllable(s)).join('.')}`;
}

/**
 * Two Korean syllables' family keys (k:…) that differ in the initial, the vowel or the final (JONG and KYONG, YONG and
 * KYONG, CHONG and CHOL, YON and YONG): two syllables, not a misspelling. Even a final left out makes another syllable
 * (연 and 용, 현 and 형 are common in names): a misspelt JAN for JANG is missed rather than 이서연 matching RI SU YONG.
 */
export function differentKoreanSyllables(a: string, b: string): boolean {
  if (!a.startsWith('k:') || !b.startsWith('k:')) return false;
  // Compared for every pair of Korean syllables a name comparison meets: each pair of keys is worked out once.
  const pair = `${a}|${b}`;
  let different = differentPairs.get(pair);
  if (different === undefined) differentPairs.set(pair, (different = differentParts(a, b)));
  return different;
}
const differentPairs = new Map<string, boolean>();

function differentParts(a: string, b: string): boolean {
  const [onsetA, vowelA, finalA = ''] = a.slice(2).split('-');
  const [onsetB, vowelB, finalB = ''] = b.slice(2).split('-');
  return onsetA !== onsetB || vowelA !== vowelB || finalA !== finalB;
}

/**
 * The commonest Arabic (and Persian) given names in Arabic script, by a Latin spelling of their family: an Arabic word
 * is otherwise compared by its consonants, which some of them share (محمود Mahmud and محمد Muhammad: mhmd; احمد Ahmad
 * and HAMMID: hmd), so that one known name must not pass for another. Letters as foldName leaves them (hamza carriers
 * off; Persian ی and ک as written, read too in their Arabic forms).
 */
const ARABIC_SCRIPT_NAMES: Record<string, string> = {
  محمد: 'muhammad', محمود: 'mahmud', احمد: 'ahmad', حسن: 'hasan', حسين: 'husayn', عمر: 'umar', عثمان: 'uthman',
  يوسف: 'yusuf', ابراهيم: 'ibrahim', اسماعيل: 'ismail', خالد: 'khalid', مصطفى: 'mustafa', عبدالله: 'abdullah',
  عبدالرحمن: 'abdulrahman', ناصر: 'nasir', جمال: 'jamal', اسامة: 'usama', محسن: 'muhsin', حسني: 'husni', امير: 'amir',
  عيسى: 'isa', حامد: 'hamid',
};

export function arabicScriptFamily(word: string): string | null {
  const latin = ARABIC_SCRIPT_NAMES[word.replace(/ی/g, 'ي').replace(/ک/g, 'ك')];
  return latin === undefined ? null : familyKey(latin);
}
