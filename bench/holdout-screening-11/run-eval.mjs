#!/usr/bin/env node
// Holdout-11 screening evaluation. Node >= 20, no dependencies.
// node run-eval.mjs --repo <checkout> [--out results.json] [--keep raw.json] [--queries queries.csv]
// node run-eval.mjs --from raw.json [--out results.json] [--queries queries.csv]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a.startsWith('--')) { const v = process.argv[i + 1]; if (v === undefined || v.startsWith('--')) args[a.slice(2)] = true; else { args[a.slice(2)] = v; i++; } }
}
// In the repository: --repo defaults to the checkout this file lies in.
if (!args.repo) args.repo = join(here, '..', '..');
const KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese'];
const KEY = /\b\d{3}-\d{6}\b/g;

function parseCsv(text) {
  const rows = []; let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(f); f = ''; if (row.length > 1 || row[0] !== '') rows.push(row); row = []; }
    else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  const [h, ...rest] = rows;
  return rest.map(r => Object.fromEntries(h.map((k, i) => [k, r[i] ?? ''])));
}
const csvField = s => /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;

const queries = parseCsv(readFileSync(resolve(args.queries || join(here, 'queries.csv')), 'utf8').replace(/^\uFEFF/, ''));
const ids = new Set(queries.map(q => q.id));

let raw;
if (args.from) raw = readFileSync(resolve(args.from), 'utf8');
else {
  const repo = resolve(args.repo);
  const dir = mkdtempSync(join(here, '.tmp-run-'));
  const csv = join(dir, 'customers.csv');
  writeFileSync(csv, 'id,name,dob,country,entityType\n' + queries.map(q => [q.id, q.name, q.dob, q.country, q.entityType].map(csvField).join(',')).join('\n') + '\n');
  const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'screen', '--customers', csv, '--list', list, '--format', 'json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) { console.error(`CLI exited with status ${r.status}`); console.error((r.stderr || '').slice(0, 2000)); process.exit(1); }
  raw = r.stdout;
  if (args.keep) writeFileSync(resolve(args.keep), raw);
}

// ---- read the CLI JSON defensively ----
function parseAny(text) {
  const t = text.trim();
  try { return JSON.parse(t); } catch {}
  const s = t.search(/[\[{]/);
  if (s > 0) { try { return JSON.parse(t.slice(s)); } catch {} }
  const out = [];
  for (const line of t.split(/\r?\n/)) { const l = line.trim(); if (!l) continue; try { out.push(JSON.parse(l)); } catch {} }
  return out;
}
const SCORE = /^(score|similarity|confidence|match_?score|matchScore|finalScore|total)$/i;
function keysInOrder(node) {
  // matches in an array with numeric scores are ordered by score (stable), otherwise in document order
  const out = [];
  const visit = n => {
    if (Array.isArray(n)) {
      let items = n;
      const sc = n.map(x => (x && typeof x === 'object' && !Array.isArray(x)) ? Object.entries(x).find(([k, v]) => SCORE.test(k) && typeof v === 'number') : undefined);
      if (n.length > 1 && sc.every(Boolean)) items = n.map((x, i) => [x, sc[i][1], i]).sort((a, b) => b[1] - a[1] || a[2] - b[2]).map(x => x[0]);
      items.forEach(visit);
    } else if (n && typeof n === 'object') { for (const v of Object.values(n)) visit(v); }
    else if (typeof n === 'string') { for (const m of n.matchAll(KEY)) if (!out.includes(m[0])) out.push(m[0]); }
  };
  visit(node);
  return out;
}
const got = new Map();
function walk(n) {
  if (Array.isArray(n)) { n.forEach(walk); return; }
  if (!n || typeof n !== 'object') return;
  const own = Object.values(n).find(v => typeof v === 'string' && ids.has(v));
  if (own !== undefined) {
    const ks = keysInOrder(Object.fromEntries(Object.entries(n).filter(([, v]) => v !== own)));
    const prev = got.get(own) || [];
    for (const k of ks) if (!prev.includes(k)) prev.push(k);
    got.set(own, prev);
    return;
  }
  Object.values(n).forEach(walk);
}
walk(parseAny(raw));
// customers keyed by id in an object map: { "h11-0001": [...] }
(function mapForm(n) {
  if (!n || typeof n !== 'object') return;
  if (!Array.isArray(n)) for (const [k, v] of Object.entries(n)) {
    if (ids.has(k) && !got.has(k)) got.set(k, keysInOrder(v));
    else mapForm(v);
  } else n.forEach(mapForm);
})(parseAny(raw));

// ---- score ----
const stats = {}; const misses = []; const falseMatches = [];
for (const k of [...KINDS, 'unlisted']) stats[k] = { n: 0, found: 0, flagged: 0 };
let unparsed = 0;
for (const q of queries) {
  const m = got.get(q.id) || [];
  if (!got.has(q.id)) unparsed++;
  const s = stats[q.kind] || (stats[q.kind] = { n: 0, found: 0, flagged: 0 });
  s.n++;
  if (q.kind === 'unlisted') {
    if (m.length) { s.flagged++; falseMatches.push({ id: q.id, name: q.name, matches: m.slice(0, 5) }); }
  } else {
    const exp = q.expected.split(';').filter(Boolean);
    if (m.slice(0, 3).some(k => exp.includes(k))) s.found++;
    else misses.push({ id: q.id, kind: q.kind, name: q.name, expected: exp, top3: m.slice(0, 3), rankOfExpected: (() => { const i = m.findIndex(k => exp.includes(k)); return i < 0 ? null : i + 1; })() });
  }
}
const pct = (a, b) => b ? (100 * a / b).toFixed(1) + '%' : '-';
const lines = ['kind        queries  found@3  recall@3'];
let N = 0, F = 0;
for (const k of KINDS) { const s = stats[k]; N += s.n; F += s.found; lines.push(`${k.padEnd(10)} ${String(s.n).padStart(8)} ${String(s.found).padStart(8)} ${pct(s.found, s.n).padStart(9)}`); }
lines.push(`${'overall'.padEnd(10)} ${String(N).padStart(8)} ${String(F).padStart(8)} ${pct(F, N).padStart(9)}`);
const u = stats.unlisted;
lines.push(`unlisted: ${u.flagged} of ${u.n} flagged (false-match rate ${pct(u.flagged, u.n)})`);
console.log(lines.join('\n'));
const results = {
  set: 'holdout11', generatedAt: new Date().toISOString(), source: args.from ? resolve(args.from) : resolve(args.repo),
  perKind: Object.fromEntries(KINDS.map(k => [k, { ...stats[k], recallAt3: stats[k].n ? stats[k].found / stats[k].n : null }])),
  overall: { n: N, found: F, recallAt3: N ? F / N : null },
  unlisted: { n: u.n, flagged: u.flagged, falseMatchRate: u.n ? u.flagged / u.n : null },
  customersWithoutOutput: unparsed, misses, falseMatches,
};
writeFileSync(resolve(args.out || 'results.json'), JSON.stringify(results, null, 2));
