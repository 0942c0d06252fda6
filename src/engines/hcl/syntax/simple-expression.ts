import type { Expr, Span, Step } from './ast.js';
import { unescapeQuoted } from './template-text.js';

/**
 * Expressions read straight from their text (a string without interpolation, a number,
 * true/false/null, or a traversal such as `var.name`, `aws_vpc.main.id`, `each.value["port"]`):
 * most expressions in real configurations. Both readers (tree-sitter and the direct one) give
 * such an `expression` the same syntax tree by reading it here.
 */
export const SIMPLE_EXPRESSION = /^(?:"(?:[^"\\$%\n]|\\.|[$%](?!\{))*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\.\d+|\[\d+\]|\["[\w./:-]*"\])*)$/;

/** The syntax tree of an expression whose text matches SIMPLE_EXPRESSION; every node spans the whole text. */
export function simpleExpression(text: string, at: Span): Expr {
  const first = text.charCodeAt(0);
  if (first === 34 /* " */) return { kind: 'literal', value: unescapeQuoted(text.slice(1, -1)), span: at };
  if (first === 45 /* - */ || (first >= 48 && first <= 57)) return { kind: 'literal', value: Number(text), span: at };
  if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true', span: at };
  if (text === 'null') return { kind: 'literal', value: null, span: at };
  const root = /^[A-Za-z_][\w-]*/.exec(text)![0];
  const steps: Step[] = [];
  for (const match of text.slice(root.length).matchAll(/\.([A-Za-z_][\w-]*)|\.(\d+)|\[(\d+)\]|\["([^"]*)"\]/g)) {
    if (match[1] !== undefined) steps.push({ kind: 'attr', name: match[1] });
    else {
      const key = match[4] ?? Number(match[2] ?? match[3]);
      steps.push({ kind: 'index', key: { kind: 'literal', value: key, span: at } });
    }
  }
  const variable: Expr = { kind: 'variable', name: root, span: at };
  return steps.length === 0 ? variable : { kind: 'traversal', target: variable, steps, span: at };
}
