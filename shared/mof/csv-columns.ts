/** The 32-column header of `shisantouketsuYYYYMMDD.csv`, verbatim and in order (full-width parentheses). */
export const CSV_HEADER = [
  '区分',
  '番号',
  '告示日付',
  '告示番号',
  '個人・団体',
  '氏名（日本語）',
  '氏名（英語）',
  '別名・別称（日本語）',
  '別名・別称（英語）',
  '旧称（日本語）',
  '旧称（英語）',
  '確定に十分でない別名（日本語）',
  '確定に十分でない別名（英語）',
  '称号（日本語）',
  '称号（英語）',
  '役職（日本語）',
  '役職（英語）',
  '生年月日',
  '出生地（日本語）',
  '出生地（英語）',
  '国籍（日本語）',
  '国籍（英語）',
  '旅券番号',
  '身分証番号',
  '住所・所在地（国）（日本語）',
  '住所・所在地（都市その他の情報）（日本語）',
  '住所・所在地（国）（英語）',
  '住所・所在地（都市その他の情報）（英語）',
  '国連参照番号',
  'リスト掲載日',
  'その他の情報',
  '外務省告示情報',
] as const;

export type CsvColumn = (typeof CSV_HEADER)[number];

/**
 * Names every difference between a file's header and the expected one. MOF changing a column is a format change
 * we must look at before trusting the file, so the parser fails closed on any of these.
 */
export function describeHeaderDrift(actual: readonly string[]): string[] {
  const expected: readonly string[] = CSV_HEADER;
  const problems: string[] = [];
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  // A missing and an extra column at the same position is most likely a rename.
  for (const name of [...missing]) {
    const position = expected.indexOf(name);
    const replacement = actual[position];
    if (replacement !== undefined && extra.includes(replacement)) {
      problems.push(`column ${position + 1} renamed from '${name}' to '${replacement}'`);
      missing.splice(missing.indexOf(name), 1);
      extra.splice(extra.indexOf(replacement), 1);
    }
  }
  for (const name of missing) problems.push(`missing column '${name}'`);
  for (const name of extra) problems.push(`unexpected column '${name}'`);
  if (problems.length === 0 && actual.some((name, i) => name !== expected[i])) {
    problems.push(`columns out of order: ${actual.join(',')}`);
  }
  return problems;
}
