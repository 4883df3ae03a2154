#!/usr/bin/env node
// Holdout set 10 — screening evaluation runner (Node >= 20, no dependencies).
//
//   node run-eval.mjs [--repo <checkout>] [--out results.json] [--keep raw.json] [--queries queries.csv]
//   node run-eval.mjs --from raw.json [--out results.json] [--queries queries.csv]
//
// Writes the queries as a customer CSV (id,name,dob,country,entityType), runs the project's CLI once:
//   npm run --silent cli -- screen --customers <csv> --list <repo>/test/fixtures/mof/shisantouketsu20260305.xlsx --format json
// (cwd = <repo>), then scores:
//   - listed kinds: found when one expected key is among the first three matches of that customer (recall@3);
//   - unlisted: false match when the customer has any match at all.
// stdout: only the per-kind table and the unlisted false-match count. Misses and false matches go to the
// results JSON only. The CLI's JSON is read defensively: matched entries are recognised by the NNN-NNNNNN pattern.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese'];
const KEY_RE = /\b\d{3}-\d{6}\b/g;
const LIST_REL = 'test/fixtures/mof/shisantouketsu20260305.xlsx';

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    if (t.startsWith('--')) {
      const k = t.slice(2);
      const v = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
      a[k] = v;
    }
  }
  return a;
}

// RFC 4180 CSV reader (quoted fields, embedded commas/quotes/newlines).
function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') { f += '"'; i++; } else q = false;
      } else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(f); f = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  const [hdr, ...body] = rows;
  return body.map((r) => Object.fromEntries(hdr.map((h, j) => [h, r[j] ?? ''])));
}

function csvField(s) {
  s = String(s ?? '');
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

// ---- defensive reading of the CLI output ----------------------------------------------------------------

function parseJsonLoose(text) {
  const t = text.trim();
  try { return JSON.parse(t); } catch { /* fall through */ }
  // NDJSON
  const lines = t.split(/\r?\n/).filter((l) => l.trim());
  const objs = [];
  let ok = lines.length > 0;
  for (const l of lines) {
    try { objs.push(JSON.parse(l)); } catch { ok = false; break; }
  }
  if (ok) return objs;
  // JSON preceded/followed by log lines
  const starts = [t.indexOf('{'), t.indexOf('[')].filter((x) => x >= 0);
  const ends = [t.lastIndexOf('}'), t.lastIndexOf(']')].filter((x) => x >= 0);
  for (const s of starts.sort((x, y) => x - y)) {
    for (const e of ends.sort((x, y) => y - x)) {
      if (e <= s) continue;
      try { return JSON.parse(t.slice(s, e + 1)); } catch { /* try next */ }
    }
  }
  throw new Error('could not find JSON in the CLI output');
}

const KEY_FIELD = /^(key|entryKey|entry_key|entryId|entry_id|id|number|ref)$/i;
const FULL_KEY = /^\d{3}-\d{6}$/;
const MATCH_FIELD = /^(matches|match|hits|alerts|results|matchedEntries|matched_entries|candidates)$/i;
const SCORE_NAMES = /^(score|similarity|confidence|matchScore|match_score|rank_score|weight|probability)$/i;

function numericScore(o) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
  for (const [k, v] of Object.entries(o)) if (SCORE_NAMES.test(k) && typeof v === 'number') return v;
  for (const v of Object.values(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v)) if (SCORE_NAMES.test(k2) && typeof v2 === 'number') return v2;
    }
  }
  return null;
}

function rankFromArrayItem(o) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
  for (const [k, v] of Object.entries(o)) if (/^rank$/i.test(k) && typeof v === 'number') return v;
  return null;
}

// Keys in document order inside a value, skipping nothing; arrays of match-like objects are ordered by an
// explicit rank (ascending) or score (descending) when every item has one.
function keysInOrder(v, out = []) {
  if (typeof v === 'string') {
    for (const m of v.matchAll(KEY_RE)) out.push(m[0]);
  } else if (Array.isArray(v)) {
    let items = v.map((x, i) => ({ x, i }));
    const ranks = v.map(rankFromArrayItem);
    const scores = v.map(numericScore);
    if (v.length > 1 && ranks.every((r) => r !== null)) items.sort((a, b) => ranks[a.i] - ranks[b.i] || a.i - b.i);
    else if (v.length > 1 && scores.every((s) => s !== null)) items.sort((a, b) => scores[b.i] - scores[a.i] || a.i - b.i);
    for (const { x } of items) keysInOrder(x, out);
  } else if (v && typeof v === 'object') {
    // a match object naming its entry in a key/id field: take that key only (not keys quoted in explanations)
    const own = Object.entries(v).find(([k, x]) => KEY_FIELD.test(k) && typeof x === 'string' && FULL_KEY.test(x.trim()));
    if (own) { out.push(own[1].trim()); return out; }
    for (const x of Object.values(v)) keysInOrder(x, out);
  }
  return out;
}

function uniq(a) {
  const s = new Set();
  const out = [];
  for (const x of a) if (!s.has(x)) { s.add(x); out.push(x); }
  return out;
}

// Returns Map customerId -> ordered unique list of matched keys.
// A customer's record is the largest sub-tree of the output that mentions exactly one customer id (as a string
// value, or as an object key whose value is then the record); matched keys are read from it in document order
// (arrays of match objects re-ordered by explicit rank or score when every item has one). Several records for
// one customer (flat match rows) are merged, by score when every row has one, else in document order.
function extractMatches(doc, ids) {
  const idSet = new Set(ids);
  const memo = new WeakMap();
  const idsIn = (v) => {
    if (typeof v === 'string') return idSet.has(v.trim()) ? new Set([v.trim()]) : new Set();
    if (!v || typeof v !== 'object') return new Set();
    if (memo.has(v)) return memo.get(v);
    const s = new Set();
    if (Array.isArray(v)) { for (const x of v) for (const i of idsIn(x)) s.add(i); }
    else for (const [k, x] of Object.entries(v)) { if (idSet.has(k)) s.add(k); for (const i of idsIn(x)) s.add(i); }
    memo.set(v, s);
    return s;
  };
  const perCustomer = new Map();
  let order = 0;
  const add = (id, node) => {
    let rest = node;
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      // prefer an explicit matches/hits/alerts field when the record has one (ignore e.g. rejected candidates)
      const mk = Object.keys(node).filter((k) => MATCH_FIELD.test(k) && node[k] && typeof node[k] === 'object');
      if (mk.length) rest = mk.map((k) => node[k]);
      else {
        rest = {};
        for (const [k, x] of Object.entries(node)) if (!(typeof x === 'string' && idSet.has(x.trim()))) rest[k] = x;
      }
    }
    if (!perCustomer.has(id)) perCustomer.set(id, []);
    perCustomer.get(id).push({ keys: keysInOrder(rest), score: numericScore(node), order: order++ });
  };
  const visit = (v) => {
    if (!v || typeof v !== 'object') return;
    const s = idsIn(v);
    if (s.size === 0) return;
    if (s.size === 1 && !(v && !Array.isArray(v) && Object.keys(v).some((k) => idSet.has(k)))) { add([...s][0], v); return; }
    if (Array.isArray(v)) { v.forEach(visit); return; }
    for (const [k, x] of Object.entries(v)) {
      if (idSet.has(k)) add(k, x);
      else visit(x);
    }
  };
  visit(doc);
  const res = new Map();
  for (const [id, recs] of perCustomer) {
    let rs = recs;
    if (recs.length > 1 && recs.every((r) => r.score !== null)) rs = [...recs].sort((a, b) => b.score - a.score || a.order - b.order);
    res.set(id, uniq(rs.flatMap((r) => r.keys)));
  }
  return res;
}

// ---- main -----------------------------------------------------------------------------------------------

function pct(a, b) { return b ? (100 * a / b).toFixed(1) : '-'; }

function main() {
  const args = parseArgs(process.argv.slice(2));
  const qPath = path.resolve(args.queries && args.queries !== true ? args.queries : path.join(HERE, 'queries.csv'));
  const queries = parseCsv(fs.readFileSync(qPath, 'utf8'));
  const ids = queries.map((q) => q.id);
  let raw;
  let cliInfo = {};
  if (args.from) {
    raw = fs.readFileSync(path.resolve(args.from), 'utf8');
    cliInfo = { from: path.resolve(args.from) };
  } else {
    // In the repository: --repo defaults to the checkout this file lies in.
    const repo = path.resolve(args.repo && args.repo !== true ? args.repo : path.join(HERE, '..', '..'));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'h10-'));
    const custPath = path.join(tmp, 'customers.csv');
    const lines = ['id,name,dob,country,entityType'];
    for (const q of queries) lines.push([q.id, q.name, q.dob, q.country, q.entityType].map(csvField).join(','));
    fs.writeFileSync(custPath, lines.join('\n') + '\n', 'utf8');
    const listPath = path.join(repo, LIST_REL);
    const cmdArgs = ['run', '--silent', 'cli', '--', 'screen', '--customers', custPath, '--list', listPath, '--format', 'json'];
    const t0 = Date.now();
    const r = spawnSync('npm', cmdArgs, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, env: process.env });
    cliInfo = { command: 'npm ' + cmdArgs.join(' '), cwd: repo, exitCode: r.status, signal: r.signal, ms: Date.now() - t0, stderrTail: (r.stderr || '').slice(-2000) };
    if (r.error) { console.error('failed to run the CLI: ' + r.error.message); process.exit(3); }
    raw = r.stdout || '';
    if (args.keep && args.keep !== true) fs.writeFileSync(path.resolve(args.keep), raw, 'utf8');
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!raw.trim()) {
      console.error(`the CLI printed nothing on stdout (exit ${r.status}); stderr:\n` + (r.stderr || '').slice(-2000));
      process.exit(4);
    }
  }
  let doc;
  try { doc = parseJsonLoose(raw); } catch (e) {
    console.error(e.message + '; first bytes: ' + raw.slice(0, 300));
    process.exit(5);
  }
  const matches = extractMatches(doc, ids);
  const absent = ids.filter((id) => !matches.has(id));
  if (absent.length === ids.length) console.error('warning: no customer id of the query set was found in the CLI output');
  else if (absent.length) console.error(`note: ${absent.length} customers do not appear in the CLI output (counted as no match)`);

  const stats = {};
  const misses = [];
  const falseMatches = [];
  for (const k of [...KINDS, 'unlisted']) stats[k] = { n: 0, found: 0 };
  const other = new Set();
  for (const q of queries) {
    const got = matches.get(q.id) || [];
    const kind = q.kind;
    if (!stats[kind]) { stats[kind] = { n: 0, found: 0 }; other.add(kind); }
    const st = stats[kind];
    st.n++;
    if (kind === 'unlisted') {
      if (got.length) { st.found++; falseMatches.push({ id: q.id, name: q.name, note: q.note, matched: got.slice(0, 10), nMatched: got.length }); }
    } else {
      const exp = q.expected.split(';').map((s) => s.trim()).filter(Boolean);
      const top3 = got.slice(0, 3);
      if (exp.some((k) => top3.includes(k))) st.found++;
      else misses.push({ id: q.id, kind, name: q.name, expected: exp, top3, rankOfExpected: (() => { const r = got.findIndex((k) => exp.includes(k)); return r < 0 ? null : r + 1; })(), nMatched: got.length });
    }
  }
  const listedKinds = [...KINDS, ...[...other].filter((k) => k !== 'unlisted')];
  const overall = listedKinds.reduce((a, k) => ({ n: a.n + stats[k].n, found: a.found + stats[k].found }), { n: 0, found: 0 });

  const lines = [];
  lines.push('kind        found@3 /    n   recall@3');
  for (const k of listedKinds) lines.push(`${k.padEnd(10)}  ${String(stats[k].found).padStart(7)} / ${String(stats[k].n).padStart(4)}   ${pct(stats[k].found, stats[k].n).padStart(6)}%`);
  lines.push(`${'overall'.padEnd(10)}  ${String(overall.found).padStart(7)} / ${String(overall.n).padStart(4)}   ${pct(overall.found, overall.n).padStart(6)}%`);
  lines.push(`unlisted false matches: ${stats.unlisted.found} / ${stats.unlisted.n} (${pct(stats.unlisted.found, stats.unlisted.n)}%)`);
  console.log(lines.join('\n'));

  const outPath = path.resolve(args.out && args.out !== true ? args.out : path.join(process.cwd(), 'results.json'));
  const result = {
    set: 'holdout10', queries: qPath, generatedAt: new Date().toISOString(), cli: cliInfo,
    perKind: Object.fromEntries(listedKinds.map((k) => [k, { ...stats[k], recallAt3: stats[k].n ? stats[k].found / stats[k].n : null }])),
    overall: { ...overall, recallAt3: overall.n ? overall.found / overall.n : null },
    unlisted: { n: stats.unlisted.n, falseMatches: stats.unlisted.found, rate: stats.unlisted.n ? stats.unlisted.found / stats.unlisted.n : null },
    customersAbsentFromOutput: absent.length,
    misses, falseMatches,
  };
  fs.writeFileSync(outPath, JSON.stringify(result, null, 2) + '\n', 'utf8');
}

main();
