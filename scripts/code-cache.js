// A V8 code cache for the CLI's bundles: compiling the 1–2 MB bundle of a command is a good part of a cold run,
// and Node 20 has no built-in compile cache (module.enableCompileCache came in Node 22). The first run of a command
// compiles its bundle as usual and, at exit, saves the code V8 compiled for it (the functions that ran included);
// later runs hand that to V8, which checks it against the source and its own version and flags and ignores it when
// it does not match. The cache lives next to the bundles, in dist/cli/.code-cache, so a rebuild clears it; a
// read-only install simply runs without one.
'use strict';
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { basename, dirname, join } = require('node:path');
const vm = require('node:vm');

function useCodeCache(bundleDir) {
  const cacheDir = join(bundleDir, '.code-cache');
  const toSave = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(bundleDir + '/')) return compile.call(this, content, filename);
    const cacheFile = join(cacheDir, `${basename(dirname(filename))}-${basename(filename)}.cache`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // first run of this bundle
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toSave.push({ script, cacheFile });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, cacheFile } of toSave) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // a cache is an optimisation: an unwritable dist/ costs speed, never a run
      }
    }
  });
}

module.exports = { useCodeCache };
