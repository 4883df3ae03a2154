#!/usr/bin/env node
// Holdout 14 scorer. Node >= 20, no dependencies.
// node run-eval.mjs --repo <checkout> [--out results.json] [--keep raw.json] [--queries queries.csv]
// node run-eval.mjs --from raw.json [--out results.json] [--queries queries.csv]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese'];
const KEY_RE = /(?<!\d)(\d{3}-\d{6})(?!\d)/g;

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    if (!t.startsWith('--')) continue;
    const k = t.slice(2);
    const v = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    a[k] = v;
  }
  return a;
}

function parseCsv(text) {
  const rows = []; let row = []; let f = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; }
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(f); f = ''; rows.push(row); row = [];
    } else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  const [head, ...body] = rows.filter(r => r.length > 1 || (r.length === 1 && r[0] !== ''));
  return body.map(r => Object.fromEntries(head.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i] ?? ''])));
}

const csvCell = s => (/[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);

function parseOutput(text) {
  const t = text.trim();
  try { return JSON.parse(t); } catch {}
  const s = t.search(/[\[{]/);
  if (s >= 0) {
    const end = Math.max(t.lastIndexOf('}'), t.lastIndexOf(']'));
    try { return JSON.parse(t.slice(s, end + 1)); } catch {}
  }
  const lines = [];
  for (const line of t.split(/\r?\n/)) { try { lines.push(JSON.parse(line)); } catch {} }
  if (lines.length) return lines;
  throw new Error('could not parse CLI output as JSON');
}

// Collect, per query id, the listed keys in the order the CLI gives them (by score when scores exist).
function collect(json, ids, embedded = false) {
  const per = new Map();
  let seq = 0;
  const scoreOf = o => {
    for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && /score|similarity|confidence/i.test(k)) return v;
    return undefined;
  };
  function add(id, key, score) {
    if (!per.has(id)) per.set(id, []);
    per.get(id).push({ key, score, seq: seq++ });
  }
  function walk(node, id, score) {
    if (Array.isArray(node)) { for (const x of node) walk(x, id, score); return; }
    if (node && typeof node === 'object') {
      let myId = id;
      for (const v of Object.values(node)) if (typeof v === 'string' && ids.has(v)) { myId = v; break; }
      const sc = scoreOf(node);
      const myScore = sc !== undefined ? sc : (myId !== id ? undefined : score);
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string') {
          if (myId && !ids.has(v)) { if (embedded) { for (const m of v.matchAll(KEY_RE)) add(myId, m[1], myScore); } else if (/^\s*\d{3}-\d{6}\s*$/.test(v)) add(myId, v.trim(), myScore); }
        } else walk(v, myId, myScore);
      }
      return;
    }
    if (typeof node === 'string' && id) { if (embedded) { for (const m of node.matchAll(KEY_RE)) add(id, m[1], score); } else if (/^\s*\d{3}-\d{6}\s*$/.test(node)) add(id, node.trim(), score); }
  }
  walk(json, undefined, undefined);
  const out = new Map();
  for (const [id, arr] of per) {
    const anyScore = arr.some(x => x.score !== undefined);
    if (anyScore) arr.sort((a, b) => ((b.score ?? -Infinity) - (a.score ?? -Infinity)) || (a.seq - b.seq));
    const keys = [];
    for (const x of arr) if (!keys.includes(x.key)) keys.push(x.key);
    out.set(id, keys);
  }
  return out;
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  const qpath = resolve(a.queries || join(HERE, 'queries.csv'));
  const queries = parseCsv(readFileSync(qpath, 'utf8'));
  const ids = new Set(queries.map(q => q.id));
  let raw;
  if (a.from) raw = readFileSync(resolve(a.from), 'utf8');
  else {
    // In the repository: --repo defaults to the checkout this file lies in.
    if (!a.repo) a.repo = join(HERE, '..', '..');
    const repo = resolve(a.repo);
    const dir = mkdtempSync(join(tmpdir(), 'h14-'));
    const csvPath = join(dir, 'customers.csv');
    const lines = ['id,name,dob,country,entityType'];
    for (const q of queries) lines.push([q.id, q.name, q.dob, q.country, q.entityType].map(csvCell).join(','));
    writeFileSync(csvPath, lines.join('\n') + '\n');
    const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'screen', '--customers', csvPath, '--list', list, '--format', 'json'],
      { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
    rmSync(dir, { recursive: true, force: true });
    if (r.error) { console.error('CLI failed to start:', r.error.message); process.exit(1); }
    raw = r.stdout || '';
    if (a.keep) writeFileSync(resolve(a.keep), raw);
    if (r.status !== 0 && !raw.trim()) { console.error('CLI exited with status', r.status); console.error((r.stderr || '').slice(0, 2000)); process.exit(1); }
  }
  const parsed = parseOutput(raw);
  let matches = collect(parsed, ids);
  if (matches.size === 0) matches = collect(parsed, ids, true);
  const stats = {}; for (const k of [...KINDS, 'unlisted']) stats[k] = { n: 0, hit: 0 };
  const misses = [], falseMatches = [];
  for (const q of queries) {
    const got = matches.get(q.id) || [];
    const st = stats[q.kind] || (stats[q.kind] = { n: 0, hit: 0 });
    st.n++;
    if (q.kind === 'unlisted') {
      if (got.length) { st.hit++; falseMatches.push({ id: q.id, name: q.name, matched: got.slice(0, 5) }); }
    } else {
      const exp = q.expected.split(';').filter(Boolean);
      const top = got.slice(0, 3);
      if (exp.some(k => top.includes(k))) st.hit++;
      else misses.push({ id: q.id, kind: q.kind, name: q.name, expected: exp, top3: top, rank: Math.min(...exp.map(k => { const i = got.indexOf(k); return i < 0 ? Infinity : i + 1; })) });
    }
  }
  const pct = (h, n) => (n ? (100 * h / n).toFixed(1) : '0.0');
  let totN = 0, totH = 0;
  const table = [];
  console.log('kind        found/total  recall@3');
  for (const k of KINDS) {
    const s = stats[k]; totN += s.n; totH += s.hit;
    table.push({ kind: k, found: s.hit, total: s.n, recall: +pct(s.hit, s.n) });
    console.log(`${k.padEnd(11)} ${String(s.hit).padStart(5)}/${String(s.n).padEnd(5)}  ${pct(s.hit, s.n).padStart(6)}%`);
  }
  console.log(`${'overall'.padEnd(11)} ${String(totH).padStart(5)}/${String(totN).padEnd(5)}  ${pct(totH, totN).padStart(6)}%`);
  const u = stats.unlisted;
  console.log(`unlisted false matches: ${u.hit}/${u.n} (${pct(u.hit, u.n)}%)`);
  const res = { set: 'holdout14', queries: queries.length, recallTop3: table, overall: { found: totH, total: totN, recall: +pct(totH, totN) },
    unlisted: { falseMatches: u.hit, total: u.n, rate: +pct(u.hit, u.n) }, customersWithAnyMatch: matches.size, misses, falseMatches };
  writeFileSync(resolve(a.out || 'results.json'), JSON.stringify(res, null, 1));
}
main();
