#!/usr/bin/env node
// holdout15 scorer (Node >= 20, no dependencies).
//   node run-eval.mjs --repo <checkout> [--out results.json] [--keep raw.json] [--queries queries.csv]
//   node run-eval.mjs --from raw.json [--out results.json] [--queries queries.csv]
// Writes the queries as a customer CSV, runs the CLI once, scores recall@3 per kind and the false-match
// rate on unlisted names. Only the summary table goes to stdout; misses / false matches go to the results JSON.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a.startsWith('--')) { const v = process.argv[i + 1]; if (v === undefined || v.startsWith('--')) args[a.slice(2)] = true; else { args[a.slice(2)] = v; i++; } }
}
const queriesPath = resolve(args.queries || join(HERE, 'queries.csv'));
const outPath = resolve(args.out || join(HERE, 'results.json'));

function parseCsv(text) {
  const rows = []; let row = []; let f = ''; let q = false;
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
const esc = v => /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;

const queries = parseCsv(readFileSync(queriesPath, 'utf8'));
const ids = new Set(queries.map(q => q.id));

let raw;
if (args.from) {
  raw = readFileSync(resolve(args.from), 'utf8');
} else {
  // In the repository: --repo defaults to the checkout this file lies in.
  if (!args.repo) args.repo = join(HERE, '..', '..');
  const repo = resolve(args.repo);
  const dir = mkdtempSync(join(tmpdir(), 'holdout-15-'));
  const csvPath = join(dir, 'customers.csv');
  const lines = ['id,name,dob,country,entityType'];
  for (const q of queries) lines.push([q.id, q.name, q.dob, q.country, q.entityType].map(esc).join(','));
  writeFileSync(csvPath, lines.join('\n') + '\n');
  const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'screen', '--customers', csvPath, '--list', list, '--format', 'json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  rmSync(dir, { recursive: true, force: true });
  raw = r.stdout || '';
  if (!raw.trim()) { console.error('CLI produced no stdout (status ' + r.status + ')\n' + (r.stderr || '').slice(0, 2000)); process.exit(1); }
  if (args.keep) writeFileSync(resolve(args.keep), raw);
}

function parseJson(text) {
  try { return JSON.parse(text); } catch {}
  const i = text.search(/[\[{]/);
  if (i >= 0) { try { return JSON.parse(text.slice(i)); } catch {} }
  const out = [];
  for (const line of text.split('\n')) { const t = line.trim(); if (!t) continue; try { out.push(JSON.parse(t)); } catch {} }
  if (out.length) return out;
  throw new Error('cannot parse CLI output as JSON');
}
const data = parseJson(raw);

const KEY = /\b\d{3}-\d{6}\b/;
const SCORE = /^(score|similarity|confidence|matchScore|match_score)$/i;
// Collect, per customer id, the match records (objects holding a list key) with an optional score and doc order.
const perCustomer = new Map();
let order = 0;
const FULLKEY = /^\s*(\d{3}-\d{6})\s*$/;
function directKey(o) {
  // prefer a field named like a key; otherwise a string value that is exactly a key (never free text).
  for (const [k, v] of Object.entries(o)) if (/^(key|entryKey|entry_key|ref|listKey|entryId|entry)$/i.test(k) && typeof v === 'string' && FULLKEY.test(v)) return v.match(FULLKEY)[1];
  for (const v of Object.values(o)) if (typeof v === 'string' && FULLKEY.test(v)) return v.match(FULLKEY)[1];
  return null;
}
function directId(o) { for (const v of Object.values(o)) if (typeof v === 'string' && ids.has(v)) return v; return null; }
function directScore(o) { for (const [k, v] of Object.entries(o)) if (SCORE.test(k) && typeof v === 'number') return v; return null; }
function collectMatches(node, acc) {
  if (Array.isArray(node)) { for (const x of node) collectMatches(x, acc); return; }
  if (!node || typeof node !== 'object') return;
  const k = directKey(node);
  if (k) acc.push({ key: k, score: directScore(node), order: order++ });
  for (const v of Object.values(node)) if (v && typeof v === 'object') collectMatches(v, acc);
}
function walk(node, objectKeyId) {
  if (Array.isArray(node)) { for (const x of node) walk(x, null); return; }
  if (!node || typeof node !== 'object') return;
  const id = directId(node) || objectKeyId;
  if (id) {
    const acc = perCustomer.get(id) || [];
    collectMatches(node, acc);
    perCustomer.set(id, acc);
    return;
  }
  for (const [k, v] of Object.entries(node)) if (v && typeof v === 'object') walk(v, ids.has(k) ? k : null);
}
walk(data, null);

function ranked(id) {
  const acc = perCustomer.get(id) || [];
  const allScored = acc.length && acc.every(m => m.score !== null);
  const s = [...acc].sort((a, b) => allScored ? (b.score - a.score) || (a.order - b.order) : a.order - b.order);
  const out = [];
  for (const m of s) if (!out.includes(m.key)) out.push(m.key);
  return out;
}

const kinds = {};
const misses = [], falseMatches = [];
let unN = 0, unFalse = 0;
for (const q of queries) {
  const got = ranked(q.id);
  if (q.kind === 'unlisted') {
    unN++;
    if (got.length) { unFalse++; falseMatches.push({ id: q.id, name: q.name, note: q.note, matches: got.slice(0, 5) }); }
    continue;
  }
  const exp = q.expected.split(';').filter(Boolean);
  const k = kinds[q.kind] || (kinds[q.kind] = { n: 0, found: 0 });
  k.n++;
  const top3 = got.slice(0, 3);
  if (exp.some(e => top3.includes(e))) k.found++;
  else misses.push({ id: q.id, kind: q.kind, name: q.name, expected: exp, top3, rankOfExpected: Math.min(...exp.map(e => { const i = got.indexOf(e); return i < 0 ? Infinity : i + 1; })) });
}
const pct = (a, b) => b ? (100 * a / b).toFixed(1) + '%' : '-';
let tn = 0, tf = 0;
const lines = ['kind        queries  found@3  recall@3'];
for (const [kind, v] of Object.entries(kinds)) { tn += v.n; tf += v.found; lines.push(kind.padEnd(12) + String(v.n).padStart(7) + String(v.found).padStart(9) + pct(v.found, v.n).padStart(10)); }
lines.push('overall'.padEnd(12) + String(tn).padStart(7) + String(tf).padStart(9) + pct(tf, tn).padStart(10));
lines.push(`unlisted: ${unFalse} of ${unN} with any match (false-match rate ${pct(unFalse, unN)})`);
console.log(lines.join('\n'));
const summary = { perKind: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, { ...v, recall3: v.n ? v.found / v.n : null }])),
  overall: { n: tn, found: tf, recall3: tn ? tf / tn : null }, unlisted: { n: unN, falseMatches: unFalse, rate: unN ? unFalse / unN : null },
  customersWithAnyOutput: perCustomer.size };
writeFileSync(outPath, JSON.stringify({ summary, misses, falseMatches }, null, 1));
