/**
 * Chinese and Hong Kong names as customer records hold them, against the whole 2026-03-05 list (issue 17). Written
 * by hand from the list's own Chinese entries and from public facts, without reference to shared/screening (a test
 * checks the imports). Each query is a real name: a listed person or company as a Chinese customer record would
 * write it, or a real person or company that is not listed.
 *
 * Listed: the list's Chinese and Hong Kong people (regimes 15 and 17) and companies (regimes 14 and 16) are all the
 * Chinese names it holds. Their characters are those of the public reporting on them (the Dandong Hongxiang case of
 * 2016: 马晓红, 周建书, 洪进华, 罗传旭, 丹东鸿祥实业发展有限公司); where no reporting gives them (迟玉鹏, 吴慧慧, 曾永源, a
 * few company names) they are the commonest characters for the listed syllables, which a customer record in
 * characters would hold if the listed spelling is that person's. The list's own Chinese-character aliases
 * (華信船務(香港)有限公司, 沈忠國際海運有限公司, 長安海連技術有限公司) are traditional; customer records in the
 * mainland are simplified. Wade-Giles is as Taiwanese passports write it (no apostrophes, hyphenated given names).
 *
 * Unlisted: the commonest Chinese names (王伟, 李娜, 张伟: the most frequent names in China's 2019 census report of
 * the Ministry of Public Security), people who share a listed person's family name (马超, 周杰, 迟浩田, Donald Tsang
 * Yam-kuen, John Tsang Chun-wah), Hong Kong and Taiwanese public figures in their passport spellings, real Chinese
 * companies that share a place or a word with a listed one (丹东港集团, 华信能源, 香港电讯), and real Japanese
 * people in kanji whose characters read in pinyin share a syllable with a listed name (池田勇人: chi, 周防正行: zhou).
 */

export type ChineseKind =
  | 'characters-person'
  | 'characters-company'
  | 'wade-giles'
  | 'pinyin-variant'
  | 'hong-kong'
  | 'unlisted-chinese'
  | 'unlisted-romanized'
  | 'unlisted-company'
  | 'unlisted-japanese-kanji';

export interface ChineseQuery {
  query: string;
  /** The keys a right answer may hold in its top 3; empty for an unlisted name, which must match nothing. */
  expected: string[];
  kind: ChineseKind;
}

const listed = (kind: ChineseKind, expected: string, ...queries: string[]): ChineseQuery[] => queries.map((query) => ({ query, expected: [expected], kind }));
const unlisted = (kind: ChineseKind, ...queries: string[]): ChineseQuery[] => queries.map((query) => ({ query, expected: [], kind }));

export const CHINESE_QUERIES: readonly ChineseQuery[] = [
  // Listed people in characters, simplified and traditional.
  ...listed('characters-person', '017-000025', '周建书', '周建書'),
  ...listed('characters-person', '017-000023', '马晓红', '馬曉紅'),
  ...listed('characters-person', '017-000017', '洪进华', '洪進華'),
  ...listed('characters-person', '017-000022', '罗传旭', '羅傳旭'),
  ...listed('characters-person', '017-000079', '吴慧慧', '吳慧慧'),
  ...listed('characters-person', '017-000035', '迟玉鹏', '遲玉鵬'),
  ...listed('characters-person', '015-000080', '曾永源'),
  // Listed companies in characters.
  ...listed('characters-company', '014-000059', '华信船务(香港)有限公司', '華信船務(香港)有限公司', '华信船务（香港）有限公司'),
  ...listed('characters-company', '014-000073', '沈忠国际海运有限公司', '沈忠國際海運有限公司'),
  ...listed('characters-company', '014-000055', '长安海连技术有限公司', '長安海連技術有限公司'),
  ...listed('characters-company', '016-000012', '丹东鸿祥实业发展有限公司', '丹東鴻祥實業發展有限公司'),
  ...listed('characters-company', '016-000018', '丹东银行'),
  ...listed('characters-company', '016-000019', '大连环球联合船务有限公司'),
  ...listed('characters-company', '016-000024', '丹东至诚金属材料有限公司'),
  ...listed('characters-company', '016-000023', '丹东富地贸易有限公司'),
  ...listed('characters-company', '016-000025', '金厚国际控股有限公司'),
  ...listed('characters-company', '016-000027', '明正国际贸易有限公司'),
  ...listed('characters-company', '014-000072', '上海东风船务有限公司'),
  ...listed('characters-company', '014-000005', '香港电子'),
  ...listed('characters-company', '016-000028', '青岛建设(纳米比亚)有限公司'),
  // Listed people in Wade-Giles, as a Taiwanese passport writes the same characters.
  ...listed('wade-giles', '017-000025', 'Chou Chien-shu', 'CHOU, CHIEN-SHU'),
  ...listed('wade-giles', '017-000023', 'Ma Hsiao-hung'),
  ...listed('wade-giles', '017-000017', 'Hung Chin-hua'),
  ...listed('wade-giles', '017-000022', 'Lo Chuan-hsu'),
  ...listed('wade-giles', '017-000035', 'Chih Yu-peng'),
  ...listed('wade-giles', '017-000079', 'Wu Hui-hui'),
  // Listed people in pinyin as customer records vary it: given name split or hyphenated, family name last.
  ...listed('pinyin-variant', '017-000025', 'ZHOU Jian Shu', 'Jianshu Zhou', 'Zhou Jian-shu'),
  ...listed('pinyin-variant', '017-000023', 'MA Xiao-hong', 'Xiaohong Ma'),
  ...listed('pinyin-variant', '017-000017', 'Hong Jin Hua', 'Jinhua Hong'),
  ...listed('pinyin-variant', '017-000022', 'Luo Chuan Xu'),
  ...listed('pinyin-variant', '017-000035', 'Yupeng Chi'),
  // Hong Kong and Taiwanese spellings against the list's pinyin, and pinyin against the list's Hong Kong spellings.
  ...listed('hong-kong', '015-000080', 'Zeng Yongyuan', 'Tsang Yung-yuan', 'Yung-yuan Tsang'),
  ...listed('hong-kong', '017-000025', 'Zhou Tony', 'Tony Chow'),
  ...listed('hong-kong', '017-000076', 'CHENG Hung-man', 'Hung Man Cheng'),
  ...listed('hong-kong', '014-000059', 'Hua Xin Shipping (Hong Kong) Limited', 'Huaxin Shipping (HK) Ltd', 'Huaxin Shipping Hong Kong Co., Limited'),
  ...listed('hong-kong', '014-000073', 'Shen Zhong International Shipping Co., Ltd.'),
  ...listed('hong-kong', '014-000017', 'Leader (Hong Kong) International Trading Limited'),

  // Unlisted: common Chinese names, and namesakes of listed people, in characters.
  ...unlisted(
    'unlisted-chinese',
    '王伟', '李娜', '张伟', '王芳', '李伟', '刘伟', '王秀英', '李秀英', '张敏', '李静', '陈静', '杨勇', '黄勇', '刘洋', '张丽',
    '周杰', '马超', '马云', '吴磊', '洪涛', '罗明', '迟浩田', '曾庆红', '吴刚', '周涛', '马丽', '洪亮', '罗杰', '周迅', '吴亦凡',
    '欧阳娜娜', '司马南', '陳大文', '黃小明', '張偉',
  ),
  // Unlisted: the same in pinyin, Hong Kong and Taiwanese spellings.
  ...unlisted(
    'unlisted-romanized',
    'Wang Wei', 'Li Na', 'Zhang Wei', 'Zhou Jie', 'Ma Chao', 'Wu Lei', 'Hong Tao', 'Luo Ming', 'Chi Haotian', 'Zeng Qinghong',
    'Ma Yun', 'Zhou Xun', 'Chan Tai Man', 'Wong Siu Ming', 'Cheung Wai Kin', 'Lau Tak Wah', 'Leung Chiu Wai', 'Ng Man Tat',
    'Tse Ting Fung', 'Chow Yun Fat', 'Tsai Ing-wen', 'Chiang Kai-shek', 'Hsieh Chang-ting', 'Ma Ying-jeou', 'Chen Shui-bian',
    'Lee Teng-hui', 'Wu Den-yih', 'Tsang Yam-kuen', 'Tsang Chun-wah', 'Cheng Yu-tung', 'Hsu Chi', 'Chou Tzu-yu',
  ),
  // Unlisted: real Chinese companies sharing a place or a word with listed ones.
  ...unlisted(
    'unlisted-company',
    '华为技术有限公司', '阿里巴巴集团控股有限公司', '腾讯科技(深圳)有限公司', '中国银行', '中国工商银行', '丹东港集团有限公司',
    '大连港股份有限公司', '威海市商业银行', '上海国际港务(集团)股份有限公司', '中远海运集团有限公司', '香港电讯有限公司',
    '长江实业(集团)有限公司', '华信能源有限公司', '联想集团有限公司', '小米科技有限责任公司', '京东物流集团', '比亚迪股份有限公司',
    'Huawei Technologies Co., Ltd.', 'Dandong Port Group Co., Ltd.', 'CEFC China Energy Company Limited',
  ),
  // Unlisted: real Japanese people in kanji, among them family names whose first character is a listed Chinese one.
  ...unlisted(
    'unlisted-japanese-kanji',
    '田中角栄', '佐藤健', '鈴木一郎', '高橋尚子', '中村俊輔', '林真理子', '金田正一', '石原慎太郎', '安倍晋三', '岸田文雄',
    '菅義偉', '野田佳彦', '池田勇人', '池上彰', '馬場雄大', '周防正行', '呉智英', '馬渕澄夫', '池井戸潤', '曽根康弘', '吉田茂', '小泉純一郎',
    // The prime ministers of Japan (the Prime Minister's Office's list), as their names are written.
    '伊藤博文', '黒田清隆', '山県有朋', '松方正義', '大隈重信', '桂太郎', '西園寺公望', '山本権兵衛', '寺内正毅', '原敬', '高橋是清',
    '加藤友三郎', '加藤高明', '若槻禮次郎', '田中義一', '浜口雄幸', '犬養毅', '斎藤実', '岡田啓介', '広田弘毅', '林銑十郎', '近衛文麿',
    '平沼騏一郎', '阿部信行', '米内光政', '東条英機', '小磯国昭', '鈴木貫太郎', '幣原喜重郎', '片山哲', '芦田均', '鳩山一郎', '石橋湛山',
    '岸信介', '佐藤栄作', '三木武夫', '福田赳夫', '大平正芳', '鈴木善幸', '中曽根康弘', '竹下登', '宇野宗佑', '海部俊樹', '宮沢喜一',
    '細川護熙', '羽田孜', '村山富市', '橋本龍太郎', '小渕恵三', '森喜朗', '福田康夫', '麻生太郎', '鳩山由紀夫', '菅直人', '石破茂',
  ),
];
