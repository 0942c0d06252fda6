/**
 * The package as users get it: `npm pack` the checkout, install the tarball into an empty project
 * from the npm cache alone (no network), and run the installed warden. Used by `npm run pack:check`
 * (which prints the figures) and test/scripts/pack-check.test.ts.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackResult {
  tarball: string;
  /** Compressed size of the tarball, bytes. */
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

export interface Timed {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface InstallCheck {
  project: string;
  /** How npm was told to use its cache: --offline, or --prefer-offline when the cache lacked registry metadata. */
  mode: '--offline' | '--prefer-offline';
  install: Timed;
  version: Timed;
  /** The bundled example plan, JSON report on stdout. */
  scanPlan: Timed;
  /** A .tf folder with a syntax error: only the HCL grammar's WebAssembly judges it. */
  scanSource: Timed;
  /** The same through node_modules/.bin/warden, without npx. */
  direct: { version: Timed; scanPlan: Timed };
  /** Installed packages that declare an install script or a native build (binding.gyp). */
  installScripts: string[];
}

/** The package root of warden's own package in the temporary project. */
export const INSTALLED = join('node_modules', '@warden-scanner', 'warden');

function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Timed {
  const started = performance.now();
  const run: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  return { ms, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * `npm pack` of `repo` into `destination`. `build`: let npm run `prepare` (the build) first, as a
 * release does; without it the checkout's current dist/ is packed.
 */
export function pack(repo: string, destination: string, build: boolean): PackResult {
  const run = timed('npm', ['pack', '--json', '--pack-destination', destination, ...(build ? [] : ['--ignore-scripts'])], repo);
  if (run.status !== 0) throw new Error(`npm pack failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop()}`);
  // Anything `prepare` printed comes before the JSON.
  const [info] = JSON.parse(run.stdout.slice(run.stdout.indexOf('['))) as { filename: string; size: number; unpackedSize: number; files: PackedFile[] }[];
  return { tarball: join(destination, info!.filename), size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files };
}

/** Installs `tarball` into a new empty project under `parent` and runs the installed warden. */
export function installAndRun(tarball: string, parent: string): InstallCheck {
  const project = mkdtempSync(join(parent, 'project-'));
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'pack-check', version: '1.0.0', private: true }, null, 2)}\n`);
  // --offline: every dependency from the npm cache. A cache filled by `npm ci` holds the packages but
  // not the registry's version lists a range needs; then --prefer-offline fetches only those lists
  // (and caches them for the next run): the packages themselves still come from the cache.
  const args = ['install', '--no-audit', '--no-fund', '--no-save', tarball];
  let mode: InstallCheck['mode'] = '--offline';
  let install = timed('npm', [...args, mode], project);
  if (install.status !== 0 && install.stderr.includes('ENOTCACHED')) install = timed('npm', [...args, (mode = '--prefer-offline')], project);
  if (install.status !== 0) throw new Error(`npm install ${mode} of the tarball failed (exit ${install.status}): ${install.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const npx = (args: string[]): Timed => timed('npx', ['--offline', '--no-install', '@warden-scanner/warden', ...args], project, { ...process.env, NO_COLOR: '1' });
  const version = npx(['--version']);
  const scanPlan = npx(['scan', join(INSTALLED, 'fixtures', 'modules-repo', 'plan.json'), '--format', 'json']);
  const source = mkdtempSync(join(project, 'tf-'));
  writeFileSync(join(source, 'main.tf'), 'resource "aws_security_group" "open" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n');
  writeFileSync(join(source, 'broken.tf'), 'resource "aws_s3_bucket" "broken" {\n  bucket = \n');
  const scanSource = npx(['scan', source, '--format', 'json']);
  // The installed command itself, without npx's own start-up.
  const bin = join(project, 'node_modules', '.bin', 'warden');
  const direct = { version: timed(bin, ['--version'], project), scanPlan: timed(bin, ['scan', join(INSTALLED, 'fixtures', 'modules-repo', 'plan.json'), '--format', 'json'], project) };
  return { project, mode, install, version, scanPlan, scanSource, direct, installScripts: installScripts(join(project, 'node_modules')) };
}

/** Every package under `modules` whose manifest would make npm run code on install. */
export function installScripts(modules: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
      if (entry.startsWith('.')) continue;
      const folder = join(dir, entry);
      if (entry.startsWith('@')) {
        visit(folder);
        continue;
      }
      const manifest = join(folder, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name, scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; scripts?: Record<string, string> };
      const hooks = ['preinstall', 'install', 'postinstall'].filter((hook) => hook in scripts);
      // npm runs `node-gyp rebuild` for a binding.gyp even without an install script.
      if (existsSync(join(folder, 'binding.gyp'))) hooks.push('binding.gyp');
      if (hooks.length > 0) found.push(`${name} (${hooks.join(', ')})`);
      if (statSync(join(folder, 'node_modules'), { throwIfNoEntry: false })?.isDirectory()) visit(join(folder, 'node_modules'));
    }
  };
  visit(modules);
  return found.sort();
}

/** A temporary folder for a check, and its removal. */
export function scratch(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-pack-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Files the installed package cannot work without. */
export const REQUIRED_FILES = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'bin/warden.js',
  'bin/load-cli.js',
  'dist/cli/warden.cjs',
  'dist/cli/warden.cjs.cache',
  'dist/cli/policy-list.cjs',
  'dist/policies/catalog.json',
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/src/engines/hcl/syntax/tree-sitter-terraform.wasm',
  'schemas/warden-report.schema.json',
  'fixtures/modules-repo/plan.json',
];

/** Files a package must not carry: tests, fixtures beyond the bundled example, build scripts, sources. */
const UNWANTED = [/(^|\/)test\//, /\.test\.[cm]?[jt]s$/, /^fixtures\/(?!modules-repo\/)/, /^dist\/(bench|scripts|test)\//, /^(src|scripts|bench)\//, /^action\//];

/** What is wrong with the tarball's file list: required files missing, unwanted files shipped. */
export function contentProblems(files: readonly PackedFile[]): string[] {
  const paths = new Set(files.map((file) => file.path));
  return [
    ...REQUIRED_FILES.filter((path) => !paths.has(path)).map((path) => `missing: ${path}`),
    ...[...paths].filter((path) => UNWANTED.some((pattern) => pattern.test(path))).map((path) => `should not be shipped: ${path}`),
  ];
}
