import { hasHan } from './chinese';

/**
 * Foreign names in Chinese characters (外国人名汉字译写): the Chinese press and Chinese-language records write a Russian,
 * Arabic or Western name by characters chosen for their sound, one syllable or consonant each, after Xinhua's
 * transcription tables (弗拉基米尔·普京, 谢尔盖·拉夫罗夫, 萨达姆·侯赛因). Each character read as the Latin letters it
 * stands for in those tables, leaning to the Russian and Arabic names the list holds (夫 is -v, 尔 -r, 赫 kh), so that
 * 拉夫罗夫 reads lavrov and 卢卡申科 lukashenko; the reading is a guess, weighed as one (screen.ts). Pure.
 */
const SOUNDS: Readonly<Record<string, string>> = Object.fromEntries(
  `阿a 巴ba 达da 加ga 卡ka 拉la 马ma 玛ma 纳na 帕pa 萨sa 塔ta 瓦va 扎za 哈kha 查cha 沙sha 亚ya 娅ya 法fa 雅ya 叶ye 别be 杰de 格ge 热zhe 泽ze
  克k 列le 梅me 涅ne 佩pe 谢se 捷te 费fe 韦ve 切che 舍she 埃e 耶ye 贝be 德d 特t 伊i 比bi 季di 迪di 吉gi 基ki 利li 里ri 米mi 尼ni 皮pi 西si
  蒂ti 菲fi 维vi 希khi 奇chi 济zi 齐zi 易i 奥o 博bo 多do 戈go 科ko 洛lo 莫mo 诺no 波po 罗ro 索so 托to 福fo 沃vo 霍kho 乔cho 绍sho 佐zo 约yo
  若zho 乌u 布bu 杜du 古gu 库ku 卢lu 穆mu 努nu 普pu 鲁ru 苏su 图tu 富fu 武vu 胡khu 丘chu 舒shu 尤yu 朱zhu 久yu 夫v 尔r 姆m 斯s 茨ts 什sh
  赫kh 兹z 卜b 安an 恩en 因in 翁on 扬yan 延yen 金kin 林lin 宁nin 坦tan 丹dan 兰lan 曼man 南nan 潘pan 桑san 万van 汉khan 詹zhan 杨yan
  根gen 岑tsen 森sen 申shen 明min 平pin 廷tin 温vin 孔kon 东don 顿ton 登den 伦ren 仁ren 京tin 彦yan 田tin 艾ai 赛sai 侯hu 莱lai 默m
  罕han 本ben 勒l 拜bai 海hai 凯kai 麦mai 泰tai 代dai 瑞rui 优yu 于yu 文ven 亨hen 琼jon 奈nai 内ne 盖gei 赖rai 戴dai 贾ja 瑟se 鲍bo
  洪hon 宏hon 弗v 任zhin 芬fin 历li 山shan 迈mai 坚jan 赞zan 玛ma`
    .split(/\s+/)
    .map((pair) => [pair[0]!, pair.slice(1)]),
);
/** Names the press writes by custom rather than by the tables, whole: 亚历山大 is Aleksandr, 穆罕默德 Muhammad. */
const CUSTOMARY: Readonly<Record<string, string>> = {
  亚历山大: 'aleksandr', 穆罕默德: 'muhammad', 阿卜杜勒: 'abdul', 阿卜杜拉: 'abdullah', 奥萨马: 'usama', 阿里: 'ali',
  侯赛因: 'husayn', 卡扎菲: 'qadhafi', 本: 'bin', 尼古拉: 'nikolai', 瓦格纳: 'wagner', 普京: 'putin', 普丁: 'putin',
};
/** A foreign company's kind after its transcribed name (瓦格纳集团, 卡拉什尼科夫集团), in the list's English. */
const COMPANY_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['集团', 'group'], ['公司', 'company'], ['银行', 'bank'], ['銀行', 'bank'], ['康采恩', 'concern'], ['工厂', 'plant'],
];
/** Xinhua's separator between a foreign name's parts (the middle dot), in its several code points. */
const PARTS = /[·・•‧．.\s]+/u;

/**
 * A name in Chinese characters read as the foreign name it transcribes, parts apart, and a company's kind after it in
 * English; null when a character is not a transcription character, or the name is short and has no separator (王明,
 * 马林: a Chinese name, read in pinyin).
 */
export function transcribedForeignName(text: string): string | null {
  if (!hasHan(text)) return null;
  const kind = COMPANY_KINDS.find(([written]) => text.endsWith(written) && [...text].length > written.length + 2);
  if (kind !== undefined) {
    const name = transcribedForeignName(text.slice(0, -kind[0].length));
    return name === null ? null : `${name} ${kind[1]}`;
  }
  const parts = text.split(PARTS).filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && [...parts[0]!].length < 4 && CUSTOMARY[parts[0]!] === undefined)) return null;
  const read: string[] = [];
  for (const part of parts) {
    const customary = CUSTOMARY[part];
    if (customary !== undefined) {
      read.push(customary);
      continue;
    }
    let word = '';
    for (const c of part) {
      const sound = SOUNDS[c];
      if (sound === undefined) return null;
      word += sound;
    }
    // A consonant before r takes a vowel of its own in the characters (普里戈任, 格里戈里): Prigozhin, Grigory.
    read.push(word.replace(/([pbgf])[ue](?=r[aeiou])/g, '$1'));
  }
  return read.join(' ');
}
