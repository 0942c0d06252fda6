// Builds the GitHub Action into one self-contained ES module (action.yml's `main`).
// Usage: node scripts/build-action.mjs [OUTFILE]   (default action/dist/index.mjs; .ci/run builds to a
// temporary file and compares it with the committed one).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledPackageDefine } from './bundled-package.mjs';
import { bundleAliases, bundleLazyRequires, embedGrammarWasm } from './esbuild-plugins.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(process.argv[2] ?? join(root, 'action', 'dist', 'index.mjs'));

await build({
  absWorkingDir: root,
  entryPoints: ['src/action/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  // Dynamic imports (reporters, engines) are inlined: the action is one file.
  splitting: false,
  loader: { '.wasm': 'binary' },
  define: bundledPackageDefine(root),
  // jiti's default entry loads its compiler from a file beside its own; jiti/static imports it (for bundlers).
  alias: { jiti: 'jiti/static', ...bundleAliases },
  // The AWS SDK is reached only by `warden audit`, which the action does not run.
  external: ['@aws-sdk/*'],
  // CommonJS dependencies (ajv …) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __wardenCreateRequire } from 'node:module'; const require = __wardenCreateRequire(import.meta.url);" },
  legalComments: 'eof',
  // The copied bundle has no node_modules to find a lazily required package in at run time.
  plugins: [embedGrammarWasm(root), bundleLazyRequires()],
  logLevel: 'warning',
});
