// Builds the command-line interface bin/warden.js runs (`npm run build`, after tsc):
//   dist/cli/warden.cjs       the whole CLI in one CommonJS file: Node reads and compiles one file
//                             instead of resolving and loading hundreds of ES modules (DESIGN §7:
//                             a small plan ≤ 400 ms end to end, start-up included);
//   dist/cli/policy-list.cjs  `warden policies` for the built-in catalog (src/cli/builtin-policy-list.ts),
//                             a few KB, so that listing costs little more than starting Node.
// dist/src keeps the library (package.json `exports`) and what the tests and benchmarks import.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleAliases, bundleLazyRequires } from './esbuild-plugins.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');

/**
 * Each bundled module keeps the import.meta.url of its compiled twin in dist/ (src/a/b.ts →
 * dist/src/a/b.js), so that what it finds beside itself — package.json, the policy catalog, the
 * policies' cases, packages resolved from node_modules — is what the unbundled build finds.
 */
const twinUrl = (source, path) => {
  if (!source.includes('import.meta.url')) return source;
  const twin = relative(root, path).split('\\').join('/').replace(/\.ts$/, '.js');
  return source.replaceAll('import.meta.url', `__wardenTwinUrl(${JSON.stringify(twin)})`);
};

/**
 * The packages left in node_modules are required, not imported: the bundle then has no import(),
 * which a script compiled with a code cache (bin/load-cli.js) cannot run, and loading them does not
 * start the ES module loader. Both ship CommonJS builds with the same exports.
 */
const requireExternals = (source) => source.replace(/\bimport\('(web-tree-sitter|jiti)'\)/g, "Promise.resolve().then(() => require('$1'))");

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.cjs' },
  // Whitespace and syntax only: names stay readable in a WARDEN_DEBUG stack trace.
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: `const __wardenTwinUrl = (path) => require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', path)).href;` },
  alias: bundleAliases,
  plugins: [bundleLazyRequires((source, path) => requireExternals(twinUrl(source, path)))],
  logLevel: 'warning',
};

const [cli] = await Promise.all([
  build({
    ...common,
    entryPoints: { warden: 'src/cli/main.ts' },
    // Loaded from node_modules when used: the AWS SDK (audit only); web-tree-sitter, which reads its
    // WebAssembly from beside its own file; jiti, which loads its compiler the same way; re2js (260 KB,
    // only for configurations with regex functions or policies with `matches`), kept out of the file
    // every command reads and compiles at start-up; and for `warden serve` only, fastify, prom-client
    // and piscina (which starts its workers from a file beside its own).
    external: ['@aws-sdk/*', 'web-tree-sitter', 'jiti', 're2js', 'fastify', 'prom-client', 'piscina'],
    metafile: true,
  }),
  build({ ...common, entryPoints: { 'policy-list': 'src/cli/builtin-policy-list.ts' } }),
]);

const imported = Object.values(cli.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
if (imported.length > 0) {
  process.stderr.write(`build-cli: the CLI bundle must not import() (see requireExternals): ${imported.join(', ')}\n`);
  process.exit(1);
}
