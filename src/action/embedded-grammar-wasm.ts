// Only for the action bundle: esbuild's `binary` loader turns each import into the file's bytes.
import terraform from '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm';
import runtime from 'web-tree-sitter/tree-sitter.wasm';
import type { GrammarWasm } from '../engines/hcl/syntax/grammar-wasm.js';

/** The parser's WebAssembly, embedded: the bundle reads no file beside itself. */
export function grammarWasm(): GrammarWasm {
  return { runtime, language: terraform };
}
