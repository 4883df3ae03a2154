/**
 * A second hand-written screening set (issue 17, second pass), written from public knowledge of how the Russian press
 * and registers, and the Japanese press, write names on the 2026-03-05 list, and from the standards (Ukrainian
 * national romanization, Hepburn katakana), without running the matcher on them first. It shares no code with
 * shared/screening (checked in test/unit/screening/press.test.ts).
 *
 * kinds: cyrillic-company (quoted names, legal form in Russian, nested quotes), ukrainian-cyrillic (people in
 * Ukrainian Cyrillic), korean-katakana (DPRK names as the Japanese press writes them), arabic-katakana, and the
 * unlisted namesakes: russian-suffix (another family's surname sharing a listed surname's stem) and hangul-south
 * (common South Korean names).
 */
export interface PressQuery {
  query: string;
  kind: string;
  /** The listed entries the query names; empty for an unlisted namesake. */
  expected: string[];
}

const listed = (kind: string, rows: Array<[string, ...string[]]>): PressQuery[] => rows.map(([query, ...expected]) => ({ query, kind, expected }));

export const PRESS_QUERIES: PressQuery[] = [
  ...listed('cyrillic-company', [
    ['ПАО «Сбербанк России»', '030-000008'],
    ['ПАО Сбербанк', '030-000008'],
    ['Банк ВТБ (ПАО)', '030-000004'],
    ['ПАО «Банк ВТБ»', '030-000004'],
    ['АО «Концерн «Калашников»»', '028-000048'],
    ['Концерн «Калашников»', '028-000048'],
    ['ЧВК «Вагнер»', '028-000003'],
    ['ЧВК Вагнер', '028-000003'],
    ['ОАО «Белшина»', '032-000007'],
    ['ААТ «Белшына»', '032-000007'],
  ]),
  ...listed('ukrainian-cyrillic', [
    ['Віктор Янукович', '026-000001'],
    ['Янукович Віктор Федорович', '026-000001'],
    ['Олександр Янукович', '026-000293'],
    ['Олександр Лукашенко', '031-000001'],
    ['Володимир Путін', '029-000001'],
    ['Сергій Лавров', '029-000002'],
    ['Ігор Сечін', '029-000017'],
    ['Євгеній Пригожин', '029-000024'],
    ['Рамзан Кадиров', '029-000029'],
    ['Ірина Шойгу', '029-000572'],
  ]),
  ...listed('korean-katakana', [
    ['キム・ヨンチョル', '015-000024', '017-000014'],
    ['キム・ヤンチョル', '015-000024', '017-000014'],
    ['リ・スヨン', '015-000052'],
    ['リ・スヤン', '015-000052'],
    ['チャン・ソンチョル', '015-000056', '017-000007'],
    ['ジャン・ソンチョル', '015-000056', '017-000007'],
    ['パク・ヨンシク', '015-000063'],
    ['バク・ヤンシク', '015-000063'],
    ['リ・ピョンチョル', '015-000077'],
    ['リ・ビョンチュル', '015-000077'],
    ['ル・ピョンチョル', '015-000077'],
  ]),
  ...listed('arabic-katakana', [
    ['ムアマル・カダフィ', '023-000004'],
    ['サダム・フセイン', '005-000001'],
    ['サッダム・フセイン', '005-000001'],
    ['ハムザ・ビンラディン', '002-000773'],
    ['ハムザ・ビン・ラディン', '002-000773'],
    ['アイマン・ザワヒリ', '002-000158'],
    ['アイマン・アル・ザワヒリ', '002-000158'],
    ['セイフ・イスラム・カダフィ', '023-000006'],
    ['ハンニバル・カダフィ', '023-000002'],
    ['ウダイ・フセイン', '005-000003'],
  ]),
  ...listed('russian-suffix', [
    ['Валерий Герасименко'], ['Valery Gerasimenko'], ['Nikolai Patrushin'], ['Viktor Medvedchuk'], ['Alina Kabanova'],
    ['Sergei Afanasenko'], ['Igor Sechenko'], ['Sergei Lavrinenko'], ['Vladimir Putilin'], ['Ramzan Kadyrin'],
    ['Irina Shoigunova'], ['Aleksandr Lukashin'], ['Viktor Yanukovsky'], ['Sergei Lavrikov'], ['Marina Sechinova'],
  ]),
  ...listed('hangul-south', [
    ['김영수'], ['김영호'], ['이수진'], ['김민준'], ['장성민'], ['이서연'], ['김영희'], ['박영철'], ['최용수'], ['김정훈'],
  ]),
];
