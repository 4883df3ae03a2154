/**
 * The Sino-Korean readings (한자음) of the characters Korean names are written with: the commonest family names
 * (the 2015 census's surnames held by more than ten thousand people, read as surnames: 金 김, not 금; 沈 심, not 침)
 * and the characters of given names, each with its reading as the North writes it, without the South's initial-sound
 * rule (李 리, 柳 류, 林 림, 龍 룡, 烈 렬): transliterate.ts and the spelling families meet Lee, Yoo and Lim from there.
 * Written from the standard readings (a character with two readings, 北 북/배, has the one names use). Pure data.
 *
 * The npm package `hanja` (1.1.5, MIT, no dependencies) holds the readings of 27,000 characters, but not as surnames
 * (金 is 금 there) and with the South's rule applied at a word's start; it is not a dependency (see README).
 */

/** Family names: one or two characters, with their reading. */
const SURNAMES_BY_READING: Record<string, string> = {
  김: '金', 리: '李', 박: '朴', 최: '崔', 정: '鄭丁程', 강: '姜康江', 조: '趙曺曹', 윤: '尹', 장: '張蔣章', 림: '林任', 한: '韓',
  오: '吳', 서: '徐', 신: '申辛愼', 권: '權', 황: '黃', 안: '安', 송: '宋', 류: '柳劉', 전: '全田錢', 홍: '洪', 고: '高', 문: '文',
  량: '梁', 손: '孫', 배: '裵裴', 백: '白', 허: '許', 남: '南', 심: '沈', 로: '盧魯', 하: '河', 곽: '郭', 성: '成', 차: '車',
  주: '朱周', 우: '禹', 구: '具', 민: '閔', 라: '羅', 진: '陳秦', 지: '池', 엄: '嚴', 채: '蔡', 원: '元', 천: '千', 방: '方房',
  공: '孔', 현: '玄', 함: '咸', 변: '卞邊', 렴: '廉', 양: '楊', 여: '呂', 추: '秋', 도: '都', 소: '蘇', 석: '石', 선: '宣',
  설: '薛', 마: '馬', 길: '吉', 연: '延', 위: '魏', 표: '表', 명: '明', 기: '奇', 반: '潘', 왕: '王', 금: '琴', 옥: '玉', 육: '陸',
  인: '印', 맹: '孟', 제: '諸', 탁: '卓', 모: '牟', 국: '鞠', 어: '魚', 은: '殷', 편: '片', 용: '龍', 예: '芮', 경: '景', 봉: '奉',
  사: '史', 부: '夫', 황보: '皇甫', 남궁: '南宮', 제갈: '諸葛', 선우: '鮮于', 독고: '獨孤', 사공: '司空', 서문: '西門',
};

/** The characters of given names, by reading. */
const GIVEN_BY_READING: Record<string, string> = {
  가: '佳嘉可家', 각: '珏覺', 간: '幹侃', 갑: '甲', 강: '康江剛綱姜岡', 개: '開凱', 거: '巨擧', 건: '建健乾件', 걸: '傑杰', 검: '儉劍',
  겸: '謙兼', 경: '京慶景敬卿璟炅鏡庚耕經輕瓊', 계: '桂啓季癸', 고: '高古固', 곤: '坤昆', 공: '公功孔', 관: '寬官觀冠', 광: '光廣洸',
  교: '敎喬', 구: '九求久俱救球', 국: '國菊局', 군: '君軍郡', 권: '權', 규: '奎圭珪揆', 균: '均鈞', 근: '根槿勤謹', 금: '金錦琴今',
  기: '基起其紀琪祺箕騏麒機技', 길: '吉', 나: '娜那', 남: '南男楠', 내: '乃', 녀: '女', 년: '年', 농: '農', 능: '能',
  단: '丹端', 달: '達', 담: '潭淡', 대: '大泰代', 덕: '德悳', 도: '道度都道燾島', 돈: '敦', 동: '東同童棟', 두: '斗杜', 득: '得',
  라: '羅', 란: '蘭', 람: '嵐', 랑: '郞朗', 래: '來萊', 량: '良亮諒樑', 려: '麗呂', 력: '力', 련: '蓮連鍊', 렬: '烈列', 렴: '廉',
  령: '玲令齡', 례: '禮', 로: '魯路露', 록: '祿錄綠', 룡: '龍', 류: '柳流留', 륜: '倫侖', 률: '律', 륭: '隆', 름: '凜', 리: '利里理莉梨',
  린: '麟隣', 림: '林琳', 립: '立', 마: '馬', 만: '萬滿晩', 매: '梅', 명: '明命銘鳴', 모: '模茂謨', 목: '木睦', 몽: '夢', 무: '武茂舞務',
  묵: '默', 문: '文汶紋聞', 미: '美味薇', 민: '敏民珉旻玟閔', 박: '博', 반: '盤', 방: '方邦芳', 배: '培', 백: '伯百白栢', 범: '範凡汎',
  벽: '碧', 병: '炳秉丙柄昞兵', 보: '寶普甫保輔', 복: '福馥', 본: '本', 봉: '鳳奉峰峯逢', 부: '富夫', 분: '芬', 빈: '彬斌賓', 사: '士師思',
  산: '山', 삼: '三森', 상: '相尙祥常上商', 새: '璽', 생: '生', 서: '瑞緖舒', 석: '錫石碩奭', 선: '善宣先仙璇鮮', 설: '雪卨', 섭: '燮涉',
  성: '成聖誠星性晟盛城', 세: '世洗勢', 소: '素昭炤', 송: '松宋頌', 수: '秀洙壽守洙修秀樹水銖', 숙: '淑肅', 순: '順淳純舜洵', 술: '述',
  숭: '崇', 승: '承勝昇升', 시: '時始', 식: '植湜軾式', 신: '信新臣愼伸', 실: '實', 심: '心深', 아: '雅娥亞', 안: '安', 애: '愛',
  양: '陽揚', 억: '億', 언: '彦', 엄: '嚴', 여: '與如汝', 연: '然延姸淵燕硏演蓮', 열: '悅', 염: '炎', 엽: '燁', 영: '英永榮泳映瑛暎鍈',
  예: '藝睿', 오: '五吾', 옥: '玉沃', 온: '溫', 완: '完琓', 왕: '王旺', 요: '堯耀', 용: '勇容墉鎔庸湧溶甬', 우: '宇祐佑雨友禹羽優',
  욱: '旭昱郁煜', 운: '雲運云', 웅: '雄熊', 원: '元源遠媛元院垣', 월: '月', 위: '偉緯', 유: '裕有維惟', 윤: '允潤胤尹', 율: '栗',
  은: '恩銀殷隱', 을: '乙', 음: '音', 응: '應', 의: '義宜儀誼', 이: '二伊', 익: '益翼', 인: '仁寅仁印麟', 일: '日一逸溢',
  임: '任', 자: '子慈滋', 작: '作', 장: '長章張壯將莊', 재: '在載宰才哉材', 전: '全典田傳銓', 정: '正貞政廷定晶禎鼎淨靜庭旌', 제: '濟帝齊',
  조: '祖朝照祚', 종: '鍾鐘宗鐘淙琮', 주: '柱株珠周主宙注', 준: '俊準峻浚埈晙駿濬', 중: '中重仲', 지: '志智知芝址池之枝', 직: '直稷',
  진: '鎭振眞珍進晋辰震陳', 집: '集', 찬: '燦贊讚璨', 찰: '察', 창: '昌彰滄倉蒼', 채: '彩采', 천: '天千泉川', 철: '哲喆鐵澈徹',
  청: '淸靑', 초: '初超', 춘: '春', 충: '忠', 치: '治致', 칠: '七', 쾌: '快', 탁: '卓', 탄: '炭', 태: '泰太台兌', 택: '澤宅', 평: '平',
  포: '浦', 표: '杓表', 풍: '豊風', 필: '弼必', 하: '河夏昰厦', 학: '學鶴', 한: '漢翰韓', 함: '涵', 항: '恒航', 해: '海解', 행: '幸',
  향: '香向', 허: '許', 헌: '憲軒', 혁: '赫爀革', 현: '鉉賢玄炫顯鉉峴絢', 협: '協', 형: '亨炯衡瀅瑩', 혜: '惠慧', 호: '浩鎬昊皓虎豪好湖',
  홍: '洪弘鴻', 화: '和華花化', 환: '煥桓換', 활: '活', 황: '晃滉黃', 회: '會', 효: '孝曉', 후: '厚后', 훈: '勳薰訓熏', 휘: '輝徽',
  흠: '欽', 흥: '興', 희: '熙喜希姬禧憙', 극: '克極', 돌: '乭',
};

/**
 * The characters of the words of DPRK organisations' names (korean.ts), in traditional forms and in the forms Japan
 * writes them (総 for 總, 会 for 會, 発 for 發, 鉱 for 鑛): 朝鮮貿易銀行, 偵察総局 and 朝鮮鉱業開発貿易会社 are how the
 * Japanese press writes three of them.
 */
const WORD_CHARACTERS_BY_READING: Record<string, string> = {
  조: '朝組', 선: '鮮宣船煽扇', 무: '貿武', 역: '易', 은: '銀', 행: '行', 상: '商', 업: '業', 총: '總総', 회: '會会', 사: '社査事司',
  개: '開', 발: '發発', 광: '鑛鉱光', 해: '海', 운: '運', 기: '技機', 술: '術', 합: '合', 영: '營営', 신: '信', 용: '用',
  국: '國国局', 제: '際第濟済', 공: '工空', 성: '省星', 부: '部', 정: '偵', 찰: '察', 원: '原員院', 자: '子', 력: '力', 위: '委',
  경: '經経', 보: '保', 험: '險険', 민: '民', 족: '族', 중: '中', 앙: '央', 군: '軍', 수: '需輸', 직: '織', 지: '指', 도: '導',
  전: '傳伝戰戦', 동: '動働', 건: '建', 설: '設', 계: '械', 우: '宇', 주: '宙', 석: '石', 유: '油', 탐: '探', 출: '出', 입: '入',
  화: '化', 학: '學学', 과: '科', 항: '航', 련: '聯連', 농: '農', 산: '産山', 박: '舶', 관: '管', 리: '理', 대: '對対大', 외: '外',
  략: '略', 인: '人', 호: '號号', 실: '室', 작: '作', 창: '創',
  // The party's name as the Japanese press writes it (朝鮮労働党中央軍事委員会): 働 is Japan's own character for 動 in 勞動.
  로: '勞労', 당: '黨党', 북: '北',
};

const invert = (table: Record<string, string>) => {
  const map = new Map<string, string>();
  for (const [reading, chars] of Object.entries(table)) for (const c of chars) if (!map.has(c)) map.set(c, reading);
  return map;
};
const GIVEN = invert(GIVEN_BY_READING);
const SURNAME = new Map<string, string>();
for (const [reading, chars] of Object.entries(SURNAMES_BY_READING)) {
  if ([...reading].length === 2) SURNAME.set(chars, reading);
  else for (const c of chars) SURNAME.set(c, reading);
}

/** The same words in simplified characters, as a Chinese record writes a DPRK name (朝鲜光鲜银行, 朝鲜矿业开发贸易会社). */
const SIMPLIFIED_WORD_CHARACTERS_BY_READING: Record<string, string> = {
  선: '鲜', 무: '贸', 은: '银', 업: '业', 총: '总', 개: '开', 발: '发', 광: '矿', 운: '运', 술: '术', 영: '营', 제: '际济',
  경: '经', 험: '险', 전: '传战', 학: '学', 대: '对', 련: '联连', 농: '农', 산: '产', 원: '员', 설: '设', 동: '动', 직: '织',
  도: '导', 계: '械', 기: '机', 수: '输', 려: '丽', 강: '刚', 봉: '凤', 룡: '龙', 흥: '兴', 진: '进', 혁: '革', 장: '长', 정: '侦',
  로: '劳', 당: '党', 위: '委', 회: '会', 군: '军', 사: '事',
};
const WORD_CHARACTERS = new Map([...invert(SIMPLIFIED_WORD_CHARACTERS_BY_READING), ...invert(WORD_CHARACTERS_BY_READING)]);

/**
 * The Japanese forms (新字体) of characters the tables hold in their Korean (traditional) form: the Japanese press writes
 * a Korean name in them (朴鎮赫 for 朴鎭赫, Park Jin Hyok).
 */
const JAPANESE_FORMS: Readonly<Record<string, string>> = {
  鎮: '鎭', 真: '眞', 鉄: '鐵', 竜: '龍', 栄: '榮', 広: '廣', 国: '國', 徳: '德', 恵: '惠', 暁: '曉', 賛: '贊', 沢: '澤',
  学: '學', 清: '淸', 青: '靑', 実: '實', 寿: '壽', 万: '萬', 与: '與', 来: '來', 済: '濟', 呉: '吳',
};
const traditional = (c: string) => JAPANESE_FORMS[c] ?? c;

/** Characters read in Hangul one by one (朝鮮貿易銀行 → 조선무역은행); null when one of them is not in the tables. */
export function hanjaToHangul(han: string): string | null {
  let out = '';
  for (const written of han) {
    const c = traditional(written);
    const reading = /[ 0-9]/.test(c) ? c : (WORD_CHARACTERS.get(c) ?? GIVEN.get(c) ?? SURNAME.get(c));
    if (reading === undefined) return null;
    out += reading;
  }
  return out;
}

/**
 * A name in hanja read in Hangul, family name and given name apart (金英哲 → 김 영철, 南宮民 → 남궁 민), or null when it
 * is not shaped as a Korean name: a family name the table knows, a given name of one or two characters (Korean given
 * names have at most two; 安倍晋三 has three), every character read.
 */
export function readHanjaName(han: string): string | null {
  const chars = [...han].map(traditional);
  const compound = chars.length >= 3 ? SURNAME.get(chars.slice(0, 2).join('')) : undefined;
  const surnameLength = compound ? 2 : 1;
  const surname = compound ?? SURNAME.get(chars[0] ?? '');
  const given = chars.slice(surnameLength);
  if (!surname || given.length < 1 || given.length > 2) return null;
  const readings = given.map((c) => GIVEN.get(c) ?? SURNAME.get(c));
  if (readings.some((r) => r === undefined)) return null;
  return `${surname} ${readings.join('')}`;
}
