import { compareDesignations } from '../../../shared/domain/compare';
import type { Address, Designation } from '../../../shared/domain/designation';

/**
 * One test per shape in which the 2026-03-05 workbook and the 2026-08-28 CSV state the same fact differently, with
 * the values the two files hold for a real entry (key in each test's name). Each shape is restated, not amended;
 * beside it, a real change of the same shape stays an amendment.
 */
type Fields = Partial<Omit<Designation, 'source'>>;

function entry(format: 'csv' | 'xlsx', fields: Fields): Designation {
  const list = { ja: [], en: [] };
  return {
    key: '002-000001',
    regime: { number: 2, title: null },
    noticeNumber: '1',
    noticeMarker: null,
    crossReference: null,
    entityType: 'individual',
    status: 'listed',
    name: { ja: '名前', en: 'NAME' },
    aliases: list,
    formerNames: list,
    weakAliases: list,
    titles: list,
    positions: list,
    datesOfBirth: [],
    placesOfBirth: list,
    nationalities: list,
    passportNumbers: [],
    idNumbers: [],
    addresses: [],
    unReference: null,
    unListingDate: null,
    otherInformation: null,
    designatedOn: '2014-07-30',
    amendedOn: [],
    deletedOn: null,
    noticeText: null,
    ...fields,
    source: { format, row: 3 },
  };
}

const address = (country: [string | null, string | null], detail: [string | null, string | null]): Address => ({
  country: { ja: country[0], en: country[1] },
  detail: { ja: detail[0], en: detail[1] },
});

/** The workbook's values → the CSV's: which fields are restated, which amended. */
function compare(workbook: Fields, csv: Fields) {
  const { material, restated } = compareDesignations(entry('xlsx', workbook), entry('csv', csv));
  return { amended: material.map((f) => f.field), restated: restated.map((f) => f.field) };
}

describe('restated across formats', () => {
  it('自称 and its quotes (026-000018)', () => {
    expect(compare({ positions: { ja: ['「ドネツク人民共和国軍最高司令官」(自称)'], en: [] } }, { positions: { ja: ['ドネツク人民共和国軍最高司令官'], en: [] } })).toEqual({
      amended: [],
      restated: ['positions.ja'],
    });
  });

  it('Self-proclaimed and Luhansk(Lugansk), one value in the workbook, one per spelling in the CSV (026-000047)', () => {
    const workbook = { positions: { ja: [], en: ['Self-proclaimed “Spokesperson of the Luhansk(Lugansk) People’s Republic”'] } };
    const csv = { positions: { ja: [], en: ['Spokesperson of the Luhansk People’s Republic', 'Spokesperson of the Lugansk People’s Republic'] } };
    expect(compare(workbook, csv)).toEqual({ amended: [], restated: ['positions.en'] });
  });

  it('a list joined with 、 in one cell, split into values in the other (017-000003)', () => {
    expect(compare({ positions: { ja: ['朝鮮労働党機械工業部長、国防委員会委員'], en: [] } }, { positions: { ja: ['朝鮮労働党機械工業部長', '国防委員会委員'], en: [] } })).toEqual({
      amended: [],
      restated: ['positions.ja'],
    });
  });

  it('a Latin gloss inside Japanese text (019-000030)', () => {
    const workbook = { positions: { ja: ['イラン原子力庁(AEOI)探査・採掘担当事務所（Office of Exploration and Mining Affairs）高官'], en: [] } };
    expect(compare(workbook, { positions: { ja: ['イラン原子力庁探査・採掘担当事務所高官'], en: [] } }).amended).toEqual([]);
  });

  it('notes on when an address held, and the CSV joining addresses and countries (002-000703)', () => {
    const workbook = { addresses: [address(['シリア・アラブ共和国', null], ['（2013年時点）', null]), address(['英国', null], ['（2013年以前の住所）', null])] };
    const csv = { addresses: [address(['シリア・アラブ共和国; 英国', null], [null, null])] };
    expect(compare(workbook, csv)).toEqual({ amended: [], restated: ['addresses'] });
  });

  it('places in the workbook’s prose, split out by the CSV (002-000268)', () => {
    const workbook = { addresses: [address([null, null], ['2012年11月時点でソマリア南部において活動; 2007年11月時点でエリトリアに所在していると伝えられている。', null])] };
    const csv = { addresses: [address(['ソマリア南部; エリトリア', null], [null, null])] };
    expect(compare(workbook, csv).amended).toEqual([]);
  });

  it('a passport number and its note on two lines, or in one cell (002-000291)', () => {
    expect(compare({ passportNumbers: ['456682', '（1990年11月6日発行、1995年9月13日失効）'] }, { passportNumbers: ['456682（1990年11月6日発行、1995年9月13日失効）'] })).toEqual({
      amended: [],
      restated: ['passportNumbers'],
    });
  });

  it('an ID number and its label run together (002-000130)', () => {
    const workbook = { idNumbers: ['アフガニスタン国民ＩＤカード番号（tazkira）', '番号：55130'] };
    expect(compare(workbook, { idNumbers: ['アフガニスタン国民ＩＤカード番号（tazkira） 番号：55130'] }).amended).toEqual([]);
  });

  it('頃 and 又は in dates of birth (002-000074, 005-000061)', () => {
    expect(compare({ datesOfBirth: ['1965年頃'] }, { datesOfBirth: ['1965年'] }).amended).toEqual([]);
    expect(compare({ datesOfBirth: ['1980年または1983年'] }, { datesOfBirth: ['1980年', '1983年'] }).amended).toEqual([]);
  });

  it('Japanese dates and ISO dates, a list of them in one cell (021-000013)', () => {
    expect(compare({ datesOfBirth: ['1960年11月11日、1967年11月11日、1969年11月11日'] }, { datesOfBirth: ['1960-11-11', '1967-11-11', '1969-11-11'] }).amended).toEqual([]);
  });

  it('a month and day whose year is the date before’s, and the wording of the UN’s amendment dates (002-000290, 037-000002)', () => {
    expect(
      compare(
        { unListingDate: '2002年4月24日（2019年5月1日、2021年11月15日、2025年10月6日、2025年10月21日改訂）' },
        { unListingDate: '２００２年４月２４日（２０１９年５月１日、２０２１年１１月１５日、２０２５年１０月６日、１０月２１日改訂）' },
      ).amended,
    ).toEqual([]);
    expect(compare({ unListingDate: '2014年5月9日\n（2014年11月4日、2019年3月1日及び2019年9月6日修正）' }, { unListingDate: '2014年５月９日（改訂日2014年11月４日、2019年３月１日及び2019年９月６日）' }).amended).toEqual([]);
  });

  it('a nationality the CSV’s column lacks but its notice text states (002-000053)', () => {
    const csv = { nationalities: { ja: [], en: [] }, noticeText: '称号：Mullah （ムラー）…国籍：アフガニスタン旅券番号：不明' };
    expect(compare({ nationalities: { ja: ['アフガニスタン'], en: [] } }, csv)).toEqual({ amended: [], restated: ['nationalities.ja'] });
  });

  it('original script moved from the aliases to その他の情報 (002-000164)', () => {
    const workbook = { aliases: { ja: [], en: ['Saqr Al-Jaddawi', 'صقر الجداوي'] } };
    const csv = { aliases: { ja: [], en: ['Saqr Al-Jaddawi'] }, otherInformation: '(original script: صقر الجداوي)' };
    expect(compare(workbook, csv).amended).toEqual([]);
  });

  it('regime 5’s 決議1483上の根拠 label, a cell in the workbook and a heading in the CSV’s その他の情報 (005-000089)', () => {
    const text = '前イラク政権幹部との近い親類関係\nサアド・サバーウィー・イブラーヒーム・ハサン・アル・ティクリーティーは、前政権幹部と近い親類関係にある。';
    expect(compare({ otherInformation: `決議1483上の根拠：${text}` }, { otherInformation: `（決議1483上の根拠）${text.replace('\n', '')}` }).amended).toEqual([]);
  });

  it('original script labelled after the script, and a pointer to another entry the CSV drops (002-000774, 007-000200)', () => {
    const script = 'طارق گيدڑ گروپ';
    expect(compare({ otherInformation: `(${script}:original script)\nパキスタン・タリバーン運動の分派。` }, { otherInformation: `(original script:${script})パキスタン・タリバーン運動の分派。` }).amended).toEqual([]);
    expect(compare({ otherInformation: '詳細：（連盟番号）CH-2 17-0-431-423-3（スイス）\n［概要の説明は本リストの199番を参照］' }, { otherInformation: '（連盟番号）CH-2 17-0-431-423-3（スイス）' }).amended).toEqual([]);
  });

  it('指定の根拠： a heading in the workbook, run into the sentence before in the CSV (012-000001)', () => {
    const workbook = { otherInformation: 'スーダン国軍から退役。ウェブリンク：https://www.interpol.int/en/notice/search/un/5282254\n指定の根拠：専門家パネルの報告において、少将は述べた。' };
    const csv = { otherInformation: 'スーダン国軍から退役。ウェブリンク：https://www.interpol.int/en/notice/search/un/5282254専門家パネルの報告において、少将は述べた。' };
    expect(compare(workbook, csv).amended).toEqual([]);
  });

  it('the language an alias is written in, marked by the workbook (002-000716, 023-000016)', () => {
    const aliases = (ja: string[], en: string[]) => ({ aliases: { ja, en } });
    expect(compare(aliases(['アフマッド・シシャニ', '【ロシア語】'], []), aliases(['アフマッド・シシャニ'], [])).amended).toEqual([]);
    expect(compare(aliases([], ['Ermias ティグリニャ語']), aliases([], ['Ermias'])).amended).toEqual([]);
  });

  it('the country written inside the workbook’s address, in its own column in the CSV (014-000072, 028-000046)', () => {
    const workbook = { addresses: [address([null, null], ['200083中華人民共和国上海市虹口区赤峰路433、601室', null])] };
    expect(compare(workbook, { addresses: [address(['中華人民共和国', null], ['200083 上海市虹口区赤峰路433、601室', null])] }).amended).toEqual([]);
    const moscow = { addresses: [address([null, 'Russia'], [null, '24 Usacheva Street, Moscow, Russia 119048, 21 Gogolevsky Blvd., Moscow 119991.'])] };
    expect(compare(moscow, { addresses: [address([null, 'Russia'], [null, '24 Usacheva Street, Moscow 119048, 21 Gogolevsky Blvd., Moscow 119991.'])] }).amended).toEqual([]);
  });

  it('list markers (a), (i), (ii) numbering the items of a workbook cell, the CSV’s items parted by ; (002-000622)', () => {
    const workbook = { addresses: [address([null, 'Afghanistan'], [null, 'Branch Office 2: (i)Safar Bazaar, Garmser District, Helmand Province, Afghanistan (ii)Main Bazaar, Safar, Helmand Province'])] };
    const csv = { addresses: [address([null, 'Afghanistan'], [null, 'Safar Bazaar, Garmser District, Helmand Province;  Main Bazaar, Safar, Helmand Province'])] };
    const noticeText = '所在地：(b)Branch Office 2: (i)Safar Bazaar, Garmser District, Helmand Province, Afghanistan (ii)Main Bazaar, Safar, Helmand Province, Afghanistan';
    expect(compare(workbook, { ...csv, noticeText })).toEqual({ amended: [], restated: ['addresses'] });
  });

  it('accented Latin place names joined by a bare comma in the CSV (037-000007)', () => {
    const workbook = { addresses: [address(['中央アフリカ共和国', null], ['バンギ', 'Bangui']), address([null, null], ['バミンギ・バンゴラン県（Bamingui-Bangoran）ンデレ（Ndélé）', null])] };
    const csv = { addresses: [address(['中央アフリカ共和国', null], ['バンギ; バミンギ・バンゴラン県ンデレ', 'Bangui; Ndélé,Bamingui-Bangoran'])] };
    expect(compare(workbook, csv)).toEqual({ amended: [], restated: ['addresses'] });
  });

  it('a Latin place name in the workbook’s Japanese half, in the CSV’s English one (013-000016)', () => {
    const workbook = { addresses: [address([null, null], ['Fribourg, FR, スイス', null])] };
    expect(compare(workbook, { addresses: [address(['スイス', null], [null, 'Fribourg, FR,'])] })).toEqual({ amended: [], restated: ['addresses'] });
  });

  it('a street’s other rendering in parentheses, in place of the word or of as many words, one address per rendering in the CSV (027-000002, 027-000001)', () => {
    const feodosia = { addresses: [address([null, 'Crimea'], [null, 'Ulitsa Geologicheskaya(Geologicheskaia Street) 2，Feodosiia(Feodosia)'])] };
    const feodosiaCsv = { addresses: [address([null, 'Crimea'], [null, 'Ulitsa Geologicheskaya 2,Feodosiia; Ulitsa Geologicheskaia Street 2,Feodosia'])] };
    expect(compare(feodosia, feodosiaCsv)).toEqual({ amended: [], restated: ['addresses'] });
    const simferopol = { addresses: [address([null, 'Crimea'], [null, 'Prospekt Kirova(Kirova Avenue)/Pereulok Sovnarkomovskii(Sovnarkomovskiy Lane) 52/1, Simfelopol'])] };
    const simferopolCsv = { addresses: [address([null, 'Crimea'], [null, 'Prospekt Kirova/Pereulok Sovnarkomovskii 52/1, Simfelopol; Kirova Avenue/Sovnarkomovskiy Lane 52/1, Simfelopol'])] };
    expect(compare(simferopol, simferopolCsv)).toEqual({ amended: [], restated: ['addresses'] });
  });

  it('a spelling given once (Sanatan (またはSanatin)) for a word the address repeats (002-000690)', () => {
    const workbook = { addresses: [address([null, null], [null, 'Sanatan (またはSanatin) Bazaar， Sanatan Bazaar Street， Trench (またはTranch) Road， Chaman， Baluchistan Province， Pakistan'])] };
    const csv = {
      addresses: [
        address([null, 'Pakistan'], [null, 'Sanatan Bazaar Street,Trench Road,Chaman,Baluchistan Province,; Sanatin Bazaar Street,Trench Road,Chaman,Baluchistan Province,; Sanatan Bazaar Street,Tranch Road,Chaman,Baluchistan Province,; Sanatin Bazaar Street,Tranch Road,Chaman,Baluchistan Province,']),
      ],
      noticeText: '所在地：(a)Sanatan (または Sanatin) Bazaar， Sanatan Bazaar Street， Trench (または Tranch) Road， Chaman， Baluchistan Province， Pakistan',
    };
    expect(compare(workbook, csv)).toEqual({ amended: [], restated: ['addresses'] });
  });

  it('the Arabic script of an earlier listing: a note on the workbook’s alias, an original script in the CSV’s その他の情報 (002-000285)', () => {
    const info = 'アル・カーイダ（１６６．に指定した団体）の調整・連絡専門家。';
    const workbook = { otherInformation: info, aliasNotes: [{ alias: 'Abu Bakr al-Jaziri', note: 'previously listed as (以前のリスト記載ぶり), in Arabic: أبوبكر الجزائري' }] };
    expect(compare(workbook, { otherInformation: `(original script: أبوبكر الجزائري)${info}` })).toEqual({ amended: [], restated: ['otherInformation'] });
  });

  it('a head shared by the posts listed after it, written out for each by the CSV (009-000031)', () => {
    const workbook = { positions: { ja: ['３月２３日運動（M23）の旅団指揮官、大佐', 'コンゴ民主共和国国軍（FARDC）大佐'], en: [] } };
    const csv = { positions: { ja: ['３月２３日運動（M23）の旅団指揮官', '３月２３日運動（M23）の大佐', 'コンゴ民主共和国国軍（FARDC）大佐'], en: [] } };
    expect(compare(workbook, csv)).toEqual({ amended: [], restated: ['positions.ja'] });
  });

  it('国連安保理 for 国連安全保障理事会, a space left inside the word or not (003-000019)', () => {
    const other = (text: string) => ({ otherInformation: text });
    expect(compare(other('国連安全保 障理事会決議第1822号（2008年）に基づく見直しは2010年６月21日に終了した。'), other('国連安保理決議第1822号（2008年）に基づく見直しは2010年６月21日に終了した。'))).toEqual({
      amended: [],
      restated: ['otherInformation'],
    });
  });
});

describe('still amended across formats', () => {
  it('a nationality each format writes in another language (002-000291: Egypt → サウジアラビア)', () => {
    expect(compare({ nationalities: { ja: [], en: ['Egypt'] } }, { nationalities: { ja: ['サウジアラビア'], en: [] } }).amended).toEqual(['nationalities.ja', 'nationalities.en']);
  });

  it('a Japanese name’s typo fixed (002-000370)', () => {
    expect(compare({ name: { ja: 'パルリンドゥガン・シレガル', en: 'PARLINDUNGAN SIREGAR' } }, { name: { ja: 'パルリンドゥンガン・シレガル', en: 'PARLINDUNGAN SIREGAR' } }).amended).toEqual(['name.ja']);
  });

  it('a death year changed in one column while the notice text keeps the old one (002-000182)', () => {
    const csv = { otherInformation: '２０２０年１０月に死亡したと報告されている。', noticeText: 'その他の情報：２００１年１０月に死亡したと報告されている。' };
    expect(compare({ otherInformation: '２００１年１０月に死亡したと報告されている。' }, csv).amended).toEqual(['otherInformation']);
  });

  it('another post, though the qualifier and the spellings are read as above (026-000088)', () => {
    const workbook = { positions: { ja: [], en: ['Self-proclaimed “Minister of Emergencies and Disaster Relief of the Luhansk (Lugansk) People’s Republic”'] } };
    const csv = { positions: { ja: [], en: ['Minister of the Interior of the Luhansk People’s Republic', 'Minister of the Interior of the Lugansk People’s Republic'] } };
    expect(compare(workbook, csv).amended).toEqual(['positions.en']);
  });

  it('a word doubled by one file (002-000132)', () => {
    const position = (p: string) => ({ positions: { ja: [], en: [p] } });
    expect(compare(position('Consul General, Taliban Consulate General, Peshawar, Pakistan'), position('Consul General General, Taliban Consulate General, Peshawar, Pakistan')).amended).toEqual(['positions.en']);
  });

  it('a numbered item the other edition names nowhere, though the list markers are read as above (002-000622)', () => {
    const workbook = { addresses: [address([null, 'Afghanistan'], [null, 'Branch Office 2: (i)Safar Bazaar, Garmser District, Helmand Province, Afghanistan (ii)Main Bazaar, Safar, Helmand Province'])] };
    const csv = { addresses: [address([null, 'Afghanistan'], [null, 'Safar Bazaar, Garmser District, Helmand Province'])] };
    expect(compare(workbook, csv).amended).toEqual(['addresses']);
  });

  it('a Latin place name in the workbook’s Japanese half that the CSV’s English half no longer names (013-000016)', () => {
    const workbook = { addresses: [address([null, null], ['Fribourg, FR, スイス', null])] };
    expect(compare(workbook, { addresses: [address(['スイス', null], [null, 'Geneva, GE,'])] }).amended).toEqual(['addresses']);
  });

  it('a remark in parentheses is no rendering of the word before it, though its first letter is the same (026-000318)', () => {
    const workbook = { positions: { ja: [], en: ['Member of the Federation Council of the Russian Federation (from self-proclaimed“Luhansk People’s Republic”)'] } };
    const csv = { positions: { ja: [], en: ['Member of the Federation Council of the Russian from Luhansk People’s Republic'] } };
    expect(compare(workbook, csv).amended).toEqual(['positions.en']);
  });

  it('a street spelt in a way the workbook does not give (027-000002)', () => {
    const feodosia = { addresses: [address([null, 'Crimea'], [null, 'Ulitsa Geologicheskaya(Geologicheskaia Street) 2，Feodosiia(Feodosia)'])] };
    expect(compare(feodosia, { addresses: [address([null, 'Crimea'], [null, 'Ulitsa Geologicheskaya 2,Feodosiia; Ulitsa Geologiya Street 2,Feodosia'])] }).amended).toEqual(['addresses']);
  });

  it('a post under the shared head that the workbook does not list (009-000031)', () => {
    const workbook = { positions: { ja: ['３月２３日運動（M23）の旅団指揮官、大佐'], en: [] } };
    expect(compare(workbook, { positions: { ja: ['３月２３日運動（M23）の旅団指揮官', '３月２３日運動（M23）の少将'], en: [] } }).amended).toEqual(['positions.ja']);
  });

  it('another UN body than the Security Council (安保理 is not 総会)', () => {
    const other = (text: string) => ({ otherInformation: text });
    expect(compare(other('国連安全保障理事会決議第1822号に基づく見直し。'), other('国連総会決議第1822号に基づく見直し。')).amended).toEqual(['otherInformation']);
  });

  it('a place named neither in the other edition’s address nor anywhere else in its entry', () => {
    const workbook = { addresses: [address(['シリア・アラブ共和国', null], ['（2013年時点）', null])] };
    expect(compare(workbook, { addresses: [address(['シリア・アラブ共和国; イラク', null], [null, null])] }).amended).toEqual(['addresses']);
  });
});
