#!/usr/bin/env node
// Independent screening evaluation (holdout4).
// Writes queries.csv as a customer file, runs the checkout's CLI ONCE over it, and scores:
//   recall in the top 3 per kind and overall (an expected key among the first three matches),
//   false-match rate on unlisted queries (any match at all).
// Usage:
//   node run-eval.mjs [--repo /work/main] [--queries queries.csv] [--out results.json] [--raw raw.json]
//   node run-eval.mjs --from raw.json          (re-score a kept CLI output, no run)
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const repo = resolve(opt('repo', new URL('../../', import.meta.url).pathname));
const queriesPath = resolve(opt('queries', join(here, 'queries.csv')));
const outPath = resolve(opt('out', join(here, 'results.json')));
const rawPath = resolve(opt('raw', join(here, 'raw.json')));
const fromRaw = opt('from', null);

// RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes).
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i] ?? ''])));
}
const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const queries = parseCsv(readFileSync(queriesPath, 'utf8'));

let raw;
if (fromRaw) {
  raw = JSON.parse(readFileSync(resolve(fromRaw), 'utf8'));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'holdout4-'));
  const customers = join(dir, 'customers.csv');
  const lines = ['id,name,dob,country,entityType'];
  for (const q of queries) lines.push([q.id, q.name, q.dob, q.country, q.entityType].map(csvCell).join(','));
  writeFileSync(customers, lines.join('\n') + '\n');
  const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  const t0 = Date.now();
  const stdout = execFileSync(
    'npm',
    ['run', '--silent', 'cli', '--', 'screen', '--customers', customers, '--list', list, '--format', 'json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const seconds = (Date.now() - t0) / 1000;
  raw = JSON.parse(stdout);
  raw._holdout4 = { repo, seconds, ranAt: new Date().toISOString() };
  writeFileSync(rawPath, JSON.stringify(raw, null, 1));
}

const byCustomer = new Map();
for (const h of raw.hits ?? []) byCustomer.set(String(h.customerId), h.matches ?? []);

const kinds = new Map();
const misses = [], falseMatches = [];
let listedN = 0, listedFound = 0, unlistedN = 0, unlistedHit = 0;
for (const q of queries) {
  const matches = byCustomer.get(q.id) ?? [];
  const brief = matches.slice(0, 5).map((m) => ({ key: m.key, score: m.score, matchedName: m.matchedName }));
  const expected = q.expected.split(/\s+/).filter(Boolean);
  if (!kinds.has(q.kind)) kinds.set(q.kind, { n: 0, ok: 0 });
  const k = kinds.get(q.kind);
  k.n++;
  if (expected.length) {
    listedN++;
    const top3 = matches.slice(0, 3).map((m) => m.key);
    const found = expected.some((e) => top3.includes(e));
    if (found) { listedFound++; k.ok++; }
    else misses.push({ id: q.id, kind: q.kind, name: q.name, dob: q.dob, country: q.country, expected, note: q.note,
      rankOfExpected: matches.findIndex((m) => expected.includes(m.key)) + 1 || null, got: brief });
  } else {
    unlistedN++;
    if (matches.length) { unlistedHit++; falseMatches.push({ id: q.id, name: q.name, note: q.note, got: brief }); }
    else k.ok++;
  }
}

const pct = (a, b) => (b ? (100 * a / b).toFixed(1) + '%' : '-');
const order = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese'];
const rows = [];
for (const name of [...order, ...[...kinds.keys()].filter((x) => !order.includes(x) && x !== 'unlisted')]) {
  const k = kinds.get(name);
  if (k) rows.push({ kind: name, n: k.n, found: k.ok, recallTop3: k.n ? k.ok / k.n : null });
}
const summary = {
  repo: raw._holdout4?.repo ?? null,
  threshold: raw.threshold ?? null,
  listed: { n: listedN, found: listedFound, recallTop3: listedN ? listedFound / listedN : null },
  unlisted: { n: unlistedN, withAnyMatch: unlistedHit, falseMatchRate: unlistedN ? unlistedHit / unlistedN : null },
  perKind: rows,
  cliSeconds: raw._holdout4?.seconds ?? null,
};

console.log(`holdout4: ${queries.length} queries, threshold ${summary.threshold}, repo ${summary.repo ?? '(from raw)'}`);
console.log('| kind | found in top 3 | recall |');
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.kind} | ${r.found} / ${r.n} | ${pct(r.found, r.n)} |`);
console.log(`| **all listed** | **${listedFound} / ${listedN}** | **${pct(listedFound, listedN)}** |`);
console.log(`| unlisted with any match | ${unlistedHit} / ${unlistedN} | ${pct(unlistedHit, unlistedN)} |`);

writeFileSync(outPath, JSON.stringify({ summary, misses, falseMatches }, null, 1));
console.log(`results: ${outPath}`);
