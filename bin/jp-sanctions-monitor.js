#!/usr/bin/env node
// The package bin: runs the esbuild bundle in dist/cli (scripts/build-cli.js), never a build older than its
// sources. `npm ci` builds it (the `prepare` script); a checkout whose sources changed since is rebuilt here first,
// or refused where esbuild is not installed.
'use strict';
const { build, staleness, OUT } = require('../scripts/build-cli.js');
const { useCodeCache } = require('../scripts/code-cache.js');

const stale = staleness();
if (stale) {
  let esbuildInstalled = true;
  try {
    require.resolve('esbuild');
  } catch {
    esbuildInstalled = false;
  }
  if (!esbuildInstalled) {
    process.stderr.write(`error: the built CLI does not match its sources (${stale}); run \`npm run build\`\n`);
    process.exit(1);
  }
  if (stale !== 'no build yet') process.stderr.write(`rebuilding the CLI: ${stale}\n`);
  build();
}
useCodeCache(OUT);
require(`${OUT}/main.js`);
