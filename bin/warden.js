#!/usr/bin/env node
// Entry point. CommonJS (bin/package.json): `--version` is answered before the ES module loader
// starts or anything else is loaded, since CI calls it on every run (DESIGN §7 start-up budget).
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  import('../dist/src/cli/main.js').then(async ({ main }) => {
    process.exitCode = await main(args);
  });
}
