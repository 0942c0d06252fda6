import type { ParsedFile } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { readDirectly } from './direct-reader.js';
import { HclSyntaxError, parseCst } from './parser.js';
import { SourceFile } from './source-file.js';

/**
 * Parses the text of one `.tf` / `.tfvars` file; throws HclSyntaxError with the file, line and column.
 * The direct reader takes the common subset of HCL; tree-sitter reads the rest and judges every error.
 */
export async function parseHclFile(path: string, text: string): Promise<ParsedFile> {
  const file = new SourceFile(path, text);
  const direct = readDirectly(file);
  return direct ?? readWithTreeSitter(file);
}

/** The tree-sitter path: the grammar's syntax tree, copied and built into ours. */
export async function readWithTreeSitter(file: SourceFile): Promise<ParsedFile> {
  try {
    const { root, comments } = await parseCst(file);
    const { body, object } = new AstBuilder(file).configFile(root);
    return { file, body, ...(object ? { object } : {}), comments };
  } catch (error) {
    // The syntax tree is copied and built recursively: thousands of nested brackets exhaust the stack.
    if (error instanceof RangeError) throw new HclSyntaxError(file.path, 1, 1, 'expressions nested too deeply to read');
    throw error;
  }
}
