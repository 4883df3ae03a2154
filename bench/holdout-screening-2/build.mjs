// Builds queries.csv from the hand-written src/*.txt: resolves each anchor (a key, or a pattern on the listed
// English primary name) to the listed key(s), adds cross-listings of the same entity (same primary name in other
// regimes), and checks every unlisted Latin-script name against every listed name and alias.
import fs from 'node:fs';
const list = JSON.parse(fs.readFileSync(new URL('./list.json', import.meta.url)));
const namesOf = r => Object.entries(r).filter(([k]) => /表記|別|旧称|称/.test(k) && !/その他|役職|肩書/.test(k)).map(([, v]) => v).join(' \n ');
// One entity listed under several regimes carries the same Japanese and English names in each.
const primary = r => [(r['日本語表記'] ?? ''), (r['英語表記'] ?? '').split('\n')[0]].map(s => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).join(' / ');
const byKey = new Map(list.map(r => [r.key, r]));
const fold = s => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const rowTokens = list.map(r => ({ key: r.key, toks: new Set(fold(namesOf(r)).split(' ')) }));
const STOP = new Set('and of the bank group limited ltd co company corporation corp inc international shipping holdings holding commercial industrial llc jsc pjsc ag sa se plc development korea al el bin abu abd abdul na nv lab line lines systems retail'.split(' '));
const df = new Map(); for (const r of rowTokens) for (const t of r.toks) df.set(t, (df.get(t) ?? 0) + 1);
const CYR = { а:'a',б:'b',в:'v',г:'g',д:'d',е:'e',ё:'e',ж:'zh',з:'z',и:'i',й:'y',к:'k',л:'l',м:'m',н:'n',о:'o',п:'p',р:'r',с:'s',т:'t',у:'u',ф:'f',х:'kh',ц:'ts',ч:'ch',ш:'sh',щ:'shch',ъ:'',ы:'y',ь:'',э:'e',ю:'yu',я:'ya',і:'i',ї:'yi',є:'ye',ў:'u',ґ:'g' };
const cyr = s => s.toLowerCase().replace(/[\u0400-\u04ff]/g, c => CYR[c] ?? c);
const csvq = v => /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
const out = [['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note']];
const problems = []; let n = 0;
for (const f of fs.readdirSync(new URL('./src/', import.meta.url)).sort()) {
  for (const line of fs.readFileSync(new URL(`./src/${f}`, import.meta.url), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [kind, name, dob, country, et, anchorRaw, note = ''] = line.split(/(?<!\\)\|/).map(s => s.trim());
    const anchor = (anchorRaw ?? '').replace(/\\\|/g, '|');
    let keys = [];
    if (kind !== 'unlisted') {
      let hits;
      if (/^\d{3}-\d{6}$/.test(anchor)) hits = byKey.has(anchor) ? [byKey.get(anchor)] : [];
      else { const re = new RegExp(anchor, 'i'); hits = list.filter(r => re.test((r['英語表記'] ?? '').split('\n')[0])); }
      const prim = new Set(hits.map(primary));
      if (hits.length === 0 || prim.size !== 1) { problems.push(`${kind} ${name}: anchor ${anchor} -> ${hits.map(h => h.key + ' ' + primary(h)).join('; ') || 'none'}`); continue; }
      const p = [...prim][0];
      keys = list.filter(r => primary(r) === p).map(r => r.key);
    } else if (/[a-z\u0400-\u04ff]/i.test(name)) {
      const q = fold(cyr(name)).split(' ').filter(t => t.length > 1 && !STOP.has(t));
      for (const r of rowTokens) {
        const found = q.filter(t => r.toks.has(t));
        if (q.length && (found.length === q.length || (found.length >= 2 && found.some(t => (df.get(t) ?? 0) < 5)))) problems.push(`UNLISTED? ${name} ~ ${r.key} ${namesOf(byKey.get(r.key)).slice(0, 100).replace(/\n/g, ' ')} [${found}]`);
      }
    }
    n++;
    out.push([`H2-${String(n).padStart(4, '0')}`, kind, name, dob ?? '', country ?? '', et ?? '', keys.join(' '), note]);
  }
}
fs.writeFileSync(new URL('./queries.csv', import.meta.url), out.map(r => r.map(csvq).join(',')).join('\n') + '\n');
console.log(problems.join('\n'));
const counts = {}; for (const r of out.slice(1)) counts[r[1]] = (counts[r[1]] ?? 0) + 1;
console.log(n, counts);
