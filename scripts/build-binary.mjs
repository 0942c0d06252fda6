// `npm run build:binary`: warden as one executable for Linux x64 that needs no Node.js installed
// (Jenkins agents), built with Node's single executable applications: the whole CLI — the AWS SDK,
// the built-in policies and the HCL grammar's WebAssembly included — bundled into one CommonJS script
// (esbuild), made into a SEA blob by this Node, and injected with postject into a copy of this Node's
// executable. Writes dist/bin/warden-linux-x64 and prints its size.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';
import { bundledPackageDefine } from './bundled-package.mjs';
import { bundleAliases, bundleLazyRequires, embedGrammarWasm } from './esbuild-plugins.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');
const script = join(outdir, 'warden-sea.cjs');
const blob = join(outdir, 'warden-sea.blob');
const binary = join(outdir, `warden-${process.platform}-${process.arch}`);

if (process.platform !== 'linux') {
  process.stderr.write(`build-binary: builds the Linux executable only (this is ${process.platform})\n`);
  process.exit(2);
}

// The commit, as `warden --version` of the package prints it (scripts/write-build-commit.mjs wrote it).
let commit;
try {
  commit = readFileSync(join(root, 'dist', 'cli', 'build-commit.txt'), 'utf8').trim() || undefined;
} catch {
  // Built outside git: the version alone.
}
const packageDefine = bundledPackageDefine(root);
const bundled = { ...JSON.parse(packageDefine.WARDEN_BUNDLED_PACKAGE), ...(commit ? { commit } : {}) };

/**
 * A SEA's script cannot import() (Node gives it no dynamic import callback). web-tree-sitter, imported
 * on first use, is required instead, so that esbuild bundles its CommonJS build (the ES build import()s
 * node:module itself); Node's own modules that bundled packages import() (the AWS SDK's HTTP handler
 * …) are required, with the namespace shape import() gives.
 */
const requirePackages = (source) => source.replace(/\bimport\('web-tree-sitter'\)/g, "Promise.resolve().then(() => require('web-tree-sitter'))");
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const requireBuiltins = (code) =>
  code.replace(/\bimport\((["'])([\w:/]+)\1\)/g, (call, _quote, name) =>
    builtins.has(name) ? `Promise.resolve().then(() => { const m = require(${JSON.stringify(name)}); return { ...m, default: m }; })` : call,
  );

mkdirSync(outdir, { recursive: true });
const bundle = await build({
  absWorkingDir: root,
  stdin: {
    contents: "require('./src/cli/main.ts').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });",
    resolveDir: root,
    sourcefile: 'warden-sea-entry.js',
  },
  outfile: script,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  loader: { '.wasm': 'binary' },
  define: { WARDEN_BUNDLED_PACKAGE: JSON.stringify(bundled) },
  // jiti's default entry loads its compiler from a file beside its own; jiti/static imports it.
  alias: { jiti: 'jiti/static', ...bundleAliases },
  // A SEA's require() reaches Node's built-in modules only: everything else is in the script. What
  // modules find "beside themselves" (import.meta.url) is beside the executable: no catalog file (the
  // policies are in the bundle), no policy cases of the built-ins.
  banner: { js: "const __wardenSeaUrl = require('node:url').pathToFileURL(process.execPath).href;" },
  plugins: [embedGrammarWasm(root), bundleLazyRequires((source) => requirePackages(source).replaceAll('import.meta.url', '__wardenSeaUrl'))],
  logLevel: 'warning',
  write: false,
});
const code = requireBuiltins(bundle.outputFiles[0].text);
const left = [...code.matchAll(/\bimport\((["'])([^"']+)\1\)/g)].map((match) => match[2]);
if (left.length > 0) {
  process.stderr.write(`build-binary: the script must not import() (a SEA cannot): ${left.join(', ')}\n`);
  process.exit(1);
}
writeFileSync(script, code);

writeFileSync(join(outdir, 'sea-config.json'), JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
execFileSync(process.execPath, ['--experimental-sea-config', join(outdir, 'sea-config.json')], { stdio: ['ignore', 'ignore', 'inherit'] });

rmSync(binary, { force: true });
copyFileSync(process.execPath, binary);
chmodSync(binary, 0o755);
await inject(binary, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2' });
for (const file of [blob, join(outdir, 'sea-config.json')]) rmSync(file, { force: true });

const mb = (path) => (statSync(path).size / 1e6).toFixed(1);
process.stdout.write(`${binary.slice(root.length + 1)}: ${mb(binary)} MB (Node ${process.version} ${mb(process.execPath)} MB + the CLI script ${mb(script)} MB)\n`);
