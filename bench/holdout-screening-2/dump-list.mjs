// Reads the MOF workbook (own code, SheetJS as a library) into list.json: key, names, dob column text.
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(new URL('../../node_modules/', import.meta.url));
const XLSX = require('@e965/xlsx');
const file = process.argv[2] ?? new URL('../../test/fixtures/mof/shisantouketsu20260305.xlsx', import.meta.url).pathname;
const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellDates: false });
const out = [];
for (const sn of wb.SheetNames) {
  const m = sn.match(/^(\d+)\./); if (!m) continue;
  const regime = m[1].padStart(3, '0');
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[sn], { header: 1, raw: true, defval: '' });
  const hi = rows.findIndex(r => String(r[0]).includes('告示日付'));
  if (hi < 0) continue;
  const hdr = rows[hi].map(h => String(h).replace(/[\s\u3000]/g, ''));
  for (const r of rows.slice(hi + 1)) {
    const date = String(r[0]); const num = String(r[1]).trim();
    if (!num || /削除/.test(date)) continue;
    const n = num.match(/(\d+)/); if (!n) continue;
    const rec = { key: `${regime}-${n[1].padStart(6, '0')}`, sheet: sn };
    hdr.forEach((h, i) => { if (h && r[i] !== '' && i > 1) rec[h] = String(r[i]); });
    out.push(rec);
  }
}
fs.writeFileSync('list.json', JSON.stringify(out, null, 0));
console.log(out.length);
