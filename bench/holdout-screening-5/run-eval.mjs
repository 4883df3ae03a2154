#!/usr/bin/env node
// Holdout-5 screening evaluation. Runs the CLI ONCE on all queries, or re-scores a kept output.
//   node run-eval.mjs [--repo /work/main] [--out results.json]      -> writes customers.csv, raw.json, raw.stderr.txt, results.json
//   node run-eval.mjs --from raw.json [--out results.json]          -> re-scores a kept CLI output
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const repo = path.resolve(opt('--repo', path.resolve(here, '../..'))); // in the repository: the checkout it lies in
const from = opt('--from', null);
const out = path.resolve(opt('--out', path.join(here, 'results.json')));

// ---- read queries.csv (RFC 4180) ----
function parseCsv(text) {
  const rows = []; let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(f); rows.push(row); row = []; f = ''; }
    else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows.filter(r => r.length > 1 || r[0] !== '');
}
const csvq = s => /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
const [hdr, ...body] = parseCsv(fs.readFileSync(path.join(here, 'queries.csv'), 'utf8').replace(/^\uFEFF/, ''));
const Q = body.map(r => Object.fromEntries(hdr.map((h, i) => [h, r[i] ?? ''])));
const byId = new Map(Q.map(q => [q.id, q]));

// ---- run the CLI once, or load a kept output ----
let rawText;
if (from) {
  rawText = fs.readFileSync(path.resolve(from), 'utf8');
} else {
  const custCsv = path.join(here, 'customers.csv');
  fs.writeFileSync(custCsv, ['id,name,dob,country,entityType', ...Q.map(q => [q.id, q.name, q.dob, q.country, q.entityType].map(csvq).join(','))].join('\n') + '\n');
  const list = path.join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const cmd = ['run', '--silent', 'cli', '--', 'screen', '--customers', custCsv, '--list', list, '--format', 'json'];
  const t0 = Date.now();
  const r = spawnSync('npm', cmd, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 15 * 60 * 1000 });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  rawText = r.stdout || '';
  fs.writeFileSync(path.join(here, 'raw.json'), rawText);
  fs.writeFileSync(path.join(here, 'raw.stderr.txt'), (r.stderr || '') + `\n[exit ${r.status}${r.error ? ' ' + r.error.message : ''}; ${secs}s; repo ${repo}]\n`);
  console.log(`CLI exit ${r.status} in ${secs}s (stdout ${rawText.length} bytes, stderr ${(r.stderr || '').length} bytes)`);
}

// ---- tolerant reading of the CLI's JSON (format not assumed beyond: per-customer results carrying list keys NNN-NNNNNN) ----
function loadJson(text) {
  const t = text.trim();
  try { return JSON.parse(t); } catch {}
  const s = t.search(/[\[{]/);
  if (s > 0) { try { return JSON.parse(t.slice(s)); } catch {} }
  const lines = t.split(/\r?\n/).filter(l => /^\s*[\[{]/.test(l));
  const arr = []; for (const l of lines) { try { arr.push(JSON.parse(l)); } catch {} }
  return arr;
}
const KEY = /^\d{3}-\d{6}$/;
const KEYFIELDS = ['key', 'id', 'entryKey', 'listKey', 'entityKey', 'number', 'ref', 'keys'];
function keysIn(o, depth = 0, acc = []) {
  if (o == null || depth > 3) return acc;
  if (typeof o === 'string') { if (KEY.test(o.trim())) acc.push(o.trim()); return acc; }
  if (Array.isArray(o)) { for (const x of o) keysIn(x, depth + 1, acc); return acc; }
  if (typeof o === 'object') {
    const ks = Object.keys(o).sort((a, b) => (KEYFIELDS.includes(b) ? 1 : 0) - (KEYFIELDS.includes(a) ? 1 : 0));
    for (const k of ks) keysIn(o[k], depth + 1, acc);
  }
  return acc;
}
const num = o => { for (const k of ['score', 'similarity', 'confidence', 'matchScore']) if (typeof o?.[k] === 'number') return o[k]; return null; };
const nameOf = o => { for (const k of ['name', 'matchedName', 'listName', 'nameEn', 'primaryName', 'englishName', 'matched']) if (typeof o?.[k] === 'string') return o[k]; return null; };
function custId(o) {
  for (const c of [o?.id, o?.customerId, o?.customer_id, o?.customer?.id, o?.query?.id, o?.input?.id, o?.record?.id])
    if (c != null && typeof c !== 'object' && byId.has(String(c))) return String(c);
  if (o && typeof o === 'object') for (const [k, v] of Object.entries(o))
    if ((typeof v === 'string' || typeof v === 'number') && /id|customer|ref|row/i.test(k) && byId.has(String(v))) return String(v);
  return null;
}
function matchesOf(o) {
  // the first array (searched breadth-first, depth <= 2, skipping the echoed customer) whose elements carry list keys
  const queue = [[o, 0]];
  while (queue.length) {
    const [x, d] = queue.shift();
    if (Array.isArray(x)) {
      if (x.length && x.every(e => e && typeof e === 'object') && x.some(e => keysIn(e).length)) return x;
      if (x.length === 0 && d > 0) continue;
    } else if (x && typeof x === 'object' && d <= 2) {
      for (const [k, v] of Object.entries(x)) if (!['customer', 'query', 'input', 'record'].includes(k)) queue.push([v, d + 1]);
    }
  }
  return [];
}
function collect(raw) {
  const res = new Map();
  (function walk(o) {
    if (o == null || typeof o !== 'object') return;
    const cid = !Array.isArray(o) ? custId(o) : null;
    if (cid && !res.has(cid)) { res.set(cid, matchesOf(o)); return; }
    for (const v of Array.isArray(o) ? o : Object.values(o)) walk(v);
  })(raw);
  if (res.size === 0) { // fall back to row order
    const arr = Array.isArray(raw) ? raw : (Object.values(raw || {}).find(v => Array.isArray(v) && v.length === Q.length) || []);
    if (arr.length === Q.length) arr.forEach((o, i) => res.set(Q[i].id, matchesOf(o)));
  }
  return res;
}
const raw = loadJson(rawText);
const res = collect(raw);
const norm = ms => {
  const m = ms.map((x, i) => ({ keys: [...new Set(keysIn(x))], score: num(x), name: nameOf(x), i }));
  if (m.every(x => x.score != null)) m.sort((a, b) => b.score - a.score || a.i - b.i);
  return m;
};

// ---- score ----
const kinds = [...new Set(Q.map(q => q.kind))];
const stat = Object.fromEntries(kinds.map(k => [k, { n: 0, hit3: 0, hit1: 0, any: 0, withMatch: 0 }]));
const misses = [], falseMatches = [], notInOutput = [];
for (const q of Q) {
  const s = stat[q.kind]; s.n++;
  if (!res.has(q.id)) notInOutput.push(q.id);
  const m = norm(res.get(q.id) || []);
  if (m.length) s.withMatch++;
  const exp = q.expected.split(/\s+/).filter(Boolean);
  const show = m.slice(0, 5).map(x => ({ keys: x.keys, score: x.score, name: x.name }));
  if (exp.length) {
    const hitAt = m.findIndex(x => x.keys.some(k => exp.includes(k)));
    if (hitAt === 0) s.hit1++;
    if (hitAt >= 0 && hitAt < 3) s.hit3++; else misses.push({ id: q.id, kind: q.kind, name: q.name, dob: q.dob, expected: exp, rank: hitAt >= 0 ? hitAt + 1 : null, top: show });
    if (hitAt >= 0) s.any++;
  } else if (m.length) {
    falseMatches.push({ id: q.id, name: q.name, note: q.note, matches: show });
  }
}
const listedKinds = kinds.filter(k => k !== 'unlisted');
const tot = listedKinds.reduce((a, k) => ({ n: a.n + stat[k].n, hit3: a.hit3 + stat[k].hit3, hit1: a.hit1 + stat[k].hit1 }), { n: 0, hit3: 0, hit1: 0 });
const pct = (a, b) => b ? (100 * a / b).toFixed(1) + '%' : '-';
const lines = ['| kind | queries | found in top 3 | recall@3 | top 1 |', '|---|---|---|---|---|'];
for (const k of listedKinds) lines.push(`| ${k} | ${stat[k].n} | ${stat[k].hit3} | ${(stat[k].hit3 / stat[k].n).toFixed(3)} | ${pct(stat[k].hit1, stat[k].n)} |`);
lines.push(`| **all listed** | ${tot.n} | ${tot.hit3} | **${(tot.hit3 / tot.n).toFixed(3)}** | ${pct(tot.hit1, tot.n)} |`);
const u = stat.unlisted || { n: 0, withMatch: 0 };
lines.push('', `Unlisted names with any match: **${u.withMatch} / ${u.n} = ${pct(u.withMatch, u.n)}**`);
if (notInOutput.length) lines.push(`Customers absent from the CLI output (no match reported): ${notInOutput.length}`);
console.log(lines.join('\n'));
fs.writeFileSync(out, JSON.stringify({
  repo: from ? null : repo, from, generated: new Date().toISOString(), table: lines.join('\n'),
  perKind: stat, overall: { n: tot.n, hit3: tot.hit3, recall3: tot.hit3 / tot.n },
  unlisted: { n: u.n, withMatch: u.withMatch, rate: u.n ? u.withMatch / u.n : null },
  notInOutput, misses, falseMatches,
}, null, 1));
console.log(`wrote ${out}`);
