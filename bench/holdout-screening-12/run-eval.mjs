#!/usr/bin/env node
// Holdout-12 screening evaluation. Node >= 20, no dependencies.
// node run-eval.mjs --repo <checkout> [--out results.json] [--keep raw.json] [--from raw.json] [--queries queries.csv]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a.startsWith('--')) { opt[a.slice(2)] = (args[i + 1] && !args[i + 1].startsWith('--')) ? args[++i] : true; }
}
const queriesPath = resolve(opt.queries || join(here, 'queries.csv'));
const outPath = resolve(opt.out || join(here, 'results.json'));

function parseCsv(text) {
  const rows = []; let row = []; let f = ''; let q = false;
  text = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; }
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(f); f = ''; if (row.length > 1 || row[0] !== '') rows.push(row); row = [];
    } else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  const [hdr, ...body] = rows;
  return body.map(r => Object.fromEntries(hdr.map((h, i) => [h, r[i] ?? ''])));
}
const csvField = s => /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;

const queries = parseCsv(readFileSync(queriesPath, 'utf8'));
const KEY = /\b\d{3}-\d{6}\b/;
const KEYG = /\b\d{3}-\d{6}\b/g;

let raw;
if (opt.from) {
  raw = readFileSync(resolve(opt.from), 'utf8');
} else {
  // In the repository: --repo defaults to the checkout this file lies in.
  if (!opt.repo) opt.repo = join(here, '..', '..');
  const repo = resolve(opt.repo);
  const dir = mkdtempSync(join(here, '.run-'));
  const csvPath = join(dir, 'customers.csv');
  const lines = ['id,name,dob,country,entityType'];
  for (const q of queries) lines.push([q.id, q.name, q.dob, q.country, q.entityType].map(csvField).join(','));
  writeFileSync(csvPath, lines.join('\n') + '\n', 'utf8');
  const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'screen', '--customers', csvPath, '--list', list, '--format', 'json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  rmSync(dir, { recursive: true, force: true });
  raw = r.stdout || '';
  // some screening CLIs exit non-zero when they find hits; only give up when there is no JSON at all
  if (r.status !== 0 && !/[\[{]/.test(raw)) { console.error('CLI failed with status ' + r.status + '\n' + (r.stderr || '').slice(0, 2000)); process.exit(1); }
  if (opt.keep) writeFileSync(resolve(opt.keep), raw, 'utf8');
}

// ---- read the CLI's JSON defensively ----
function parseJsonLoose(text) {
  try { return JSON.parse(text); } catch { /* fall through */ }
  const out = [];
  for (const line of text.split(/\r?\n/)) { const t = line.trim(); if (!t) continue; try { out.push(JSON.parse(t)); } catch { /* skip */ } }
  if (out.length) return out;
  const s = text.indexOf('['), s2 = text.indexOf('{');
  const start = s === -1 ? s2 : (s2 === -1 ? s : Math.min(s, s2));
  if (start >= 0) { try { return JSON.parse(text.slice(start)); } catch { /* ignore */ } }
  throw new Error('cannot parse CLI output as JSON');
}
const ids = new Set(queries.map(q => q.id));
// Collect keys in document order from a value (first occurrence order).
function keysIn(v, acc = []) {
  if (v == null) return acc;
  if (typeof v === 'string') { for (const m of v.match(KEYG) || []) if (!acc.includes(m)) acc.push(m); return acc; }
  if (Array.isArray(v)) { for (const x of v) keysIn(x, acc); return acc; }
  if (typeof v === 'object') { for (const k of Object.keys(v)) keysIn(v[k], acc); }
  return acc;
}
function scoreOf(m) {
  if (!m || typeof m !== 'object') return null;
  for (const k of ['score', 'similarity', 'confidence', 'matchScore']) if (typeof m[k] === 'number') return m[k];
  return null;
}
// Find the customer id of an object.
function idOf(o) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
  for (const k of ['id', 'customerId', 'customer_id', 'customerID', 'ref']) if (typeof o[k] === 'string' && ids.has(o[k])) return o[k];
  for (const k of ['customer', 'input', 'query', 'record']) if (o[k] && typeof o[k] === 'object') { const x = idOf(o[k]); if (x) return x; }
  return null;
}
// Matches: the array-valued field containing keys; each element gives its first key.
function matchesOf(o) {
  let best = null;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (Array.isArray(v) && v.some(x => keysIn(x).length)) {
      if (!best || /match|hit|result|candidate/i.test(k)) best = v;
    }
  }
  if (!best) return keysIn(o);
  const items = best.map(x => ({ key: keysIn(x)[0], score: scoreOf(x) })).filter(x => x.key);
  // keep CLI order unless scores say otherwise
  if (items.every(x => typeof x.score === 'number')) items.sort((a, b) => b.score - a.score);
  const out = []; for (const it of items) if (!out.includes(it.key)) out.push(it.key);
  return out;
}
const perId = new Map();
function walk(v) {
  if (v == null || typeof v !== 'object') return;
  if (Array.isArray(v)) { for (const x of v) walk(x); return; }
  const id = idOf(v);
  if (id && !perId.has(id)) { perId.set(id, matchesOf(v)); return; }
  if (!id) {
    // object keyed by customer id
    for (const k of Object.keys(v)) {
      if (ids.has(k) && !perId.has(k)) { const x = v[k]; perId.set(k, Array.isArray(x) ? (() => { const o = []; for (const e of x) { const kk = keysIn(e)[0]; if (kk && !o.includes(kk)) o.push(kk); } return o; })() : matchesOf(x || {})); }
      else walk(v[k]);
    }
  }
}
const parsed = parseJsonLoose(raw);
walk(parsed);

// ---- score ----
const kinds = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese'];
const stat = Object.fromEntries(kinds.map(k => [k, { n: 0, found: 0 }]));
const misses = [], falseMatches = []; let unl = 0, unlHit = 0, notInOutput = 0;
for (const q of queries) {
  const got = perId.get(q.id) || [];
  if (!perId.has(q.id)) notInOutput++;
  if (q.kind === 'unlisted') {
    unl++;
    if (got.length) { unlHit++; falseMatches.push({ id: q.id, name: q.name, note: q.note, matches: got.slice(0, 5) }); }
    continue;
  }
  const exp = q.expected.split(';').filter(Boolean);
  const top3 = got.slice(0, 3);
  const ok = exp.some(k => top3.includes(k));
  (stat[q.kind] ||= { n: 0, found: 0 }).n++;
  if (ok) stat[q.kind].found++;
  else misses.push({ id: q.id, kind: q.kind, name: q.name, expected: exp, top: got.slice(0, 5) });
}
const pct = (a, b) => b ? (100 * a / b).toFixed(1) + '%' : '-';
let tn = 0, tf = 0;
console.log('kind        found/total   recall@3');
for (const k of Object.keys(stat)) {
  const s = stat[k]; if (!s.n) continue; tn += s.n; tf += s.found;
  console.log(k.padEnd(12) + (s.found + '/' + s.n).padStart(11) + pct(s.found, s.n).padStart(11));
}
console.log('overall     ' + (tf + '/' + tn).padStart(11) + pct(tf, tn).padStart(11));
console.log('unlisted false matches: ' + unlHit + '/' + unl + ' (' + pct(unlHit, unl) + ')');
writeFileSync(outPath, JSON.stringify({
  perKind: Object.fromEntries(Object.entries(stat).map(([k, s]) => [k, { ...s, recall: s.n ? s.found / s.n : null }])),
  overall: { n: tn, found: tf, recall: tn ? tf / tn : null },
  unlisted: { n: unl, falseMatches: unlHit, rate: unl ? unlHit / unl : null },
  queriesWithoutEntryInOutput: notInOutput, // customers the CLI did not list (no match)
  misses, falseMatches,
}, null, 1), 'utf8');
