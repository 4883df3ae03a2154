#!/usr/bin/env node
// Independent screening evaluation: runs the jp-sanctions-monitor CLI once, as a black box, over queries.csv.
// usage: node run-eval.mjs [--list <file>] [--repo <checkout>] [--queries <csv>] [--threshold <t>] [--out <results.json>]
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const repo = path.resolve(opt('--repo', positional[1] ?? path.join(here, '..', '..')));
const list = path.resolve(opt('--list', positional[0] ?? path.join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx')));
const queriesFile = path.resolve(opt('--queries', path.join(here, 'queries.csv')));
const threshold = opt('--threshold', null);
const outFile = path.resolve(opt('--out', path.join(here, 'results.json')));

// --- read queries.csv (RFC 4180) ---
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
  return rows.filter(r => r.some(x => x !== ''));
}
const esc = v => (/[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
const [hdr, ...body] = parseCsv(fs.readFileSync(queriesFile, 'utf8').replace(/^\uFEFF/, ''));
const queries = body.map(r => Object.fromEntries(hdr.map((h, i) => [h, r[i] ?? ''])));

// --- write the customer file and run the tool once ---
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'holdout-'));
const customers = path.join(tmp, 'customers.csv');
fs.writeFileSync(customers, 'id,name,dob,country,entityType\n' +
  queries.map(q => [q.id, q.name, q.dob, q.country, q.entityType].map(esc).join(',')).join('\n') + '\n');
const cliArgs = ['run', '--silent', 'cli', '--', 'screen', '--customers', customers, '--list', list, '--format', 'json'];
if (threshold) cliArgs.push('--threshold', threshold);
const t0 = Date.now();
const run = spawnSync('npm', cliArgs, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
const seconds = (Date.now() - t0) / 1000;
if (run.status !== 0) { console.error(run.stderr || run.stdout); process.exit(2); }
const out = JSON.parse(run.stdout);
const hits = new Map(out.hits.map(h => [h.customerId, h.matches]));

// --- score ---
const kinds = [...new Set(queries.map(q => q.kind))];
const stat = Object.fromEntries(kinds.map(k => [k, { n: 0, found: 0, anyMatch: 0 }]));
const misses = [], falseMatches = [];
const brief = m => ({ key: m.key, score: m.score, matchedName: m.matchedName, name: m.name?.en || m.name?.ja });
for (const q of queries) {
  const ms = hits.get(q.id) ?? [];
  const s = stat[q.kind]; s.n++; if (ms.length) s.anyMatch++;
  const expected = q.expected.split(/\s+/).filter(Boolean);
  if (expected.length) {
    const top = ms.slice(0, 3).map(m => m.key);
    if (expected.some(k => top.includes(k))) s.found++;
    else {
      const rank = ms.findIndex(m => expected.includes(m.key));
      misses.push({ id: q.id, kind: q.kind, query: q.name, dob: q.dob, country: q.country, entityType: q.entityType,
        expected, expectedRank: rank >= 0 ? rank + 1 : null, got: ms.slice(0, 5).map(brief), note: q.note });
    }
  } else if (ms.length) {
    falseMatches.push({ id: q.id, kind: q.kind, query: q.name, dob: q.dob, country: q.country, entityType: q.entityType,
      got: ms.slice(0, 5).map(brief), note: q.note });
  }
}
const pct = (a, b) => (b ? (100 * a / b).toFixed(1) + '%' : '-');
const listed = kinds.filter(k => queries.some(q => q.kind === k && q.expected));
const unl = kinds.filter(k => !listed.includes(k));
const totN = listed.reduce((a, k) => a + stat[k].n, 0), totF = listed.reduce((a, k) => a + stat[k].found, 0);
const lines = [];
lines.push(`list ${list}`, `repo ${repo}  threshold ${out.threshold}  entries ${out.scope?.entries}  ${queries.length} queries  ${seconds.toFixed(1)} s`, '');
lines.push('| kind | queries | found in top 3 | recall |', '|---|---|---|---|');
for (const k of listed) lines.push(`| ${k} | ${stat[k].n} | ${stat[k].found} | ${pct(stat[k].found, stat[k].n)} |`);
lines.push(`| **all listed** | ${totN} | ${totF} | **${pct(totF, totN)}** |`, '');
for (const k of unl) lines.push(`unlisted (${k}): ${stat[k].anyMatch} of ${stat[k].n} get any match = ${pct(stat[k].anyMatch, stat[k].n)} false-match rate`);
// breakdown by how each query was made (the note)
const byNote = new Map();
for (const q of queries) {
  const k = q.kind + ' | ' + q.note; const b = byNote.get(k) ?? { n: 0, ok: 0 }; b.n++;
  const ms = hits.get(q.id) ?? []; const exp = q.expected.split(/\s+/).filter(Boolean);
  if (exp.length ? exp.some(x => ms.slice(0, 3).some(m => m.key === x)) : ms.length === 0) b.ok++;
  byNote.set(k, b);
}
lines.push('', 'by subgroup (listed: found in top 3; unlisted: no match at all):');
for (const [k, b] of byNote) lines.push(`  ${String(b.ok).padStart(4)} / ${String(b.n).padEnd(4)} ${k.slice(0, 140)}`);
console.log(lines.join('\n'));
const perKind = Object.fromEntries(kinds.map(k => [k, { ...stat[k], recall: listed.includes(k) ? stat[k].found / stat[k].n : undefined,
  falseMatchRate: listed.includes(k) ? undefined : stat[k].anyMatch / stat[k].n }]));
fs.writeFileSync(outFile, JSON.stringify({ list, repo, threshold: out.threshold, runSeconds: seconds, queries: queries.length,
  overall: { listed: totN, found: totF, recall: totF / totN }, perKind, bySubgroup: Object.fromEntries(byNote), misses, falseMatches }, null, 1));
console.log(`\nwrote ${outFile}: ${misses.length} misses, ${falseMatches.length} false matches`);
fs.rmSync(tmp, { recursive: true, force: true });
