#!/usr/bin/env node
// Holdout set 3: scores a checkout's name screening against queries.csv.
//
//   node run-eval.mjs [--repo /work/main] [--out results.json] [--threshold x]
//   node run-eval.mjs --from out/raw-<stamp>.json      (re-score a kept CLI output, no run)
//
// It writes the queries as a customer CSV (id,name,dob,country,entityType), runs the CLI ONCE:
//   npm run --silent cli -- screen --customers <csv> --list <repo>/test/fixtures/mof/shisantouketsu20260305.xlsx --format json
// keeps the raw output next to this file (out/), and scores:
//   recall@3 per kind and overall: a query counts as found when one of its expected keys is among the
//            first three matches (matches ordered by score, highest first);
//   false-match rate on unlisted: an unlisted query with any match at all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const repo = resolve(opt('--repo', new URL('../../', import.meta.url).pathname));
const from = opt('--from', null);
const outPath = resolve(opt('--out', join(HERE, 'results.json')));
const threshold = opt('--threshold', null);
const queriesPath = resolve(opt('--queries', join(HERE, 'queries.csv')));

// RFC 4180 CSV reader (quoted fields, doubled quotes, commas and newlines inside quotes).
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
  return body.map((r) => Object.fromEntries(head.map((h, j) => [h, r[j] ?? ''])));
}
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

const queries = parseCsv(readFileSync(queriesPath, 'utf8').replace(/^\uFEFF/, ''));
const outDir = join(HERE, 'out');
mkdirSync(outDir, { recursive: true });

let raw, rawPath;
if (from) {
  rawPath = resolve(from);
  raw = readFileSync(rawPath, 'utf8');
} else {
  const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
  if (!existsSync(list)) throw new Error(`list not found: ${list}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const customers = join(outDir, `customers-${stamp}.csv`);
  const lines = ['id,name,dob,country,entityType'];
  for (const q of queries) lines.push([q.id, q.name, q.dob, q.country, q.entityType].map(csvCell).join(','));
  writeFileSync(customers, lines.join('\n') + '\n');
  const cli = ['run', '--silent', 'cli', '--', 'screen', '--customers', customers, '--list', list, '--format', 'json'];
  if (threshold) cli.push('--threshold', threshold);
  console.error(`running in ${repo}: npm ${cli.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync('npm', cli, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  rawPath = join(outDir, `raw-${stamp}.json`);
  writeFileSync(rawPath, r.stdout ?? '');
  if (r.stderr) writeFileSync(join(outDir, `stderr-${stamp}.txt`), r.stderr);
  console.error(`cli exit ${r.status} in ${secs}s; raw output kept in ${rawPath}`);
  if (r.status !== 0) throw new Error(`cli failed (exit ${r.status}); see ${outDir}`);
  raw = r.stdout;
}

// The CLI prints one JSON document; tolerate anything printed before it.
const doc = JSON.parse(raw.slice(raw.indexOf('{')));
const byId = new Map();
for (const h of doc.hits ?? []) {
  const ms = [...(h.matches ?? [])]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (b.m.score ?? 0) - (a.m.score ?? 0) || a.i - b.i)
    .map(({ m }) => m);
  byId.set(String(h.customerId), ms);
}
const brief = (m) => ({ key: m.key, score: m.score, matched: m.matchedName, en: m.name?.en, ja: m.name?.ja });

const kinds = [...new Set(queries.map((q) => q.kind))].filter((k) => k !== 'unlisted');
const per = Object.fromEntries(kinds.map((k) => [k, { n: 0, found: 0, nT: 0, foundT: 0 }]));
// Queries whose note starts with [translation] give a name in another language whose generic words must be
// translated, not transliterated (조선무역은행 for FOREIGN TRADE BANK, 丹东银行 for Bank of Dandong). The table also
// shows each kind without them.
const isTranslation = (q) => q.note.startsWith('[translation]');
const misses = [], falseMatches = [];
let negN = 0;
for (const q of queries) {
  const ms = byId.get(q.id) ?? [];
  if (q.kind === 'unlisted') {
    negN++;
    if (ms.length) falseMatches.push({ id: q.id, name: q.name, note: q.note, matches: ms.slice(0, 3).map(brief) });
    continue;
  }
  const want = q.expected.split(/\s+/).filter(Boolean);
  const top = ms.slice(0, 3).map((m) => m.key);
  const hit = want.some((k) => top.includes(k));
  per[q.kind].n++;
  if (hit) per[q.kind].found++;
  if (isTranslation(q)) { per[q.kind].nT++; if (hit) per[q.kind].foundT++; }
  if (!hit) {
    const rank = ms.findIndex((m) => want.includes(m.key));
    misses.push({ id: q.id, kind: q.kind, name: q.name, dob: q.dob, country: q.country, expected: want,
      expectedRank: rank >= 0 ? rank + 1 : null, top3: ms.slice(0, 3).map(brief), note: q.note });
  }
}
const posN = kinds.reduce((s, k) => s + per[k].n, 0);
const posFound = kinds.reduce((s, k) => s + per[k].found, 0);
const pct = (a, b) => (b ? (a / b).toFixed(3) : '-');

const noT = (k) => [per[k].found - per[k].foundT, per[k].n - per[k].nT];
const posFoundNT = kinds.reduce((s, k) => s + noT(k)[0], 0), posNNT = kinds.reduce((s, k) => s + noT(k)[1], 0);
const rows = kinds.map((k) => [k, `${per[k].found} / ${per[k].n}`, pct(per[k].found, per[k].n),
  `${noT(k)[0]} / ${noT(k)[1]}`, pct(...noT(k))]);
rows.push(['ALL listed', `${posFound} / ${posN}`, pct(posFound, posN), `${posFoundNT} / ${posNNT}`, pct(posFoundNT, posNNT)]);
rows.push(['unlisted with any match', `${falseMatches.length} / ${negN}`, pct(falseMatches.length, negN), '', '']);
const H = ['kind', 'found in top 3', 'rate', 'without [translation]', 'rate'];
const W = H.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => c.padEnd(W[i])).join(' | ')} |`;
console.log(line(H));
console.log(`|${W.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));

writeFileSync(outPath, JSON.stringify({
  set: 'holdout3', queries: queriesPath, raw: rawPath, repo: from ? null : repo,
  threshold: doc.threshold ?? null, listEntries: doc.scope?.entries ?? null,
  recallTop3: Object.fromEntries(kinds.map((k) => [k, { found: per[k].found, n: per[k].n, rate: per[k].n ? per[k].found / per[k].n : null,
    withoutTranslation: { found: noT(k)[0], n: noT(k)[1], rate: noT(k)[1] ? noT(k)[0] / noT(k)[1] : null } }])),
  overall: { found: posFound, n: posN, rate: posN ? posFound / posN : null,
    withoutTranslation: { found: posFoundNT, n: posNNT, rate: posNNT ? posFoundNT / posNNT : null } },
  unlisted: { falseMatches: falseMatches.length, n: negN, rate: negN ? falseMatches.length / negN : null },
  misses, falseMatches,
}, null, 2) + '\n');
console.error(`results written to ${outPath}`);
