#!/usr/bin/env node
// Entry point. CommonJS (bin/package.json), and so is everything it loads (dist/cli, bundled by
// scripts/build-cli.mjs): the ES module loader starts only if a run imports an ES-only package. CI
// calls warden on every run (DESIGN §7 start-up budget: `npm run bench:startup`):
// - `--version` is answered before anything else is loaded;
// - `warden policies` with only the built-in policies is printed from the build's catalog;
// - everything else runs the CLI bundle (load-cli.js).
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The commit the build recorded (scripts/write-build-commit.mjs), as src/package-info.ts prints it.
  let commit = '';
  try {
    commit = require('node:fs').readFileSync(`${__dirname}/../dist/cli/build-commit.txt`, 'utf8').trim();
  } catch {
    // A build outside a git work tree: the version alone.
  }
  process.stdout.write(`${require('../package.json').version}${commit ? ` (commit ${commit})` : ''}\n`);
} else if (!require('node:fs').existsSync(`${__dirname}/../dist/cli/warden.cjs`)) {
  // A source checkout that was never built (npm ci builds it through `prepare`): one line, not a stack trace.
  process.stderr.write('warden: not built: dist/cli/warden.cjs is missing; run `npm ci` (or `npm run build`) in the warden checkout\n');
  process.exitCode = 2;
} else {
  // Only `policies` may take the fast path: any other command does not load it.
  const listing = args[0] === 'policies' ? require('../dist/cli/policy-list.cjs').builtinPolicyList(args) : undefined;
  if (listing !== undefined) {
    process.stdout.write(listing);
  } else {
    require('./load-cli.js')
      .loadCli()
      .cli.main(args)
      .then((code) => {
        process.exitCode = code;
      });
  }
}
