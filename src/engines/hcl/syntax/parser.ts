import type { Language as TsLanguage, Parser as TsParser, TreeCursor } from 'web-tree-sitter';
import type { Comment } from './ast.js';
import { withExponentsAsDigits } from './exponent-numbers.js';
import { grammarWasm } from './grammar-wasm.js';
import { SIMPLE_EXPRESSION } from './simple-expression.js';
import type { SourceFile } from './source-file.js';

/** A concrete syntax node copied out of tree-sitter (whose nodes live in WebAssembly memory). */
export interface CstNode {
  type: string;
  /** Character offsets; -1 for punctuation tokens, whose position is not kept. */
  start: number;
  end: number;
  children: CstNode[];
}

/** A file that does not parse: where and why, for a one-line `file:line:col: message`. */
export class HclSyntaxError extends Error {
  /** The message without any text of the file: for a file whose bytes must not be shown (outside the scan root). */
  readonly unquotedMessage: string;

  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    /** `reason` without the quoted source text, when it quotes some. */
    unquotedReason: string = reason,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'HclSyntaxError';
    this.unquotedMessage = `${file}:${line}:${column}: ${unquotedReason}`;
  }
}

/**
 * Nodes whose text says all the builder needs (`"a\"b"`, `var`, `.name`) and leaves: their children
 * are not visited. Crossing into WebAssembly per node is most of the cost of reading the tree.
 */
const OPAQUE = new Set([
  'literal_value', 'string_lit', 'variable_expr', 'get_attr', 'legacy_index', 'identifier', 'template_literal',
  'quoted_template_start', 'quoted_template_end', 'heredoc_start', 'heredoc_identifier',
]);

/** Tokens whose position is never used: one shared node per token type, and two crossings fewer. */
const PUNCTUATION = new Set([
  '=', ',', ':', '?', '.', '(', ')', '[', ']', '{', '}', '=>', '...', '.*', '[*]', 'for', 'in', 'if', '!',
  '*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||',
  'block_start', 'block_end', 'object_start', 'object_end', 'tuple_start', 'tuple_end', 'ellipsis',
  'template_interpolation_start', 'template_interpolation_end', 'template_directive_start', 'template_directive_end', 'strip_marker',
]);

const NO_CHILDREN: CstNode[] = [];

/** The grammar's node types by id, with what the copy does with each. */
interface TypeTable {
  names: readonly string[];
  opaque: Uint8Array;
  comment: Uint8Array;
  expression: Uint8Array;
  /** The shared node of each punctuation token type. */
  tokens: (CstNode | undefined)[];
}

interface LoadedParser {
  parser: TsParser;
  types: TypeTable;
}

function typeTable(names: readonly string[]): TypeTable {
  const opaque = new Uint8Array(names.length);
  const comment = new Uint8Array(names.length);
  const expression = new Uint8Array(names.length);
  const tokens: (CstNode | undefined)[] = [];
  names.forEach((type, id) => {
    if (OPAQUE.has(type)) opaque[id] = 1;
    if (type === 'comment') comment[id] = 1;
    if (type === 'expression') expression[id] = 1;
    if (PUNCTUATION.has(type)) tokens[id] = { type, start: -1, end: -1, children: NO_CHILDREN };
  });
  return { names, opaque, comment, expression, tokens };
}

let parserPromise: Promise<LoadedParser> | undefined;

/**
 * The terraform dialect of the tree-sitter HCL grammar, loaded once from the WebAssembly the grammar
 * package ships (no native build; see grammar-wasm.ts). web-tree-sitter is imported lazily so that
 * commands that never read HCL do not pay for it.
 */
function loadParser(): Promise<LoadedParser> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    const wasm = grammarWasm();
    await Parser.init(wasm.runtime ? { wasmBinary: wasm.runtime } : undefined);
    const language: TsLanguage = await Language.load(wasm.language);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser, types: typeTable(language.types) };
  })();
  return parserPromise;
}

/** Parses one file into a plain syntax tree plus its comments; throws HclSyntaxError at the first error. */
export async function parseCst(file: SourceFile): Promise<{ root: CstNode; comments: Comment[] }> {
  const { parser, types } = await loadParser();
  const tree = parser.parse(withExponentsAsDigits(file.text));
  if (!tree) throw new HclSyntaxError(file.path, 1, 1, 'the parser gave no result');
  const cursor = tree.walk();
  try {
    if (tree.rootNode.hasError) throw firstError(cursor, file);
    const comments: Comment[] = [];
    return { root: copyNode(cursor, types, comments, file), comments };
  } finally {
    cursor.delete();
    tree.delete();
  }
}

function copyNode(cursor: TreeCursor, types: TypeTable, comments: Comment[], file: SourceFile): CstNode {
  const typeId = cursor.nodeTypeId;
  const token = types.tokens[typeId];
  if (token) return token;
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  // Copied without children: the builder reads it from its text.
  if (types.expression[typeId] && SIMPLE_EXPRESSION.test(file.text.slice(start, end))) return { type: 'expression', start, end, children: NO_CHILDREN };
  const node: CstNode = { type: types.names[typeId]!, start, end, children: NO_CHILDREN };
  if (!types.opaque[typeId] && cursor.gotoFirstChild()) {
    const children: CstNode[] = [];
    do {
      if (types.comment[cursor.nodeTypeId]) comments.push({ text: file.text.slice(cursor.startIndex, cursor.endIndex), span: { start: cursor.startIndex, end: cursor.endIndex } });
      else children.push(copyNode(cursor, types, comments, file));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    node.children = children;
  }
  return node;
}

/** The first error or missing node in document order, as a syntax error. */
function firstError(cursor: TreeCursor, file: SourceFile): HclSyntaxError {
  const visit = (): HclSyntaxError | undefined => {
    if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) return syntaxError(cursor, file);
    if (cursor.gotoFirstChild()) {
      do {
        const found = visit();
        if (found) return found;
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    return undefined;
  };
  return visit() ?? new HclSyntaxError(file.path, 1, 1, 'syntax error');
}

const TOKEN_NAMES: Record<string, string> = {
  block_end: '}',
  object_end: '}',
  tuple_end: ']',
  block_start: '{',
  object_start: '{',
  tuple_start: '[',
  quoted_template_end: 'closing quote',
  template_interpolation_end: '}',
  template_directive_end: '}',
  heredoc_identifier: 'heredoc end marker',
  identifier: 'a name',
  expression: 'an expression',
};

function syntaxError(cursor: TreeCursor, file: SourceFile): HclSyntaxError {
  const at = file.position(cursor.startIndex);
  if (cursor.nodeIsMissing) {
    const name = TOKEN_NAMES[cursor.nodeType] ?? `"${cursor.nodeType}"`;
    return new HclSyntaxError(file.path, at.line, at.column, `syntax error: missing ${name}`);
  }
  const firstLine = file.text.slice(cursor.startIndex, cursor.endIndex).split('\n')[0]!.replace(/\s+/g, ' ').trim();
  const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  return new HclSyntaxError(file.path, at.line, at.column, shown === '' ? 'syntax error: unexpected end of file' : `syntax error near "${shown}"`, 'syntax error');
}
