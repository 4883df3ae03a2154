#!/usr/bin/env node
// Holdout 13 screening evaluation. Node >= 20, no dependencies.
// node run-eval.mjs --repo <checkout> [--out results.json] [--keep raw.json] [--queries queries.csv]
// node run-eval.mjs --from raw.json [--out results.json] [--queries queries.csv]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese'];
const KEY_RE = /\b(\d{3}-\d{6})\b/;
const KEY_RE_G = /\b\d{3}-\d{6}\b/g;

function args(argv) {
  const a = {};
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    if (!k.startsWith('--')) throw new Error(`unexpected argument ${k}`);
    a[k.slice(2)] = argv[i + 1];
    i++;
  }
  return a;
}

// RFC 4180 CSV reader
function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
      row.push(f); rows.push(row); row = []; f = '';
    } else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  const head = rows.shift();
  return rows.filter(r => r.length > 1 || r[0] !== '').map(r => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
const csvField = v => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function parseOutput(text) {
  const t = text.trim();
  try { return JSON.parse(t); } catch {}
  const lines = t.split(/\r?\n/).filter(Boolean);
  const parsed = [];
  let ok = lines.length > 0;
  for (const l of lines) { try { parsed.push(JSON.parse(l)); } catch { ok = false; break; } }
  if (ok) return parsed;
  const s = Math.min(...['{', '['].map(ch => { const i = t.indexOf(ch); return i < 0 ? Infinity : i; }));
  if (s !== Infinity) { try { return JSON.parse(t.slice(s)); } catch {} }
  throw new Error('could not parse CLI output as JSON');
}

const SCORE_FIELDS = ['score', 'similarity', 'confidence', 'matchScore', 'rank'];
function firstKey(v) {
  if (typeof v === 'string') { const m = v.match(KEY_RE); return m ? m[1] : null; }
  if (Array.isArray(v)) { for (const x of v) { const k = firstKey(x); if (k) return k; } return null; }
  if (v && typeof v === 'object') {
    for (const f of ['key', 'id', 'entryId', 'entry_id', 'ref', 'listId', 'number', 'designationId']) {
      if (typeof v[f] === 'string' && KEY_RE.test(v[f])) return v[f].match(KEY_RE)[1];
    }
    for (const x of Object.values(v)) { const k = firstKey(x); if (k) return k; }
  }
  return null;
}
function scoreOf(o) {
  if (!o || typeof o !== 'object') return null;
  for (const f of SCORE_FIELDS) if (typeof o[f] === 'number') return f === 'rank' ? -o[f] : o[f];
  return null;
}
// Ordered, de-duplicated keys matched for one customer's result object.
function keysFor(obj) {
  // Prefer an array of match objects (each naming one entry); keep the CLI's order unless it gives scores.
  let best = null;
  for (const f of ['matches', 'hits', 'results', 'candidates']) {
    const v = obj && obj[f];
    if (Array.isArray(v)) { best = v.filter(x => x && typeof x === 'object' && firstKey(x)); break; }
  }
  const walk = v => {
    if (best) return;
    if (Array.isArray(v)) {
      const items = v.filter(x => x && typeof x === 'object' && firstKey(x));
      if (items.length && (!best || items.length > best.length)) best = items;
      v.forEach(walk);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(obj);
  let keys = [];
  if (best) {
    let items = best.map((x, i) => ({ k: firstKey(x), s: scoreOf(x), i }));
    if (items.every(x => x.s !== null)) items = items.slice().sort((a, b) => b.s - a.s || a.i - b.i);
    keys = items.map(x => x.k);
  } else {
    keys = JSON.stringify(obj).match(KEY_RE_G) || [];
  }
  return [...new Set(keys)];
}
// Map customer id -> ordered keys.
function resultsById(output, ids) {
  const idSet = new Set(ids);
  const out = new Map();
  const add = (id, obj) => { if (!out.has(id)) out.set(id, keysFor(obj)); };
  const walk = v => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!v || typeof v !== 'object') return;
    for (const [k, val] of Object.entries(v)) if (idSet.has(k)) add(k, val);
    const own = Object.entries(v).find(([k, val]) => typeof val === 'string' && idSet.has(val) && /id|customer|ref/i.test(k));
    if (own) { add(own[1], v); return; }
    Object.values(v).forEach(walk);
  };
  walk(output);
  return out;
}

function main() {
  const a = args(process.argv);
  const qpath = resolve(a.queries || join(HERE, 'queries.csv'));
  const queries = parseCsv(readFileSync(qpath, 'utf8'));
  let raw;
  if (a.from) {
    raw = JSON.parse(readFileSync(resolve(a.from), 'utf8'));
  } else {
    // In the repository: --repo defaults to the checkout this file lies in.
    if (!a.repo) a.repo = join(HERE, '..', '..');
    const repo = resolve(a.repo);
    const dir = mkdtempSync(join(tmpdir(), 'h13-'));
    const cust = join(dir, 'customers.csv');
    const lines = ['id,name,dob,country,entityType'];
    for (const q of queries) lines.push([q.id, q.name, q.dob, q.country, q.entityType].map(csvField).join(','));
    writeFileSync(cust, lines.join('\n') + '\n');
    const list = join(repo, 'test/fixtures/mof/shisantouketsu20260305.xlsx');
    const cmd = ['run', '--silent', 'cli', '--', 'screen', '--customers', cust, '--list', list, '--format', 'json'];
    const t0 = Date.now();
    const r = spawnSync('npm', cmd, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
    const elapsedMs = Date.now() - t0;
    rmSync(dir, { recursive: true, force: true });
    if (r.error) throw r.error;
    let output = null, parseError = null;
    try { output = parseOutput(r.stdout || ''); } catch (e) { parseError = String(e.message); }
    raw = { command: `npm ${cmd.join(' ')}`, exitCode: r.status, elapsedMs, stderr: (r.stderr || '').slice(-20000), output, stdout: output === null ? r.stdout : undefined, parseError };
    if (a.keep) writeFileSync(resolve(a.keep), JSON.stringify(raw));
    if (output === null) { console.error(`CLI exit ${r.status}; ${parseError}`); process.exitCode = 1; }
  }
  const byId = raw.output ? resultsById(raw.output, queries.map(q => q.id)) : new Map();

  const stats = {}; const misses = []; const falseMatches = [];
  for (const k of [...KINDS, 'unlisted']) stats[k] = { n: 0, found: 0 };
  for (const q of queries) {
    const keys = byId.get(q.id) || [];
    const s = stats[q.kind] || (stats[q.kind] = { n: 0, found: 0 });
    s.n++;
    if (q.kind === 'unlisted') {
      if (keys.length) { s.found++; falseMatches.push({ id: q.id, name: q.name, matched: keys.slice(0, 5) }); }
    } else {
      const exp = q.expected.split(';').filter(Boolean);
      const top = keys.slice(0, 3);
      if (exp.some(k => top.includes(k))) s.found++;
      else misses.push({ id: q.id, kind: q.kind, name: q.name, expected: exp, top3: top, rankOfExpected: Math.min(...exp.map(k => { const i = keys.indexOf(k); return i < 0 ? Infinity : i + 1; })) });
    }
  }
  for (const m of misses) if (m.rankOfExpected === Infinity) m.rankOfExpected = null;
  const pct = (x, n) => (n ? (100 * x / n).toFixed(1) : '-');
  let ln = 0, lf = 0;
  const rowsOut = ['kind        found/total   recall@3'];
  for (const k of KINDS) {
    const s = stats[k]; ln += s.n; lf += s.found;
    rowsOut.push(`${k.padEnd(11)} ${String(s.found).padStart(5)}/${String(s.n).padEnd(6)} ${pct(s.found, s.n).padStart(6)}%`);
  }
  rowsOut.push(`${'ALL listed'.padEnd(11)} ${String(lf).padStart(5)}/${String(ln).padEnd(6)} ${pct(lf, ln).padStart(6)}%`);
  const u = stats.unlisted;
  rowsOut.push(`unlisted false matches: ${u.found}/${u.n} (${pct(u.found, u.n)}%)`);
  console.log(rowsOut.join('\n'));
  const results = {
    set: 'holdout13', queries: qpath, generatedAt: new Date().toISOString(),
    cli: { command: raw.command, exitCode: raw.exitCode, elapsedMs: raw.elapsedMs, parseError: raw.parseError, customersWithResults: byId.size },
    perKind: Object.fromEntries(KINDS.map(k => [k, { ...stats[k], recallAt3: stats[k].n ? stats[k].found / stats[k].n : null }])),
    overall: { n: ln, found: lf, recallAt3: ln ? lf / ln : null },
    unlisted: { n: u.n, falseMatches: u.found, rate: u.n ? u.found / u.n : null },
    misses, falseMatches,
  };
  writeFileSync(resolve(a.out || join(HERE, 'results.json')), JSON.stringify(results, null, 1));
}
main();
