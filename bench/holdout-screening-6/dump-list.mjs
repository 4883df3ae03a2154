import { createRequire } from 'module';
const require = createRequire('/work/main/');
const XLSX = require('@e965/xlsx');
import fs from 'fs';
const wb = XLSX.readFile(process.argv[2] || '/work/shared/fixtures/mof/shisantouketsu20260305.xlsx');
const out = [];
for (const sn of wb.SheetNames) {
  const m = sn.match(/^(\d+)\./); if (!m) continue;
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[sn], { header: 1, defval: '' });
  const hi = rows.findIndex(r => String(r[0]).trim() === '告示日付'); if (hi < 0) continue;
  const hdr = rows[hi].map(h => String(h).replace(/\s+/g, ''));
  const col = (re) => hdr.findIndex(h => re.test(h));
  const cN = col(/^告示番号/), cJ = col(/日本語表記/), cE = col(/英語表記/);
  const cA = hdr.map((h, i) => /別名|別称|旧称/.test(h) ? i : -1).filter(i => i >= 0);
  const cD = col(/生年月日/);
  for (const r of rows.slice(hi + 1)) {
    const no = String(r[cN]).trim(); if (!/^\d+$/.test(no)) continue;
    const j = String(r[cJ] || '').replace(/\s+/g, ' ').trim(), e = String(r[cE] || '').replace(/\s+/g, ' ').trim();
    if (/削除/.test(String(r[0]) + j + e)) continue;
    const key = m[1].padStart(3, '0') + '-' + no.padStart(6, '0');
    out.push([key, j, e, cA.map(i => String(r[i]).replace(/\s+/g, ' ')).join(' | '), cD >= 0 ? String(r[cD]).replace(/\s+/g, ' ') : ''].join('\t'));
  }
}
fs.writeFileSync('list.tsv', out.join('\n') + '\n');
console.log(out.length);
