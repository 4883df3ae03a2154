#!/usr/bin/env node
// Holdout 7 evaluator. Usage:
//   node run-eval.mjs [--repo /work/main] [--queries queries.csv] [--out results.json] [--threshold t]
//   node run-eval.mjs --from raw.json [--queries queries.csv]     (re-score a kept CLI output)
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const repo = resolve(opt('--repo', resolve(here, '../..'))); // in the repository: the checkout it lies in
const qfile = resolve(opt('--queries', join(here, 'queries.csv')));
const outFile = resolve(opt('--out', join(here, 'results.json')));
const from = opt('--from', null);
const threshold = opt('--threshold', null);

function parseCsv(text) {
  const rows = []; let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; }
    else if (c !== '\r') f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  const [h, ...rest] = rows;
  return rest.filter(r => r.length > 1).map(r => Object.fromEntries(h.map((k, i) => [k, r[i] ?? ''])));
}
const esc = v => /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;

const queries = parseCsv(readFileSync(qfile, 'utf8'));
let raw;
if (from) raw = readFileSync(resolve(from), 'utf8');
else {
  const dir = mkdtempSync(join(tmpdir(), 'h7-'));
  const csv = join(dir, 'customers.csv');
  writeFileSync(csv, 'id,name,dob,country,entityType\n' +
    queries.map(q => [q.id, q.name, q.dob, q.country, q.entityType].map(esc).join(',')).join('\n') + '\n');
  const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const cli = ['run', '--silent', 'cli', '--', 'screen', '--customers', csv, '--list', list, '--format', 'json'];
  if (threshold) cli.push('--threshold', threshold);
  const t0 = Date.now();
  raw = execFileSync('npm', cli, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  console.error(`CLI ran in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  writeFileSync(join(dirname(outFile), 'raw.json'), raw);
}

// The CLI output shape is discovered, not assumed: find every object that names a customer id
// and carries a list of matches; read each match's list key (NNN-NNNNNN) in order.
const KEY = /^\d{3}-\d{6}$/;
const data = JSON.parse(raw.slice(raw.search(/[\[{]/)));
const ids = new Set(queries.map(q => q.id));
const byId = new Map();
function keyOf(m) {
  if (typeof m === 'string') return KEY.test(m) ? m : null;
  if (!m || typeof m !== 'object') return null;
  for (const k of ['key', 'entryKey', 'id', 'entityKey', 'listKey']) if (typeof m[k] === 'string' && KEY.test(m[k])) return m[k];
  for (const v of Object.values(m)) { if (typeof v === 'string' && KEY.test(v)) return v; }
  for (const v of Object.values(m)) { if (v && typeof v === 'object' && !Array.isArray(v)) { const k = keyOf(v); if (k) return k; } }
  return null;
}
function custId(o) {
  for (const k of ['id', 'customerId', 'customer_id']) if (typeof o[k] === 'string' && ids.has(o[k])) return o[k];
  for (const k of ['customer', 'query', 'input', 'record']) if (o[k] && typeof o[k] === 'object') { const c = custId(o[k]); if (c) return c; }
  return null;
}
function walk(o) {
  if (Array.isArray(o)) { o.forEach(walk); return; }
  if (!o || typeof o !== 'object') return;
  const id = custId(o);
  if (id) {
    const arr = ['matches', 'hits', 'results', 'candidates'].map(k => o[k]).find(Array.isArray);
    if (arr) { byId.set(id, arr.map(m => ({ key: keyOf(m), score: m?.score ?? null, name: m?.name ?? m?.matchedName ?? null }))); return; }
  }
  Object.values(o).forEach(walk);
}
walk(data);
if (byId.size === 0 && data && typeof data === 'object' && !Array.isArray(data)) {
  for (const [k, v] of Object.entries(data)) if (ids.has(k) && Array.isArray(v)) byId.set(k, v.map(m => ({ key: keyOf(m) })));
}
const missingOut = queries.filter(q => !byId.has(q.id)).length;

const kinds = {}; const misses = [], falseMatches = [];
let hit = 0, pos = 0, fm = 0, neg = 0;
for (const q of queries) {
  const ms = byId.get(q.id) ?? [];
  if (q.kind === 'unlisted') {
    neg++;
    if (ms.length) { fm++; falseMatches.push({ id: q.id, name: q.name, matches: ms.slice(0, 3) }); }
    continue;
  }
  const exp = q.expected.split(/\s+/).filter(Boolean);
  const top = ms.slice(0, 3).map(m => m.key);
  const ok = exp.some(k => top.includes(k));
  kinds[q.kind] ??= { n: 0, hit: 0 };
  kinds[q.kind].n++; pos++;
  if (ok) { kinds[q.kind].hit++; hit++; } else misses.push({ id: q.id, kind: q.kind, name: q.name, expected: exp, got: ms.slice(0, 3) });
}
const pct = (a, b) => b ? (a / b).toFixed(3) : '-';
console.log('kind        found/total  recall@3');
for (const [k, v] of Object.entries(kinds).sort()) console.log(`${k.padEnd(12)}${(v.hit + '/' + v.n).padStart(11)}  ${pct(v.hit, v.n)}`);
console.log(`${'ALL'.padEnd(12)}${(hit + '/' + pos).padStart(11)}  ${pct(hit, pos)}`);
console.log(`unlisted with any match: ${fm}/${neg} = ${(100 * fm / (neg || 1)).toFixed(2)}%`);
console.log(`(${byId.size} queries with at least one match in the CLI output; the others had none)`);
if (byId.size === 0 && queries.length) console.log('WARNING: no match lists could be read from the CLI output: check its format');
writeFileSync(outFile, JSON.stringify({ repo, queries: qfile, perKind: kinds, recall: hit / (pos || 1), found: hit, positives: pos,
  falseMatchRate: fm / (neg || 1), falseMatches: fm, unlisted: neg, noResultObject: missingOut, misses, falseMatchList: falseMatches }, null, 1));
