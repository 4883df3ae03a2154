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
  // Arabic name parts.
  'muhammad mohammad mohammed mohamed mohamad muhamad muhammed muhamed mohd mohamud mouhamed mohamed mukhammad mukhamed mahomed',
  'ahmad ahmed akhmad akhmed ahmet',
  'mahmud mahmoud mahmood makhmud',
  'husayn hussein hussain husain hossein hosein husein houssein hussien',
  'hasan hassan hasaan',
  'husni hosni',
  'muhsin mohsen mohsin muhsen',
  'qadhafi qaddafi gaddafi gadhafi kadhafi kaddafi gadafi qadafi khadafi gathafi qathafi kadafi',
  'abd abdul abdel abdal abdoul abdu abdol',
  'abdullah abdallah abdulla abdellah abdollah',
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
  'isa issa eisa essa',
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
  'yulia yuriya yuliya yuliia yulya julia',
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

/*
 * One romanized Korean syllable in any system, read as initial + vowel + final and reduced to classes: the voiced and
 * voiceless consonants the systems spell differently merged (g/k, d/t, b/p, j/ch, r/l), and the vowels ŏ (eo, o,
 * and the u of popular spellings: Sung, Chul, Hyun, Jung) and ŭ (eu, u) with o and u. The initial-sound rule of
 * Southern usage (리 → 이 Lee, 류 → 유 Yoo, 로 → 노 Noh) is applied to every syllable, since the North keeps the R.
 */
const INITIAL_CLASSES: Array<[RegExp, string]> = [
  [/^(?:tch|jj|ch|j|c)/, 'C'],
  [/^(?:kk|gg|k|g)/, 'K'],
  [/^(?:tt|dd|t|d)/, 'T'],
  [/^(?:pp|bb|p|b)/, 'P'],
  [/^(?:ss|sh|s)/, 'S'],
  [/^(?:rh|r|l)/, 'R'],
  [/^n/, 'N'],
  [/^m/, 'M'],
  [/^h/, 'H'],
  [/^/, ''],
];
/** Longest spellings first; values are the vowel classes. */
const VOWELS: Array<[string, string]> = [
  ['yeo', 'YO'], ['yae', 'YE'], ['wae', 'WE'], ['weo', 'WO'], ['you', 'YO'], ['yoo', 'YO'], ['eui', 'UI'],
  ['ya', 'YA'], ['ye', 'YE'], ['yo', 'YO'], ['yu', 'YO'], ['wa', 'WA'], ['wo', 'WO'], ['we', 'WE'], ['wi', 'WI'],
  ['oe', 'WE'], ['oi', 'WE'], ['ui', 'UI'], ['ae', 'E'], ['ai', 'E'], ['eo', 'O'], ['eu', 'O'], ['oo', 'O'], ['ou', 'O'],
  ['ee', 'I'], ['yi', 'I'], ['a', 'A'], ['e', 'E'], ['i', 'I'], ['o', 'O'], ['u', 'O'],
];
const FINAL_CLASSES: Record<string, string> = { '': '', k: 'K', g: 'K', kk: 'K', n: 'N', ng: 'NG', l: 'L', r: 'L', m: 'M', p: 'P', b: 'P', t: 'T', d: 'T', s: 'T' };

function koreanSyllable(token: string): string | null {
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
      return `${onset}${vowel}${final}`;
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
