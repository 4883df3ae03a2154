#!/usr/bin/env node
// Scores the h8 evaluation set against a checkout of jp-sanctions-monitor.
//   node run-eval.mjs [--repo <checkout>] [--out results.json] [--keep raw.json]   (--repo defaults to the checkout it lies in)
//   node run-eval.mjs --from raw.json            (re-score a kept CLI output without running it)
// Runs the CLI once: screen --customers <csv> --list <repo>/test/fixtures/mof/shisantouketsu20260305.xlsx --format json
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return acc;
}, []));
const repo = args.repo ?? join(here, '../..'); // in the repository: the checkout it lies in
const outPath = args.out ?? join(here, 'results.json');
const KEY = /^\d{3}-\d{6}$/;

function parseCsv(text) {
  const rows = []; let row = [], cell = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { cell += '"'; i++; } else q = false; } else cell += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const queries = parseCsv(readFileSync(join(here, 'queries.csv'), 'utf8'));

let rawText;
if (args.from) {
  rawText = readFileSync(args.from, 'utf8');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'h8-'));
  const customers = join(dir, 'customers.csv');
  writeFileSync(customers, ['id,name,dob,country,entityType',
    ...queries.map((q) => [q.id, q.name, q.dob, q.country, q.entityType].map(csvCell).join(','))].join('\n') + '\n');
  const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const t0 = Date.now();
  rawText = execFileSync('npm', ['run', '--silent', 'cli', '--', 'screen', '--customers', customers, '--list', list, '--format', 'json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  console.error(`cli ran in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  writeFileSync(args.keep ?? join(here, 'raw.json'), rawText);
}

// The CLI's JSON shape is read defensively: one result per customer (array, {results|customers|...: [...]}, or NDJSON),
// each with the customer id and an ordered list of matches; a match's key is the first NNN-NNNNNN string in it.
function parseRaw(text) {
  try { return JSON.parse(text); } catch { return text.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l)); }
}
function findKey(m) {
  if (typeof m === 'string') return KEY.test(m) ? m : null;
  if (!m || typeof m !== 'object') return null;
  for (const f of ['key', 'entryKey', 'entryId', 'id', 'number', 'listKey']) if (typeof m[f] === 'string' && KEY.test(m[f])) return m[f];
  for (const v of Object.values(m)) { const k = findKey(v); if (k) return k; }
  return null;
}
function customerId(r) {
  for (const f of ['id', 'customerId', 'customer_id']) if (typeof r[f] === 'string' && r[f].startsWith('h8-')) return r[f];
  for (const f of ['customer', 'query', 'input']) if (r[f] && typeof r[f] === 'object') { const id = customerId(r[f]); if (id) return id; }
  return null;
}
function matchList(r) {
  for (const f of ['matches', 'hits', 'candidates', 'results']) if (Array.isArray(r[f])) return r[f];
  return [];
}
function results(raw) {
  if (Array.isArray(raw)) return raw;
  for (const f of ['results', 'customers', 'screenings', 'rows', 'items']) if (Array.isArray(raw[f])) return raw[f];
  const arr = Object.values(raw).find(Array.isArray);
  return arr ?? [];
}
const raw = parseRaw(rawText);
const byId = new Map();
for (const r of results(raw)) {
  const id = customerId(r);
  if (!id) continue;
  const ms = matchList(r).map((m) => ({ key: findKey(m), score: m?.score ?? m?.similarity ?? null, name: m?.name ?? m?.matchedName ?? m?.entry?.name ?? null }));
  byId.set(id, [...(byId.get(id) ?? []), ...ms]);
}
if (byId.size === 0) console.error('warning: no customer results recognised in the CLI output');

const kinds = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese'];
const table = {}; const misses = []; const falseMatches = [];
for (const q of queries) {
  const ms = byId.get(q.id) ?? [];
  if (q.kind === 'unlisted') {
    const t = (table.unlisted ??= { n: 0, flagged: 0 }); t.n++;
    if (ms.length) { t.flagged++; falseMatches.push({ id: q.id, name: q.name, note: q.note, matches: ms.slice(0, 3) }); }
    continue;
  }
  const expected = q.expected.split(' ').filter(Boolean);
  const top3 = ms.slice(0, 3).map((m) => m.key);
  const hit = top3.some((k) => expected.includes(k));
  const t = (table[q.kind] ??= { n: 0, found: 0 }); t.n++; if (hit) t.found++;
  if (!hit) misses.push({ id: q.id, kind: q.kind, name: q.name, expected, got: ms.slice(0, 3) });
}
const listed = kinds.filter((k) => table[k]).reduce((a, k) => ({ n: a.n + table[k].n, found: a.found + table[k].found }), { n: 0, found: 0 });
const pct = (a, b) => (b ? (a / b).toFixed(3) : '-');
const lines = ['| kind | n | found in top 3 | recall |', '|---|---|---|---|',
  ...kinds.filter((k) => table[k]).map((k) => `| ${k} | ${table[k].n} | ${table[k].found} | ${pct(table[k].found, table[k].n)} |`),
  `| **all listed** | ${listed.n} | ${listed.found} | ${pct(listed.found, listed.n)} |`,
  `| unlisted (any match = false match) | ${table.unlisted?.n ?? 0} | ${table.unlisted?.flagged ?? 0} flagged | rate ${pct(table.unlisted?.flagged ?? 0, table.unlisted?.n ?? 0)} |`];
console.log(lines.join('\n'));
writeFileSync(outPath, JSON.stringify({ repo: args.from ? null : repo, from: args.from ?? null, ranAt: new Date().toISOString(),
  perKind: table, overall: { ...listed, recall: listed.found / listed.n },
  falseMatchRate: (table.unlisted?.flagged ?? 0) / (table.unlisted?.n || 1), recognisedCustomers: byId.size,
  misses, falseMatches }, null, 1));
console.error(`wrote ${outPath}`);
