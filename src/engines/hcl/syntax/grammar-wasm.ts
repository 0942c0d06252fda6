import { createRequire } from 'node:module';

/** The WebAssembly the HCL parser runs: web-tree-sitter's runtime and the terraform grammar. */
export interface GrammarWasm {
  /** web-tree-sitter's runtime bytes; absent, web-tree-sitter reads tree-sitter.wasm beside its own module. */
  runtime?: Uint8Array;
  /** The terraform dialect of the HCL grammar: a file path or the file's bytes. */
  language: string | Uint8Array;
}

/**
 * The files the installed packages ship. The GitHub Action bundle swaps this module for
 * src/action/embedded-grammar-wasm.ts, which carries the bytes inside the bundle (see
 * scripts/build-action.mjs), so that the single file runs wherever it is copied.
 */
export function grammarWasm(): GrammarWasm {
  const require = createRequire(import.meta.url);
  return { language: require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm') };
}
