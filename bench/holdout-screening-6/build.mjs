// Builds queries.csv from the hand-written src-*.txt files; resolves refs against list.tsv (own dump of the xlsx)
import fs from 'fs';
const list = fs.readFileSync('list.tsv', 'utf8').trim().split('\n').map(l => l.split('\t'));
const resolve = (ref) => ref.startsWith("@") ? [ref.slice(1)] : ref.split('+').map(r => {
  const [sheet, sub] = [r.slice(0, 3), r.slice(4).toLowerCase()];
  const hits = list.filter(x => x[0].startsWith(sheet + '-') && (x[1] + ' ' + x[2] + ' ' + x[3]).toLowerCase().includes(sub));
  if (hits.length !== 1) { console.error('REF', r, hits.length, hits.slice(0, 4).map(h => h[0] + ' ' + h[2]).join(' ; ')); return null; }
  return hits[0][0];
});
const rows = []; let bad = 0;
for (const f of fs.readdirSync('.').filter(f => /^src-[a-g]\.txt$/.test(f)).sort()) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
    const [kind, name, dob, country, et, ref, note] = line.split('|');
    if (ref === '-') { rows.push({ kind: 'unlisted', name, dob, country, et, keys: '', note }); continue; }
    const keys = resolve(ref); if (keys.includes(null)) { bad++; continue; }
    rows.push({ kind, name, dob, country, et, keys: keys.join(' '), note });
  }
}
for (const f of fs.readdirSync('.').filter(f => /^src-u\d\.txt$/.test(f)).sort())
  for (const line of fs.readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
    const [name, country, et, note] = line.split('|');
    rows.push({ kind: 'unlisted', name, dob: '', country, et, keys: '', note });
  }
// --- check unlisted names against every listed name and alias ---
const cyr = { а:'a',б:'b',в:'v',г:'g',д:'d',е:'e',ё:'e',ж:'zh',з:'z',и:'i',й:'y',к:'k',л:'l',м:'m',н:'n',о:'o',п:'p',р:'r',с:'s',т:'t',у:'u',ф:'f',х:'kh',ц:'ts',ч:'ch',ш:'sh',щ:'shch',ъ:'',ы:'y',ь:'',э:'e',ю:'yu',я:'ya',і:'i',ї:'yi',є:'ye',ў:'u',ґ:'g' };
const fold = s => s.normalize('NFKC').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[а-яёіїєўґ]/g, c => cyr[c] ?? c);
const toks = s => fold(s).split(/[^a-z\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+/).filter(t => t.length > 1);
const listNames = list.map(x => ({ key: x[0], names: [x[1], x[2], ...x[3].split(/[;；|()（）]/)].map(s => s.trim()).filter(s => s.length > 1) }));
const seen = new Set(), flagged = new Set();
for (const r of rows) {
  const k = r.name.normalize('NFKC').toLowerCase(); if (seen.has(k)) console.error('DUP', r.name); seen.add(k);
  if (r.kind !== 'unlisted') continue;
  const qt = toks(r.name).filter(t => !/^(ooo|oao|pao|pjsc|jsc|llc|ltd|co|inc|ao|plc|sa|ag|group|bank|company|corporation)$/.test(t));
  const compact = r.name.normalize('NFKC').replace(/[\s・·　]/g, '');
  for (const L of listNames) for (const n of L.names) {
    const nt = new Set(toks(n));
    const nc = n.normalize('NFKC').replace(/[\s・·　]/g, '');
    if ((qt.length >= 2 && qt.every(t => nt.has(t))) || (qt.length === 1 && nt.size === 1 && nt.has(qt[0])) || (/[^\x00-\u024f]/.test(compact) && compact.length >= 2 && nc === compact)) {
      if (!flagged.has(r.name)) console.error('UNLISTED-HIT', r.name, '=>', L.key, n); flagged.add(r.name); break;
    }
  }
}
const esc = v => /[",\n]/.test(v ?? '') ? '"' + v.replace(/"/g, '""') + '"' : (v ?? '');
const out = ['id,kind,name,dob,country,entityType,expected,note'];
rows.forEach((r, i) => out.push([`q${String(i + 1).padStart(4, '0')}`, r.kind, r.name, r.dob, r.country, r.et, r.keys, r.note].map(esc).join(',')));
fs.writeFileSync('queries.csv', out.join('\n') + '\n');
const c = {}; rows.forEach(r => c[r.kind] = (c[r.kind] || 0) + 1);
console.log('bad refs', bad, 'total', rows.length, JSON.stringify(c));
