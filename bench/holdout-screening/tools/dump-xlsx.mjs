import { createRequire } from 'module';
const require = createRequire(new URL('../../../', import.meta.url));
const XLSX = require('@e965/xlsx');
import fs from 'fs';
const wb = XLSX.readFile(process.argv[2] || new URL('../../../test/fixtures/mof/shisantouketsu20260305.xlsx', import.meta.url).pathname);
const out = [];
for (const sn of wb.SheetNames) {
  const m = sn.match(/^(\d+)\./); if (!m) continue;
  const n = +m[1];
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[sn], { header: 1, raw: true, defval: '' });
  let h = rows.findIndex(r => String(r[0]).replace(/\s/g,'') === '告示日付');
  if (h < 0) continue;
  const hdr = rows[h].map(x => String(x).replace(/\s/g,''));
  for (const r of rows.slice(h + 1)) {
    const d = String(r[0]); if (/削除/.test(d)) continue;
    const no = String(r[1]).trim(); if (!no) continue;
    const num = (no.match(/\d+/) || [''])[0];
    const o = { sheet: n, no, key: String(n).padStart(3,'0') + '-' + num.padStart(6,'0'), cells: {} };
    hdr.forEach((k, i) => { if (i > 1 && r[i] !== '') o.cells[k] = r[i]; });
    out.push(o);
  }
}
fs.writeFileSync(new URL('./xlsx-dump.json', import.meta.url), JSON.stringify(out));
console.log(out.length);
