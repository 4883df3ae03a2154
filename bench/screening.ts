import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Designation } from '../shared/domain/designation';
import { parseList } from '../shared/mof/parse-list';
import { type Customer, DEFAULT_THRESHOLD } from '../shared/screening/schemas';
import { screenCustomers, screenName } from '../shared/screening/screen';
import { ScreeningIndex } from '../shared/screening/screening-index';
import { tokenizeName } from '../shared/screening/normalize';
import { MAY_2024_KEYS, WORKBOOK } from '../test/support/fixtures';
import { aliasHoldOut, type IndependentQuery, namesakes, standardVariants } from '../test/support/independent-sets';
import { PRESS_QUERIES } from '../test/support/press-sets';
import { THIRD_SET } from '../test/support/third-set';
import { FOURTH_HELD_OUT, FOURTH_SET } from '../test/support/fourth-set';
import { bareCompanyNames, type LabelledQuery, listedVariants, UNLISTED } from '../test/support/screening-sets';

/**
 * `npm run bench` (screening part; also `node --import tsx bench/screening.ts` alone): quality on the labelled
 * sets at a range of thresholds, which is how the default was chosen, then the speed targets of issue 13.
 */
const ROOT = join(__dirname, '..');
// CPU time beside wall time: on a shared machine the wall clock measures the neighbours as much as the code.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const line = (ok: boolean, text: string) => process.stdout.write(`${ok ? 'ok  ' : 'MISS'} ${text}\n`);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const recallAt3 = (index: ScreeningIndex, queries: LabelledQuery[], threshold: number) =>
  queries.filter((v) => screenName(index, { name: v.query, threshold }).matches.slice(0, 3).some((m) => v.expected.includes(m.key))).length / queries.length;

function quality(index: ScreeningIndex, variants: LabelledQuery[], threshold: number): { recall: number; falseMatches: string[] } {
  const falseMatches = UNLISTED.filter((name) => screenName(index, { name, threshold }).matches.length > 0);
  return { recall: recallAt3(index, variants, threshold), falseMatches };
}

/**
 * 10,000 customers that are not on the list: pairings of the given and family names of the unlisted set
 * (Japanese and Western, romaji and katakana), with 1% of the labelled variants mixed in as customers who are.
 * Since these pairings were not used to choose the default threshold, their hits are a held-out check of it.
 */
function customerFile(variants: LabelledQuery[], count: number): { customers: Customer[]; planted: number } {
  const people = UNLISTED.map((n) => n.split(/[ ・]/)).filter((parts) => parts.length === 2 && tokenizeName(parts.join(' ')).every((t) => t.kind === 'word'));
  // Given and family names are paired within one script: a customer record is written in one.
  const latin = people.filter((p) => /^[\p{Script=Latin}]+$/u.test(p.join('')));
  const kana = people.filter((p) => /^[\u30a0-\u30ff]+$/.test(p.join('')));
  const pairs = (group: string[][]) => {
    const given = [...new Set(group.map((p) => p[0]!))];
    const family = [...new Set(group.map((p) => p[1]!))];
    return given.flatMap((g) => family.map((f) => `${g} ${f}`));
  };
  const names = [...pairs(latin), ...pairs(kana)];
  const customers: Customer[] = [];
  let planted = 0;
  for (let i = 0; customers.length < count; i++) {
    if (i % 100 === 0) {
      customers.push({ id: `v${i}`, name: variants[(i / 100) % variants.length]!.query });
      planted++;
    } else {
      customers.push({ id: `c${i}`, name: names[(i * 7919) % names.length]! });
    }
  }
  return { customers, planted };
}

const foundIn = (index: ScreeningIndex, q: IndependentQuery, threshold: number) =>
  screenName(index, { name: q.query, threshold }).matches.slice(0, 3).some((m) => q.expected.includes(m.key));
const share = (ok: number, total: number) => `${ok}/${total} ${(100 * ok / total).toFixed(1)}%`;

/**
 * Issue 17: the sets made without the matcher (test/support/independent-sets.ts). The threshold is chosen on the
 * standard variants and the even-numbered namesakes (recall ≥ 97% overall and ≥ 90% per kind, at most 0.5% of the
 * namesakes matched), then reported on sets it was not chosen on: the held-out aliases and the odd-numbered namesakes.
 */
function independentQuality(entries: Designation[], index: ScreeningIndex): void {
  const variants = standardVariants(entries);
  const people = namesakes(entries);
  const tuning = people.filter((_, i) => i % 2 === 0);
  const held = people.filter((_, i) => i % 2 === 1);
  process.stdout.write(`  independent sets: ${variants.length} standard variants, ${people.length} unlisted namesakes (half to choose the threshold on, half held out)\n`);
  process.stdout.write('  threshold  recall@3 standard variants  worst kind                      namesakes matched (tuning half)\n');
  for (const threshold of [0.84, 0.86, 0.88, 0.9, 0.92]) {
    const tally = new Map<string, [number, number]>();
    for (const q of variants) {
      const t = tally.get(q.kind) ?? [0, 0];
      t[1]++;
      if (foundIn(index, q, threshold)) t[0]++;
      tally.set(q.kind, t);
    }
    const ok = [...tally.values()].reduce((sum, [a]) => sum + a, 0);
    const [worstKind, [wa, wb]] = [...tally].sort(([, [a1, b1]], [, [a2, b2]]) => a1 / b1 - a2 / b2)[0]!;
    const matched = tuning.filter((q) => screenName(index, { name: q.query, threshold }).matches.length > 0).length;
    const mark = threshold === DEFAULT_THRESHOLD ? '  ← default' : '';
    process.stdout.write(`  ${threshold.toFixed(2)}       ${share(ok, variants.length).padEnd(28)}${`${worstKind} ${share(wa, wb)}`.padEnd(32)}${share(matched, tuning.length)}${mark}\n`);
    if (threshold === DEFAULT_THRESHOLD) {
      for (const [kind, [a, b]] of [...tally].sort()) process.stdout.write(`             ${kind.padEnd(24)} ${share(a, b)}\n`);
      line(ok / variants.length >= 0.97 && wa / wb >= 0.9, `standard variants found in the top 3 at the default: ${share(ok, variants.length)}, worst kind ${worstKind} ${share(wa, wb)} (target ≥ 97%, ≥ 90% per kind)`);
    }
  }
  // Reported on sets the threshold was not chosen on.
  const heldMatched = held.filter((q) => screenName(index, { name: q.query, threshold: DEFAULT_THRESHOLD }).matches.length > 0);
  const byCulture = new Map<string, [number, number]>();
  for (const q of held) {
    const t = byCulture.get(q.kind) ?? [0, 0];
    t[1]++;
    if (heldMatched.includes(q)) t[0]++;
    byCulture.set(q.kind, t);
  }
  line(heldMatched.length / held.length <= 0.005, `held-out namesakes with any match at the default: ${share(heldMatched.length, held.length)} (target ≤ 0.5%): ${[...byCulture].map(([k, [a, b]]) => `${k.replace('namesake-', '')} ${a}/${b}`).join(', ')}`);
  if (heldMatched.length) process.stdout.write(`     ${heldMatched.map((q) => q.query).join('; ')}\n`);
  const aliasTally = new Map<string, [number, number]>();
  for (const round of [0, 1, 2]) {
    const { entries: rest, queries } = aliasHoldOut(entries, round);
    const without = new ScreeningIndex(rest);
    for (const q of queries) {
      const t = aliasTally.get(q.kind) ?? [0, 0];
      t[1]++;
      if (foundIn(without, q, DEFAULT_THRESHOLD)) t[0]++;
      aliasTally.set(q.kind, t);
    }
  }
  process.stdout.write(`  leave-one-alias-out (each entry's first three aliases, each held out in turn), recall@3 at the default: ${[...aliasTally].map(([k, [a, b]]) => `${k} ${share(a, b)}`).join(', ')}\n`);
}

/**
 * The hand-written sets (test/support/press-sets.ts, second pass; test/support/third-set.ts, third pass): listed names
 * in the top 3, unlisted ones with no match.
 */
function handWrittenQuality(index: ScreeningIndex, label: string, set: ReadonlyArray<{ query: string; kind: string; expected: string[] }>): void {
  const tally = new Map<string, [number, number]>();
  for (const q of set) {
    const matches = screenName(index, { name: q.query, threshold: DEFAULT_THRESHOLD }).matches;
    const right = q.expected.length === 0 ? matches.length === 0 : matches.slice(0, 3).some((m) => q.expected.includes(m.key));
    const t = tally.get(q.kind) ?? [0, 0];
    t[1]++;
    if (right) t[0]++;
    tally.set(q.kind, t);
  }
  process.stdout.write(`  ${label} (listed in the top 3, unlisted with no match) at the default: ${[...tally].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}\n`);
}

async function main(): Promise<void> {
  const list = await parseList(readFileSync(WORKBOOK), { fileName: 'shisantouketsu20260305.xlsx' });
  const entries = list.entries.filter((e) => e.status === 'listed');
  let start = performance.now();
  let cpu = process.cpuUsage();
  const index = new ScreeningIndex(entries);
  const buildMs = performance.now() - start;
  const buildCpu = cpuMs(cpu);
  const variants = listedVariants(entries);
  const bare = bareCompanyNames(entries);

  process.stdout.write(`screening: ${entries.length} listed entries, ${index.names.length} names; ${variants.length} labelled variants, ${UNLISTED.length} unlisted names\n`);
  const { customers, planted } = customerFile(variants, 10_000);
  const generated = customers.filter((c) => c.id.startsWith('c'));
  // The bare company names (legal forms dropped) watch the entity-type signal: it must not cost the companies.
  process.stdout.write(`  threshold  recall@3  false matches (${UNLISTED.length} unlisted)  hits on ${generated.length} generated unlisted customers  ${bare.length} bare company names recall@3\n`);
  for (const threshold of [0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92]) {
    const q = quality(index, variants, threshold);
    const heldOut = screenCustomers(index, generated, { threshold, since: null }).hits.length;
    const bareRecall = recallAt3(index, bare, threshold);
    const mark = threshold === DEFAULT_THRESHOLD ? '  ← default' : '';
    process.stdout.write(`  ${threshold.toFixed(2)}       ${(100 * q.recall).toFixed(1).padStart(5)}%   ${String(q.falseMatches.length).padStart(3)}                      ${String(heldOut).padStart(4)}                                 ${(100 * bareRecall).toFixed(1).padStart(5)}%${mark}\n`);
  }
  const atDefault = quality(index, variants, DEFAULT_THRESHOLD);
  line(atDefault.recall >= 0.95, `recall in the top 3 at the default threshold ${DEFAULT_THRESHOLD}: ${(100 * atDefault.recall).toFixed(1)}% (target ≥ 95%)`);
  const bareAtDefault = recallAt3(index, bare, DEFAULT_THRESHOLD);
  line(bareAtDefault >= 0.99, `company names without their legal form found in the top 3 at the default threshold: ${(100 * bareAtDefault).toFixed(1)}% of ${bare.length} (target ≥ 99%)`);
  line(atDefault.falseMatches.length === 0, `false matches on ${UNLISTED.length} unlisted names at the default threshold: ${atDefault.falseMatches.length} (target 0)${atDefault.falseMatches.length ? `: ${atDefault.falseMatches.join('; ')}` : ''}`);

  independentQuality(entries, index);
  handWrittenQuality(index, 'press set', PRESS_QUERIES);
  handWrittenQuality(index, 'third set', THIRD_SET);
  handWrittenQuality(index, 'fourth set', FOURTH_SET);
  handWrittenQuality(index, 'fourth set, held-out part', FOURTH_HELD_OUT);

  const queries = [...variants.map((v) => v.query), ...UNLISTED];
  for (const q of queries) screenName(index, { name: q }); // warm: JIT and the token memo, as a running service would be
  const times = queries.map((name) => {
    const t = performance.now();
    screenName(index, { name });
    return performance.now() - t;
  });
  line(percentile(times, 0.5) <= 1, `single query, warm: median ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms over ${queries.length} queries (target: median ≤ 1 ms)`);
  line(buildMs <= 1000, `build the index over the whole list, cold: ${buildMs.toFixed(0)} ms, ${buildCpu.toFixed(0)} ms CPU (target ≤ 1000 ms)`);

  const fresh = new ScreeningIndex(entries); // a new index: a cold token memo, as a new process has
  start = performance.now();
  cpu = process.cpuUsage();
  const whole = screenCustomers(fresh, customers, { threshold: DEFAULT_THRESHOLD, since: null });
  const wholeMs = performance.now() - start;
  const wholeCpu = cpuMs(cpu);
  const unlistedHits = whole.hits.filter((h) => h.customerId.startsWith('c'));
  line(wholeMs <= 3000, `10,000 customers against the whole list: ${wholeMs.toFixed(0)} ms, ${wholeCpu.toFixed(0)} ms CPU (target ≤ 3000 ms); ${whole.hits.length - unlistedHits.length} of ${planted} planted variants hit, ${unlistedHits.length} of ${customers.length - planted} generated unlisted names hit`);
  // Not all of them are false: WILSON JOSEPH is listed, and a customer Joseph Wilson should be looked at.
  if (unlistedHits.length) process.stdout.write(`     generated names that hit: ${unlistedHits.map((h) => `${h.customerName} → ${h.matches[0]!.matchedName} ${h.matches[0]!.score}`).join('; ')}\n`);

  // One version's changes: the 24 May 2024 designations (12 entries), the index built over them alone.
  const changed: Designation[] = entries.filter((e) => MAY_2024_KEYS.includes(e.key));
  start = performance.now();
  cpu = process.cpuUsage();
  const since = screenCustomers(new ScreeningIndex(changed), customers, { threshold: DEFAULT_THRESHOLD, since: 1 });
  const sinceMs = performance.now() - start;
  line(sinceMs <= 1000, `--since: 10,000 customers against one version's ${changed.length} changed entries: ${sinceMs.toFixed(0)} ms, ${cpuMs(cpu).toFixed(0)} ms CPU (target ≤ 1000 ms), ${since.hits.length} hits`);

  // Whole process, cold, with /usr/bin/time for its CPU: tsx start-up, reading the workbook, the index, one query.
  const cli = [0, 1, 2].map(() => {
    const t = performance.now();
    const { stderr } = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, '--import', 'tsx', 'cli/main.ts', 'screen', 'Vladimir Mikheichik', '--list', WORKBOOK], { cwd: ROOT, encoding: 'utf8' });
    const [user, system] = stderr.trim().split(/\s+/).slice(-2).map(Number);
    return { wall: performance.now() - t, cpu: 1000 * (user! + system!) };
  });
  const cliWall = percentile(cli.map((c) => c.wall), 0.5);
  line(cliWall <= 6000, `CLI screen of one name against the full workbook, process start to exit: ${cliWall.toFixed(0)} ms, ${percentile(cli.map((c) => c.cpu), 0.5).toFixed(0)} ms CPU (target ≤ 6000 ms; reading the workbook is most of it)`);
}

void main();
