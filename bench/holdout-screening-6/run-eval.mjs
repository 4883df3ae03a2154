#!/usr/bin/env node
// Holdout-6 evaluation: writes queries as a customer CSV, runs the screen CLI ONCE, scores recall@3 per kind and
// false-match rate on unlisted names. Usage: node run-eval.mjs [--repo /work/main] [--from raw.json] [--out results.json]
import fs from 'fs'; import path from 'path'; import { execFileSync } from 'child_process';
import { fileURLToPath } from 'url';
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2); const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const repo = opt('--repo', path.resolve(here, '../..')), from = opt('--from', null), outFile = opt('--out', path.join(here, 'results.json'));
const parseCsv = (text) => { const rows = []; let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) { const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true; else if (c === ',') { row.push(f); f = ''; } else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; } else if (c !== '\r') f += c; }
  if (f || row.length) { row.push(f); rows.push(row); } return rows; };
const [hdr, ...data] = parseCsv(fs.readFileSync(path.join(here, 'queries.csv'), 'utf8'));
const Q = data.filter(r => r.length > 1).map(r => Object.fromEntries(hdr.map((h, i) => [h, r[i] ?? ''])));
const esc = v => /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
let raw;
if (from) raw = fs.readFileSync(from, 'utf8');
else {
  const csv = path.join(here, 'customers.csv');
  fs.writeFileSync(csv, ['id,name,dob,country,entityType', ...Q.map(q => [q.id, q.name, q.dob, q.country, q.entityType].map(esc).join(','))].join('\n') + '\n');
  const list = path.join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const t0 = Date.now();
  raw = execFileSync('npm', ['run', '--silent', 'cli', '--', 'screen', '--customers', csv, '--list', list, '--format', 'json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  console.error(`cli run: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  fs.writeFileSync(path.join(here, 'raw.json'), raw);
}
// --- extract, per customer id, the ordered list of matched keys (robust to the exact JSON shape) ---
let doc; try { doc = JSON.parse(raw); } catch { doc = raw.split('\n').filter(l => l.trim().startsWith('{') || l.trim().startsWith('[')).map(l => JSON.parse(l)); }
const ids = new Set(Q.map(q => q.id)); const found = new Map();
const KEY = /^\d{3}-\d{6}$/;
const keysIn = (o, acc = []) => { if (typeof o === 'string') { if (KEY.test(o.trim())) acc.push(o.trim()); }
  else if (Array.isArray(o)) o.forEach(x => keysIn(x, acc)); else if (o && typeof o === 'object') Object.values(o).forEach(v => keysIn(v, acc)); return acc; };
const scoreOf = m => { for (const k of ['score', 'similarity', 'confidence']) if (typeof m?.[k] === 'number') return m[k]; return null; };
const walk = (o) => {
  if (Array.isArray(o)) return o.forEach(walk);
  if (!o || typeof o !== 'object') return;
  const cid = [o.id, o.customerId, o.customer?.id, o.query?.id, o.customer_id].find(v => typeof v === 'string' && ids.has(v));
  if (cid) {
    const arrKey = ['matches', 'hits', 'candidates', 'results'].find(k => Array.isArray(o[k]));
    let ms = arrKey ? o[arrKey] : null;
    if (ms) { const withScore = ms.map((m, i) => ({ m, i, s: scoreOf(m) }));
      if (withScore.every(x => x.s !== null)) withScore.sort((a, b) => b.s - a.s || a.i - b.i);
      const list = withScore.map(x => ({ key: [...new Set(keysIn(x.m))][0], score: x.s, name: x.m.name ?? x.m.matchedName ?? x.m.entity?.name ?? '' })).filter(x => x.key);
      found.set(cid, (found.get(cid) || []).concat(list)); }
    else if (!found.has(cid)) found.set(cid, []);
    return;
  }
  Object.values(o).forEach(walk);
};
walk(doc);
if (found.size === 0) console.error('WARNING: no customer ids found in the CLI output; check raw.json');
// --- score ---
const kinds = [...new Set(Q.map(q => q.kind))]; const stats = {}; const misses = [], falseMatches = [];
for (const q of Q) {
  const s = stats[q.kind] ??= { n: 0, ok: 0 }; s.n++;
  const got = found.get(q.id) || [];
  if (q.kind === 'unlisted') { if (got.length) { s.ok++; falseMatches.push({ id: q.id, name: q.name, note: q.note, matches: got.slice(0, 3) }); } }
  else { const exp = q.expected.split(/\s+/).filter(Boolean);
    if (got.slice(0, 3).some(m => exp.includes(m.key))) s.ok++; else misses.push({ id: q.id, kind: q.kind, name: q.name, expected: exp, top3: got.slice(0, 3) }); }
}
const lines = ['| kind | queries | found in top 3 | rate |', '|---|---|---|---|']; let N = 0, OK = 0;
for (const k of kinds.filter(k => k !== 'unlisted')) { const s = stats[k]; N += s.n; OK += s.ok; lines.push(`| ${k} | ${s.n} | ${s.ok} | ${(s.ok / s.n).toFixed(3)} |`); }
lines.push(`| **all that should match** | ${N} | ${OK} | ${(OK / N).toFixed(3)} |`);
const u = stats.unlisted || { n: 0, ok: 0 };
lines.push(`| unlisted: any match (false-match rate) | ${u.n} | ${u.ok} | ${(u.ok / Math.max(1, u.n)).toFixed(3)} |`);
console.log(lines.join('\n'));
fs.writeFileSync(outFile, JSON.stringify({ repo, from, perKind: stats, recallAll: OK / N, falseMatchRate: u.ok / Math.max(1, u.n), misses, falseMatches }, null, 1));
