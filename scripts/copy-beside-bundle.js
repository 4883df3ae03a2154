// Ships packages a Lambda bundle leaves external (infra/constructs/node-function.ts) as files beside it, in the
// asset's node_modules/: for each package specifier the bundle requires (`require("opencc-js/t2cn")`, as esbuild
// leaves an external's require), the one file Node's require resolves it to from the project, the package.json files
// on the way up to the package's root (they say whether a .js file is CommonJS) and the package's licence files.
// Copied from the project's node_modules: the versions the tests ran against, with no network and no npm. Only
// those files: the packages carry ESM, browser and full builds beside the one the bundle loads (7.3 MB installed
// against 1.6 MB). A resolved file that required files of its own would need them too; today's are single files,
// and test/infra/bundle.test.ts runs them from the asset.
// Plain JavaScript: cdk synth runs it with node, in the bundling step (local, or in CDK's bundling image).
'use strict';
const { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } = require('node:fs');
const { dirname, join, relative, sep } = require('node:path');

const LICENCE = /^(licen[cs]es?|notice|copying|third_party_licenses)(\.|$)/i;

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

function shipBeside(projectRoot, outputDir, name, bundle) {
  const quoted = new RegExp(`["'\`](${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/[^"'\`]*)?)["'\`]`, 'g');
  const specifiers = new Set([...bundle.matchAll(quoted)].map((m) => m[1]));
  const target = join(outputDir, 'node_modules', name);
  for (const specifier of specifiers) {
    const file = require.resolve(specifier, { paths: [projectRoot] });
    const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
    const root = file.slice(0, file.lastIndexOf(marker) + marker.length - 1);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    if (Object.keys(manifest.dependencies ?? {}).length > 0) {
      throw new Error(`${name} has dependencies of its own (${Object.keys(manifest.dependencies).join(', ')}): ship them too, or bundle it`);
    }
    copy(file, join(target, relative(root, file)));
    for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json'))) copy(join(dir, 'package.json'), join(target, relative(root, dir), 'package.json'));
    }
    for (const entry of readdirSync(root)) if (LICENCE.test(entry)) copy(join(root, entry), join(target, entry));
  }
}

const [projectRoot, outputDir, ...packages] = process.argv.slice(2);
const bundle = readFileSync(join(outputDir, 'index.mjs'), 'utf8');
for (const name of packages) shipBeside(projectRoot, outputDir, name, bundle);
