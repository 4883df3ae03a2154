// Builds the CLI into dist/cli: plain CommonJS bundles made by esbuild, so a run starts without a TypeScript
// loader. `main` and each command are bundled apart and main requires a command's bundle only when it runs.
// dist/cli/build-info.json records the sha256 of every source file the bundles were built from; the launcher
// (bin/jp-sanctions-monitor.js) and a test compare it with the sources, so a stale build never runs unnoticed.
// Plain JavaScript, not TypeScript: `npm ci` runs it (the `prepare` script) before any loader is needed.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'cli');
const MAIN = 'cli/main.ts';
// dynalite's LevelDB binding finds its native binary next to its own files: it must stay in node_modules.
const EXTERNAL = ['dynalite'];
// Files the bundles depend on beyond the modules esbuild reads: the dependency tree's exact versions.
const EXTRA_INPUTS = ['package-lock.json', 'scripts/build-cli.js'];

/** The commands main.ts requires, from its `require('./commands/<file>')` lines. */
function commandFiles() {
  const main = readFileSync(join(ROOT, MAIN), 'utf8');
  return [...main.matchAll(/require\('\.\/commands\/([\w-]+)'\)/g)].map((m) => `cli/commands/${m[1]}.ts`);
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');
}

/** The project's own files a build read (not node_modules: package-lock.json stands for those). */
function sourceInputs(metafile) {
  const paths = new Set(EXTRA_INPUTS);
  for (const path of Object.keys(metafile.inputs)) if (!path.includes('node_modules/')) paths.add(path);
  return Object.fromEntries([...paths].sort().map((path) => [path, sha256(path)]));
}

function build() {
  const esbuild = require('esbuild');
  const staging = `${OUT}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', format: 'cjs', metafile: true, logLevel: 'warning' };
  // main: the command table only; `./commands/*` stay runtime requires of the command bundles.
  const main = esbuild.buildSync({ ...common, entryPoints: [MAIN], outfile: join(staging, 'main.js'), external: ['./commands/*'] });
  const commands = esbuild.buildSync({
    ...common,
    entryPoints: commandFiles(),
    outdir: join(staging, 'commands'),
    external: EXTERNAL,
  });
  const inputs = sourceInputs({ inputs: { ...main.metafile.inputs, ...commands.metafile.inputs } });
  writeFileSync(join(staging, 'build-info.json'), JSON.stringify({ builtAt: Date.now(), inputs, stats: statsOf(inputs) }, null, 2) + '\n');
  // Swap the whole directory in at once: a concurrent run sees the old build or the new one, never half of each.
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const old = `${OUT}.old-${process.pid}`;
  try {
    renameSync(OUT, old);
  } catch {
    // no earlier build
  }
  renameSync(staging, OUT);
  rmSync(old, { recursive: true, force: true });
  return inputs;
}

/** Size and modification time of each input: what staleness() looks at before hashing a file. */
function statsOf(inputs) {
  return Object.fromEntries(Object.keys(inputs).map((path) => [path, stat(path)]));
}

function stat(path) {
  const { size, mtimeMs } = statSync(join(ROOT, path));
  return `${size}:${mtimeMs}`;
}

/**
 * Why the build in dist/cli does not match the sources, or null when it does. A file whose size and modification
 * time are as they were at the build is taken as unchanged, as git's index does; any other is hashed, so a touched
 * but unchanged file does not force a rebuild. Hashing every source at every start cost a cold run some 50-100 ms.
 */
function staleness() {
  let info;
  try {
    info = JSON.parse(readFileSync(join(OUT, 'build-info.json'), 'utf8'));
  } catch {
    return 'no build yet';
  }
  for (const [path, hash] of Object.entries(info.inputs)) {
    let now;
    try {
      if (info.stats && info.stats[path] === stat(path)) continue;
      now = sha256(path);
    } catch {
      return `${path} is gone`;
    }
    if (now !== hash) return `${path} changed`;
  }
  const built = new Set(Object.keys(info.inputs));
  const missing = commandFiles().find((path) => !built.has(path));
  return missing ? `${missing} is new` : null;
}

module.exports = { build, staleness, OUT, ROOT };

if (require.main === module) {
  // `prepare` passes --if-possible: an install without dev dependencies (no esbuild) must not fail for it; the bin
  // then refuses to run a missing or stale build and says how to make one.
  if (process.argv.includes('--if-possible')) {
    try {
      require.resolve('esbuild');
    } catch {
      process.stderr.write('esbuild is not installed (dev dependency): the CLI is not built; run `npm run build` after `npm ci`\n');
      process.exit(0);
    }
  }
  const inputs = build();
  process.stdout.write(`built ${relative(ROOT, OUT)} from ${Object.keys(inputs).length} source files\n`);
}
