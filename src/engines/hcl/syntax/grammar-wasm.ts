import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The WebAssembly the HCL parser runs: web-tree-sitter's runtime and the terraform grammar. */
export interface GrammarWasm {
  /** web-tree-sitter's runtime bytes; absent, web-tree-sitter reads tree-sitter.wasm beside its own module. */
  runtime?: Uint8Array;
  /** The terraform dialect of the HCL grammar: a file path or the file's bytes. */
  language: string | Uint8Array;
}

/**
 * The grammar the build copied beside the compiled module (scripts/copy-grammar.mjs: the package
 * ships it and installs no grammar package); run from sources, as the tests are, the development
 * dependency's copy. The GitHub Action bundle and the single binary swap this module for
 * src/action/embedded-grammar-wasm.ts, which carries the bytes inside the bundle (see
 * scripts/build-action.mjs), so that the single file runs wherever it is copied.
 */
export function grammarWasm(): GrammarWasm {
  const shipped = fileURLToPath(new URL('./tree-sitter-terraform.wasm', import.meta.url));
  if (existsSync(shipped)) return { language: shipped };
  return { language: createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm') };
}
