import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Jiti } from 'jiti';
import { PACKAGE_NAME } from '../../package-info.js';
import { compileCacheDir } from './compile-cache-dir.js';

let jiti: Jiti | undefined;

/**
 * jiti compiles users' TypeScript at run time (no build step for them). It is loaded on first use
 * only, so runs without policy directories do not pay for it. The package name is the running
 * copy's own API (a virtual module), so `import { definePolicy } from '@warden-scanner/warden'` works
 * in a policy folder that has no node_modules at all, and the policy and the engines share one set
 * of classes, bundled (the GitHub Action) or not. The bare `warden` of earlier versions stays an
 * alias of it: virtual, so it never reaches a registry.
 */
async function loader(): Promise<Jiti> {
  if (jiti) return jiti;
  const [{ createJiti }, api] = await Promise.all([import('jiti'), import('../../index.js')]);
  jiti = createJiti(import.meta.url, {
    virtualModules: { [PACKAGE_NAME]: api, warden: api },
    // Compiled files are cached by content hash, in a folder only this user (in CI: this run) can write.
    fsCache: compileCacheDir(),
  });
  return jiti;
}

/** Imports a policy file (`.ts`, `.mts`, `.js`, `.mjs`) and returns its module namespace. */
export async function importPolicyFile(path: string): Promise<unknown> {
  return (await loader()).import(path);
}

/**
 * Resolves a package name the way `import` would from `fromDir` (or a path to a package folder),
 * and imports it through the same loader, so that a pack written in TypeScript or importing
 * `warden` works too.
 */
export async function importPolicyPackage(specifier: string, fromDir: string): Promise<{ entry: string; namespace: unknown }> {
  const instance = await loader();
  let entry: string;
  if (isPathSpecifier(specifier)) {
    entry = packageFolderEntry(resolve(fromDir, specifier));
  } else {
    const parentURL = pathToFileURL(fromDir.endsWith('/') ? fromDir : `${fromDir}/`).href;
    const resolved = instance.esmResolve(specifier, { parentURL });
    entry = resolved.startsWith('file:') ? fileURLToPath(resolved) : resolved;
  }
  return { entry, namespace: await instance.import(entry) };
}

export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier);
}

/** The entry file of a package folder given by path: its `exports` "." (import/node/default), else `main`, else index.js. */
function packageFolderEntry(folder: string): string {
  let manifest: { exports?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as typeof manifest;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `no package.json in ${folder}` : `cannot read ${join(folder, 'package.json')}: ${(error as Error).message}`);
  }
  const target = exportTarget(manifest.exports) ?? (typeof manifest.main === 'string' ? manifest.main : 'index.js');
  return resolve(folder, target);
}

function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return undefined;
  const record = exports as Record<string, unknown>;
  if ('.' in record) return exportTarget(record['.']);
  for (const condition of ['import', 'node', 'default']) {
    const target = exportTarget(record[condition]);
    if (target) return target;
  }
  return undefined;
}
