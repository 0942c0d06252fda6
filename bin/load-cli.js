// Loads the CLI bundle (dist/cli/warden.cjs, scripts/build-cli.mjs) as Node would require() it, but
// with the V8 code cache the build wrote beside it (scripts/write-cli-code-cache.mjs): V8 then starts
// from the compiled functions of a typical scan instead of parsing and compiling 1.4 MB of source
// (DESIGN §7: a small plan ≤ 400 ms end to end). A cache V8 cannot use (another Node version, a
// rebuilt bundle) is rejected by V8 itself, and the bundle is compiled from source as usual.
'use strict';

const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// V8 recompiles a WebAssembly function with its optimising compiler once it has run a budget of
// about 1.8 MB of code. The HCL parser's lexer reaches that on a few KB of .tf, and compiling it
// costs ~150 ms of CPU, which the run waits for: more than a small plan's whole parse. With a
// budget 110× larger the small trees of a plan's sources never pay it; a large tree still gets the
// optimised code, later (1 MB of .tf: parsing ~10% more CPU). Set before the bundle is compiled: the
// flags are part of what a code cache must match, and the build writes the cache through this file.
setFlagsFromString('--wasm-tiering-budget=200000000');

const BUNDLE = join(__dirname, '..', 'dist', 'cli', 'warden.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;

/** The bundle's exports (`main`), and the compiled script, from which the build writes the cache. */
function loadCli() {
  let cachedData;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    // No cache (a build that skipped it): compiled from source.
  }
  // The function wrapper Node gives every CommonJS file.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(BUNDLE, 'utf8')}\n})`;
  const script = new Script(source, { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { cli: module.exports, script };
}

module.exports = { loadCli, CODE_CACHE };
