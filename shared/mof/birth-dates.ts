import { toIsoDate } from './notice-dates';

/**
 * 生年月日: a full date becomes ISO (`1970/5/16`, `1970.5.16`, `1970年5月16日`, or an Excel serial number from
 * the XLSX), anything else stays as published (`1963年頃`, `1955年から1958年の間`).
 */
export function normalizeBirthDate(value: string): string {
  const text = value.normalize('NFKC').replace(/\s+/g, '').replace(/生$/, '');
  const m = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/.exec(text);
  if (m) return toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? value.trim();
  return value.trim();
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and serials from 61 on count the fictitious 1900-02-29. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return null;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
