// esbuild plugins shared by the bundles warden builds (scripts/build-action.mjs, build-cli.mjs, build-binary.mjs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `createRequire(import.meta.url)('pkg')` (a CommonJS package loaded on first use, for start-up time)
 * is opaque to esbuild. As a plain `require('pkg')` esbuild bundles it, still loaded on first use.
 * `rewrite` may change the source further (the CLI bundle's import.meta.url).
 */
export function bundleLazyRequires(rewrite = (source) => source) {
  return {
    name: 'bundle-lazy-requires',
    setup(esbuild) {
      esbuild.onLoad({ filter: /[\\/](?:src|policies)[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const rewritten = rewrite(source.replaceAll('createRequire(import.meta.url)(', 'require('), args.path);
        return rewritten === source ? undefined : { contents: rewritten, loader: 'ts' };
      });
    },
  };
}

/**
 * The HCL parser's WebAssembly comes from the bundle itself, not from files beside it (a bundle that
 * runs wherever it is copied: the GitHub Action, the single binary). Needs the `binary` loader for .wasm.
 */
export function embedGrammarWasm(root) {
  return {
    name: 'embed-grammar-wasm',
    setup(esbuild) {
      esbuild.onResolve({ filter: /\/grammar-wasm\.js$/ }, (args) =>
        args.importer.endsWith(join('syntax', 'parser.ts')) ? { path: join(root, 'src', 'action', 'embedded-grammar-wasm.ts') } : undefined,
      );
    },
  };
}

/**
 * Packages whose `main` esbuild cannot bundle, mapped to a build it can: jsonc-parser's `main` is a
 * UMD module that require()s its parts from inside a factory esbuild cannot see into (they would be
 * left for run time, where the bundle has no node_modules); its ES module build imports them plainly.
 */
export const bundleAliases = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };
