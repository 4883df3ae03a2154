import { readFileSync } from 'node:fs';
import { ChangeSet, type ChangeEvent, type FieldChange, type Notice } from '../../shared/domain/change-event';
import { diffLists } from '../../shared/domain/diff';
import { parseCsv } from '../../shared/mof/csv';
import { parseXlsx } from '../../shared/mof/xlsx';
import { CSV_WHOLE, WORKBOOK } from '../support/fixtures';

/**
 * The whole real pair: the 2026-03-05 workbook against the whole 2026-08-28 CSV, five months across formats. The
 * truth was read independently, row by row (issue 21): 11 designated, 7 delisted, 53 amended, all in regime 2 and
 * all stamped 改訂 between 2026-03-31 and 2026-08-28. Everything else the two files state differently is either a
 * restatement (the same fact in the other format's shape: counted, not reported) or an unstamped amendment, each
 * listed below with the raw words that justify it.
 */
const DESIGNATED = ['002-000799', '002-000800', '002-000801', ...[7, 8, 9, 10, 11, 12, 13, 14].map((n) => `012-${String(n).padStart(6, '0')}`)];
const DELISTED = ['002-000280', '002-000281', '002-000613', '002-000614', '002-000624', '002-000691', '002-000794'];
const STAMPED = [
  '002-000002', '002-000003', '002-000007', '002-000023', '002-000024', '002-000026', '002-000027', '002-000038',
  '002-000043', '002-000044', '002-000047', '002-000058', '002-000060', '002-000072', '002-000083', '002-000094',
  '002-000113', '002-000121', '002-000146', '002-000160', '002-000161', '002-000185', '002-000278', '002-000282',
  '002-000338', '002-000340', '002-000371', '002-000416', '002-000463', '002-000477', '002-000517', '002-000535',
  '002-000538', '002-000547', '002-000562', '002-000572', '002-000582', '002-000585', '002-000589', '002-000592',
  '002-000598', '002-000601', '002-000605', '002-000610', '002-000621', '002-000625', '002-000629', '002-000670',
  '002-000704', '002-000705', '002-000732', '002-000776', '002-000798',
];

/**
 * What each field of an unstamped amendment shows: for a list, the items added and removed (their first 60
 * characters, ⏎ for a line break); for a text, the words removed and added.
 */
type Shown = { field: string; added: string[]; removed: string[] } | { field: string; removedWords: string; addedWords: string };

/** Every unstamped amendment left, why an analyst should see it, and what it shows. */
const UNSTAMPED: Record<string, [why: string, fields: Shown[]]> = {
  '002-000051': [
    "slip of the CSV: 'Spokesperson of the Spokesperson'",
    [
      { field: "positions.en", added: ["Spokesperson of the Spokesperson of the Taliban Regime"], removed: [] },
    ],
  ],
  '002-000099': [
    "correction: 暗然 → 安全 (a typo in the workbook's その他の情報)",
    [
      { field: "otherInformation", removedWords: "暗然", addedWords: "安全" },
    ],
  ],
  '002-000132': [
    "slip of the CSV: 'Consul General General'",
    [
      { field: "positions.en", added: ["Consul General General, Taliban Consulate General, Peshawar,"], removed: [] },
    ],
  ],
  '002-000182': [
    "correction or slip: death year 2001 → 2020 in その他の情報 only (the CSV's notice text keeps 2001); nationality stated by the CSV alone",
    [
      { field: "nationalities.ja", added: ["エジプト"], removed: [] },
      { field: "otherInformation", removedWords: " 2001", addedWords: "2020" },
    ],
  ],
  '002-000291': [
    "correction: nationality Egypt (workbook) → サウジアラビア (CSV, as its notice text)",
    [
      { field: "nationalities.ja", added: ["サウジアラビア"], removed: [] },
      { field: "nationalities.en", added: [], removed: ["Egypt"] },
    ],
  ],
  '002-000346': [
    "the CSV reads the gloss in 'Shahids (martyrs)' as another word and lists an alias the workbook does not, '…battalion of martyrs' (both languages): a name to screen that only the CSV gives",
    [
      { field: "aliases.ja", added: ["リヤダス・サリヒン・リカナザンス・アンド・サボタージュ・バタリオン・オブ・マーターズ"], removed: [] },
      { field: "aliases.en", added: ["Riyadus-Salikhin Reconnaissance and Sabotage battalion of ma"], removed: [] },
    ],
  ],
  '002-000370': [
    "correction: the Japanese name's typo パルリンドゥガン fixed",
    [
      { field: "name.ja", removedWords: "パルリンドゥガン", addedWords: "パルリンドゥンガン" },
    ],
  ],
  '002-000413': [
    "the CSV states a UN reference number the workbook leaves blank",
    [
      { field: "unReference", removedWords: "", addedWords: "QDi.154" },
    ],
  ],
  '002-000440': [
    "slip of the CSV: 'Afganistan'",
    [
      { field: "addresses", added: ["Salam Marnaq Ben Arous district, Sidi Mesoud, Tunisia; Afgan"], removed: [] },
    ],
  ],
  '002-000462': [
    "the CSV states a UN reference number the workbook leaves blank",
    [
      { field: "unReference", removedWords: "", addedWords: "QDi.187" },
    ],
  ],
  '002-000569': [
    "slip of the CSV: アルカイーダ for アルカーイダ",
    [
      { field: "otherInformation", removedWords: "MuthannaYahyaカーイダ ", addedWords: "Muthanna Yahyaカイーダ " },
    ],
  ],
  '002-000600': [
    "the CSV states more: the name's original script (إبراھیم عواد …), which the workbook's name cell leaves blank ('(original script: )'); the aliases' scripts are in both",
    [
      { field: "otherInformation", removedWords: "1971年にイラクのサマッラにて出生イブラヒーム・アワド・イブラヒーム・アル・バ", addedWords: "إبراھیم عواد إبراھیم علي البدري السامرائ" },
    ],
  ],
  '002-000647': [
    "slip of the CSV: its その他の情報 gives as original script الموقعون بالدم (another group's name, 'those who sign in blood'); the workbook and the CSV's own notice text give الملثمون",
    [
      { field: "otherInformation", removedWords: "الملثمون ", addedWords: "الموقعون بالدم" },
    ],
  ],
  '002-000695': [
    "the CSV spells an alias without the long vowel (アブー・ファライ / アブー・ファーライ)",
    [
      { field: "aliases.ja", added: ["アブー・ファライ・アル・リビー"], removed: [] },
    ],
  ],
  '002-000720': [
    "the original script's words in another order (right-to-left text copied)",
    [
      { field: "otherInformation", removedWords: "تورک ", addedWords: " ک تور" },
    ],
  ],
  '002-000761': [
    "slip of the CSV: its その他の情報 gives as original script 002-000760's name (سالم مصطفى محمد ال منصور); the workbook and the CSV's notice text give this person's, عمر محمود إرحيم الفياض الكبيسي",
    [
      { field: "otherInformation", removedWords: "script:عمرمحمودإرحيمالفياضالكبيسي", addedWords: "script:سالممصطفىمحمدالمنصور" },
    ],
  ],
  '003-000001': [
    "the CSV states more: its その他の情報 names the entries it refers to (186., 288., 202., 192.) where the workbook and the CSV's own notice text say 'listed on the UN's asset-freeze list'",
    [
      { field: "otherInformation", removedWords: "国連の資産凍結措置対象者リスト掲載ウレマ援助組織(国連の資産凍結措置対象者リスト", addedWords: "ウレマ援助組織(288.記載団体。(186.に記載されていた団体)(288.に記" },
    ],
  ],
  '003-000003': [
    "the CSV's 告示日付 and UN reference differ from the workbook's (2025.10.27, no 改訂 stamps)",
    [
      { field: "unReference", removedWords: "", addedWords: "QDi.065" },
      { field: "designatedOn", removedWords: "20020420", addedWords: "20251027" },
      { field: "amendedOn", added: [], removed: ["2007-07-13", "2011-08-05", "2019-06-21", "2022-02-18", "2025-10-10"] },
    ],
  ],
  '003-000005': [
    "correction: 改訂訂 → 改訂 in the UN listing date",
    [
      { field: "unListingDate", removedWords: "訂", addedWords: "" },
    ],
  ],
  '003-000007': [
    "the CSV states more: a pointer to AAS-T's entry (675．に指定した団体) that the workbook and the CSV's own notice text lack",
    [
      { field: "otherInformation", removedWords: "‘Amiri", addedWords: "(675.に指定した団体)ʻAmiri" },
    ],
  ],
  '004-000012': [
    "the CSV states more: （549．に指定した個人）",
    [
      { field: "otherInformation", removedWords: "", addedWords: "(549.に指定した個人)" },
    ],
  ],
  '004-000033': [
    "the CSV lacks the former names the workbook states",
    [
      { field: "formerNames.ja", added: [], removed: ["ISIL東アジア", "ISISフィリピン"] },
      { field: "formerNames.en", added: [], removed: ["IS East Asia Division", "ISIS-Philippines"] },
    ],
  ],
  '005-000004': [
    "the CSV lacks the workbook's 決議1483上の根拠 text",
    [
      { field: "otherInformation", removedWords: "決議1483上の根拠:サッダームの大統領秘書、大統領顧問", addedWords: "" },
    ],
  ],
  '005-000067': [
    "slip of the CSV: its 生年月日 column gives 1980/1/9 where its own notice text, like the workbook, says 1980年1月19日",
    [
      { field: "datesOfBirth", added: ["1980-01-09"], removed: [] },
    ],
  ],
  '005-000085': [
    "the CSV lacks part of the workbook's 決議1483上の根拠 text",
    [
      { field: "otherInformation", removedWords: "決議1483上の根拠:A:前イラク政権幹部との関係入手可能な情報によれば、「『イ", addedWords: "" },
    ],
  ],
  '005-000087': [
    "slip of the workbook: 'イラクん'",
    [
      { field: "otherInformation", removedWords: ":住所:アッザバーダーニー、アルマハッタ近郊、アル・シャヒード・ストリート(シリ", addedWords: "()" },
    ],
  ],
  '009-000005': [
    "the CSV states a UN amendment date (2016年10月13日修正) the workbook does not",
    [
      { field: "unListingDate", removedWords: "", addedWords: "(2016年10月13日修正)" },
    ],
  ],
  '009-000032': [
    "correction or slip: UN listing date 2018年2月1日 → 2018年2月10日",
    [
      { field: "unListingDate", removedWords: "1", addedWords: "10" },
    ],
  ],
  '012-000002': [
    "slip of the CSV: 'Abd Allah Allah', 'Al Nasim Nasim'",
    [
      { field: "aliases.en", added: ["Abd Allah Allah", "Al Nasim Nasim"], removed: [] },
    ],
  ],
  '013-000010': [
    "the CSV states an address the workbook does not",
    [
      { field: "addresses", added: ["平壌特別市普通江区域楽園洞 北朝鮮"], removed: [] },
    ],
  ],
  '014-000014': [
    "the CSV states a note on the alias the workbook does not",
    [
      { field: "otherInformation", removedWords: "", addedWords: "(コリア・マイニング・デベロップメント・トレーディング・コーポレーションが調達活" },
    ],
  ],
  '015-000071': [
    "the CSV states 性別：男性, the workbook does not",
    [
      { field: "otherInformation", removedWords: "", addedWords: "性別:男性" },
    ],
  ],
  '016-000017': [
    "slip of the workbook: three IMO numbers run together (581488358149065000000)",
    [
      { field: "otherInformation", removedWords: "581488358149065000000", addedWords: "5814883; 5814906; 5820255" },
    ],
  ],
  '016-000026': [
    "slip of the CSV: its reading of （プロプライエタリー） adds a Japanese alias without サービスィーズ (…テクニカル・プロプライエタリーリミテッド) that no English alias and no notice text states",
    [
      { field: "aliases.ja", added: ["マンスデ・オーバーシーズ・プロジェクツ・アーキテクチュラル・アンド・テクニカル・プロプライエタリーリミテッド"], removed: [] },
    ],
  ],
  '017-000026': [
    "the CSV states an address and the passport's country (北朝鮮旅券) the workbook does not",
    [
      { field: "passportNumbers", added: ["654410078（北朝鮮旅券）"], removed: [] },
      { field: "addresses", added: ["モスクワ市 ロシア連邦"], removed: [] },
    ],
  ],
  '017-000030': [
    "the CSV states the passport's country (北朝鮮旅券) the workbook does not",
    [
      { field: "passportNumbers", added: ["472234895（北朝鮮旅券）"], removed: [] },
    ],
  ],
  '021-000001': [
    "the CSV's その他の情報 lacks sentences the workbook states",
    [
      { field: "otherInformation", removedWords: "アル・シャバーブは、また、ソマリアへの人道支援の提供、あるいはソマリアにおける人", addedWords: "" },
    ],
  ],
  '021-000009': [
    "the CSV states a passport number the workbook does not",
    [
      { field: "passportNumbers", added: ["パスポート番号：00514146"], removed: [] },
    ],
  ],
  '025-000013': [
    "the CSV states a SWIFT/BIC code the workbook does not",
    [
      { field: "otherInformation", removedWords: "2218890 FAX2216975", addedWords: "2218890FAX2216975SWIFT/BIC CMSY SY DA" },
    ],
  ],
  '026-000043': [
    "slip of the CSV: its list of the name's spellings gives Sergey ZDRYLYUK twice and drops Sergei ZDRYLYUK (its notice text still gives every spelling)",
    [
      { field: "aliases.en", added: [], removed: ["Sergei ZDRYLYUK"] },
    ],
  ],
  '026-000088': [
    "slip of the CSV: 087's post (Minister of the Interior) for Minister of Emergencies and Disaster Relief",
    [
      { field: "positions.en", added: ["Minister of the Interior of the Luhansk People’s Republic", "Minister of the Interior of the Lugansk People’s Republic"], removed: ["Self-proclaimed “Minister of Emergencies and Disaster Relief"] },
    ],
  ],
  '027-000002': [
    "slips of the CSV: Products/Feodosia read as a spelling of the last word (an alias 'Feodosiia Enterprise on Supply of Oil Feodosia' no file states) and a phone number's digits doubled",
    [
      { field: "aliases.en", added: ["Feodosiia Enterprise on Supply of Oil Feodosia"], removed: [] },
      { field: "otherInformation", removedWords: "065", addedWords: " 065065 " },
    ],
  ],
  '027-000003': [
    "slip of the CSV: a phone number's digits doubled",
    [
      { field: "otherInformation", removedWords: "642", addedWords: " 642642  " },
    ],
  ],
  '029-000223': [
    "correction: former name Oljga → Olga",
    [
      { field: "formerNames.en", added: ["Olga Amelchenkova"], removed: [] },
    ],
  ],
  '029-000584': [
    "slip of the CSV: 'Tthe former President'",
    [
      { field: "positions.en", added: ["Tthe former President, the board member of Group Sinara"], removed: [] },
    ],
  ],
  '029-000585': [
    "slip of the CSV: a position split at the wrong 'and'",
    [
      { field: "positions.en", added: ["Owner, Chairman of the Board of Directors for Strategic Plan"], removed: [] },
    ],
  ],
  '029-000705': [
    "correction or variant: former name Tatyana → Tatiana",
    [
      { field: "formerNames.en", added: ["Tatiana Nosenko"], removed: [] },
    ],
  ],
  '042-000002': [
    "slip of the CSV: Latin glosses doubled ('5 Segond5 Segond', 'André André')",
    [
      { field: "otherInformation", removedWords: "Segond", addedWords: " AndréSegond5 SegondSegond" },
    ],
  ],
  '042-000004': [
    "slip of the CSV: a Latin gloss doubled ('San Jou Jou')",
    [
      { field: "otherInformation", removedWords: "", addedWords: " Jou" },
    ],
  ],
};

let result: ChangeSet;
beforeAll(async () => {
  const workbook = await parseXlsx(new Uint8Array(readFileSync(WORKBOOK)), { fileName: 'shisantouketsu20260305.xlsx' });
  const csv = parseCsv(new Uint8Array(readFileSync(CSV_WHOLE)), { fileName: 'shisantouketsu20260828.csv', legend: workbook.legend });
  result = ChangeSet.parse(diffLists(workbook.entries, csv.entries, { file: 'shisantouketsu20260828.csv', sha256: '0'.repeat(64) }));
}, 60_000);

const keysOf = (type: ChangeEvent['type'], stamped?: boolean) =>
  result.changes.filter((c) => c.type === type && (stamped === undefined || (c.stamped !== false) === stamped)).map((c) => c.key);

const short = (value: string) => value.replace(/\n/g, '⏎').slice(0, 60);

function shown(field: FieldChange): Shown {
  if (field.added && field.removed) return { field: field.field, added: field.added.map(short), removed: field.removed.map(short) };
  const words = (op: 'added' | 'removed') => (field.wordDiff ?? []).filter((p) => p.op === op).map((p) => p.text).join('');
  return { field: field.field, removedWords: short(words('removed')).slice(0, 40), addedWords: short(words('added')).slice(0, 40) };
}

describe('the whole 2026-03-05 workbook → the whole 2026-08-28 CSV', () => {
  it('finds the 11 designations', () => {
    expect(keysOf('designated')).toEqual(DESIGNATED);
  });

  it('finds the 7 delistings', () => {
    // Not 002-000274: its workbook row holds only its number and 2012.10.25, a deletion without its 削除 mark.
    expect(keysOf('delisted')).toEqual(DELISTED);
  });

  it('finds the 53 stamped amendments, all in regime 2, stamped between 2026-03-31 and 2026-08-28', () => {
    expect(keysOf('amended', true)).toEqual(STAMPED);
    const stamped = result.changes.filter((c) => c.type === 'amended' && c.stamped !== false);
    expect(new Set(stamped.map((c) => c.regime.number))).toEqual(new Set([2]));
    for (const change of stamped) expect(change.effectiveOn! >= '2026-03-31' && change.effectiveOn! <= '2026-08-28').toBe(true);
  });

  it('reports as unstamped amendments only the differences listed, each with the raw words that justify it', () => {
    const unstamped = result.changes.filter((c) => c.type === 'amended' && c.stamped === false);
    expect(Object.fromEntries(unstamped.map((c) => [c.key, c.fields.map(shown)]))).toEqual(
      Object.fromEntries(Object.entries(UNSTAMPED).map(([key, [, fields]]) => [key, fields])),
    );
    expect(unstamped.every((c) => c.effectiveOn === '2026-08-28')).toBe(true);
  });

  it('keeps the real corrections visible', () => {
    const fields = (key: string) => result.changes.find((c) => c.key === key && c.type === 'amended')?.fields.map((f) => f.field);
    expect(fields('002-000370')).toEqual(['name.ja']);
    expect(fields('002-000182')).toContain('otherInformation');
    expect(fields('002-000291')).toEqual(expect.arrayContaining(['nationalities.ja', 'nationalities.en']));
  });

  it('counts the rest as restated or cosmetic, never as amendments', () => {
    const count = (type: Notice['type']) => result.notices.filter((n) => n.type === type).length;
    // Every listed entry of both editions is accounted for once: changed, restated, cosmetic or untouched.
    expect(count('restated')).toBeGreaterThan(700);
    const noticed = new Set(result.notices.flatMap((n) => ('key' in n ? [n.key] : [])));
    expect(result.changes.filter((c) => noticed.has(c.key))).toEqual([]);
  });
});
