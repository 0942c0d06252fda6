// Build step (`npm run build`, after scripts/build-cli.mjs): runs a typical scan — the bundled example
// plan with its .tf sources, every output format — through the CLI bundle, then writes V8's code
// cache of the bundle (every function that scan compiled) to dist/cli/warden.cjs.cache, which
// bin/load-cli.js hands to V8 on every start.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { loadCli, CODE_CACHE } = createRequire(import.meta.url)('../bin/load-cli.js');

// Without a cache, so that the one written holds what this run compiles.
rmSync(CODE_CACHE, { force: true });
const { cli, script } = loadCli();
const plan = join(root, 'fixtures', 'modules-repo', 'plan.json');
// A package installed without the fixtures (files in package.json) still gets the cache of the bundle's top level.
if (existsSync(plan)) {
  const out = mkdtempSync(join(tmpdir(), 'warden-code-cache-'));
  try {
    const reports = ['sarif', 'console', 'junit', 'markdown', 'github'].flatMap((format) => ['--report', `${format}=${join(out, format)}`]);
    const code = await cli.main(['scan', plan, '--format', 'json', '--output', join(out, 'json'), ...reports]);
    // 0 or 1 (the example has failing findings on purpose): the scan ran; 2 or 3 mean a broken bundle.
    if (code > 1) throw new Error(`write-cli-code-cache: the example scan ended with exit code ${code}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
writeFileSync(CODE_CACHE, script.createCachedData());
