#!/usr/bin/env node
// The package bin: the CLI is TypeScript run through tsx, so no build step stands between a checkout and a run.
require('tsx/cjs');
require('../cli/main.ts');
