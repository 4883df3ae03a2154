// Scores the screening engine of a jp-sanctions-monitor checkout on queries.csv.
// usage: node run-eval.mjs [--repo <checkout, default ../..>] [--list <xlsx>] [--from raw-output.json]
// Writes the queries as a customer CSV, runs the CLI ONCE (`screen --customers ... --format json`), keeps its raw
// output (raw-output.json), scores recall in the top 3 per kind (an expected key among the first three matches)
// and the false-match rate on unlisted names (any match), prints a table, writes results.json.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
const here = path.dirname(new URL(import.meta.url).pathname);
const arg = (n, d) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1] : d; };
const repo = arg('--repo', new URL('../../', import.meta.url).pathname);
const list = arg('--list', `${repo}/test/fixtures/mof/shisantouketsu20260305.xlsx`);
const from = arg('--from');

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
  if (f || row.length) { row.push(f); rows.push(row); }
  const [h, ...body] = rows; return body.map(r => Object.fromEntries(h.map((k, i) => [k, r[i] ?? ''])));
}
const csvq = v => /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
const queries = parseCsv(fs.readFileSync(path.join(here, 'queries.csv'), 'utf8'));

let raw; let runSeconds = null;
if (from) raw = fs.readFileSync(from, 'utf8');
else {
  const cust = path.join(here, 'customers.csv');
  fs.writeFileSync(cust, ['id,name,dob,country,entityType', ...queries.map(q => [q.id, q.name, q.dob, q.country, q.entityType].map(csvq).join(','))].join('\n') + '\n');
  const t0 = Date.now();
  raw = execFileSync('npm', ['run', '--silent', 'cli', '--', 'screen', '--customers', cust, '--list', list, '--format', 'json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  runSeconds = (Date.now() - t0) / 1000;
  console.log(`CLI run: ${runSeconds.toFixed(1)} s`);
  fs.writeFileSync(path.join(here, 'raw-output.json'), raw);
}

// The output is { threshold, scope, customers: <count screened>, hits: [{ customerId, customerName, matches }] }:
// only customers with a match are listed, matches best first. A customer absent from hits has no match.
const out = JSON.parse(raw);
if (out.customers !== queries.length) throw new Error(`the CLI screened ${out.customers} customers, expected ${queries.length}`);
const data = out.hits;
const idOf = r => r.id ?? r.customerId ?? r.customer?.id ?? r.query?.id;
const byId = new Map(data.map(r => [String(idOf(r)), r.matches ?? r.result?.matches ?? []]));

const kinds = {}; const misses = []; const falseMatches = []; 
for (const q of queries) {
  const m = byId.get(q.id);
  const matches = m ?? [];
  const k = kinds[q.kind] ??= { n: 0, ok: 0, anyMatch: 0 };
  k.n++;
  if (q.kind === 'unlisted') {
    if (matches.length) { k.anyMatch++; falseMatches.push({ ...q, matches: matches.slice(0, 3).map(x => ({ key: x.key, score: x.score, matchedName: x.matchedName })) }); }
  } else {
    const exp = q.expected.split(' ');
    const top = matches.slice(0, 3).map(x => x.key);
    if (top.some(x => exp.includes(x))) k.ok++;
    else misses.push({ ...q, rank: matches.findIndex(x => exp.includes(x.key)) + 1 || null, top: matches.slice(0, 3).map(x => ({ key: x.key, score: x.score, matchedName: x.matchedName })) });
  }
}
const listed = Object.entries(kinds).filter(([k]) => k !== 'unlisted');
const tot = listed.reduce((a, [, v]) => ({ n: a.n + v.n, ok: a.ok + v.ok }), { n: 0, ok: 0 });
const un = kinds.unlisted ?? { n: 0, anyMatch: 0 };
const lines = ['| kind | queries | found in top 3 | recall |', '|---|---|---|---|'];
for (const [k, v] of listed.sort()) lines.push(`| ${k} | ${v.n} | ${v.ok} | ${(v.ok / v.n).toFixed(3)} |`);
lines.push(`| **all listed** | ${tot.n} | ${tot.ok} | **${(tot.ok / tot.n).toFixed(3)}** |`);
lines.push(`| unlisted (false match = any match) | ${un.n} | ${un.anyMatch} matched | **${(100 * un.anyMatch / un.n).toFixed(1)}%** |`);
console.log(lines.join('\n'));
const summary = { repo, threshold: out.threshold, cliSeconds: runSeconds, list, date: new Date().toISOString(), perKind: kinds, overall: { ...tot, recall: tot.ok / tot.n }, unlisted: { n: un.n, falseMatches: un.anyMatch, rate: un.anyMatch / un.n } };
fs.writeFileSync(path.join(here, 'results.json'), JSON.stringify({ summary, misses, falseMatches }, null, 2));
