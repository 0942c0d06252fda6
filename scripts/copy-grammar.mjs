// Build step (`npm run build`, after tsc): copies the terraform grammar's WebAssembly beside the
// compiled module that loads it (src/engines/hcl/syntax/grammar-wasm.ts). The package then ships the
// file itself and does not depend on @tree-sitter-grammars/tree-sitter-hcl, whose install script
// (node-gyp-build, for a native binding warden never loads) would otherwise run on every install.
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
copyFileSync(source, join(root, 'dist', 'src', 'engines', 'hcl', 'syntax', 'tree-sitter-terraform.wasm'));
