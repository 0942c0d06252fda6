import type { Attribute, BinaryOp, Block, Body, Expr, ObjectItem, Span, Step, TemplatePart } from './ast.js';
import { HclSyntaxError, type CstNode } from './parser.js';
import type { SourceFile } from './source-file.js';
import { simpleExpression } from './simple-expression.js';
import { stripIndent, unescapeHeredoc, unescapeQuoted } from './template-text.js';

const BINARY_OPS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

/** Builds the evaluator's syntax tree from the copied tree-sitter nodes of one file. */
export class AstBuilder {
  constructor(readonly file: SourceFile) {}

  /** The top of a file: a body, or a single object (`.tfvars` written as `{ … }`). */
  configFile(root: CstNode): { body: Body; object?: Expr } {
    const first = root.children[0];
    if (!first) return { body: { items: [] } };
    if (first.type === 'object') return { body: { items: [] }, object: this.#object(first) };
    return { body: this.body(first) };
  }

  body(node: CstNode): Body {
    const items: (Attribute | Block)[] = [];
    for (const child of node.children) {
      if (child.type === 'attribute') items.push(this.#attribute(child));
      else if (child.type === 'block') items.push(this.#block(child));
    }
    return { items };
  }

  #attribute(node: CstNode): Attribute {
    const [name, , value] = node.children;
    return { kind: 'attribute', name: this.#text(name!), value: this.expression(value!), span: span(node), file: this.file };
  }

  #block(node: CstNode): Block {
    const [typeNode, ...rest] = node.children;
    const labels: string[] = [];
    let body: Body = { items: [] };
    for (const child of rest) {
      if (child.type === 'string_lit') {
        const label = this.#stringLit(child);
        // Terraform refuses `resource "aws_vpc" ""`; read on, it would give addresses such as `aws_vpc.`.
        if (label === '') {
          const at = this.file.position(child.start);
          throw new HclSyntaxError(this.file.path, at.line, at.column, 'invalid block: an empty label (Terraform needs a name here)');
        }
        labels.push(label);
      }
      else if (child.type === 'identifier') labels.push(this.#text(child));
      else if (child.type === 'body') body = this.body(child);
    }
    return { kind: 'block', type: this.#text(typeNode!), labels, body, span: span(node), file: this.file };
  }

  expression(node: CstNode): Expr {
    if (node.type !== 'expression') return this.#terms([node]);
    if (node.children.length === 0) return this.#simple(node);
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only?.type === 'conditional') {
      const [condition, then, otherwise] = only.children.filter((c) => c.type === 'expression');
      return {
        kind: 'conditional',
        condition: this.expression(condition!),
        then: this.expression(then!),
        else: this.expression(otherwise!),
        span: span(node),
      };
    }
    return this.#terms(node.children);
  }

  /** A literal or a traversal, read from its text (see SIMPLE_EXPRESSION). */
  #simple(node: CstNode): Expr {
    return simpleExpression(this.#text(node), span(node));
  }

  /** A run of sibling nodes forming one term: a primary followed by `.attr`, `[i]` and splat steps. */
  #terms(nodes: CstNode[]): Expr {
    const { expr, next } = this.#term(nodes, 0);
    if (next < nodes.length) throw this.#error(nodes[next]!, 'unexpected token in expression');
    return expr;
  }

  #term(nodes: CstNode[], from: number): { expr: Expr; next: number } {
    const first = nodes[from];
    if (!first) throw new HclSyntaxError(this.file.path, 1, 1, 'syntax error: empty expression');
    let expr: Expr;
    let next = from + 1;
    if (first.type === '(') {
      expr = this.expression(nodes[from + 1]!);
      next = from + 3;
    } else {
      expr = this.#primary(first);
    }
    let steps: Step[] = [];
    const flush = (): void => {
      if (steps.length > 0) expr = { kind: 'traversal', target: expr, steps, span: { start: expr.span.start, end: nodes[next - 1]!.end } };
      steps = [];
    };
    for (; next < nodes.length; next++) {
      const node = nodes[next]!;
      if (node.type === 'get_attr' || node.type === 'index') steps.push(this.#step(node));
      else if (node.type === 'splat') {
        flush();
        const inner = node.children[0]!;
        const splatSteps = inner.children.filter((c) => c.type === 'get_attr' || c.type === 'index').map((c) => this.#step(c));
        expr = { kind: 'splat', target: expr, steps: splatSteps, span: { start: expr.span.start, end: node.end } };
      } else break;
    }
    flush();
    return { expr, next };
  }

  #step(node: CstNode): Step {
    if (node.type === 'get_attr') return { kind: 'attr', name: this.#text(node).slice(1).trim() };
    const index = node.children[0]!;
    if (index.type === 'legacy_index') {
      const digits = this.#text(index).replace(/^\./, '');
      return { kind: 'index', key: { kind: 'literal', value: Number(digits), span: span(index) } };
    }
    return { kind: 'index', key: this.expression(index.children.find((c) => c.type === 'expression')!) };
  }

  #primary(node: CstNode): Expr {
    switch (node.type) {
      case 'literal_value':
        return this.#literal(node);
      case 'template_expr':
        return this.#template(node.children[0]!);
      case 'collection_value': {
        const inner = node.children[0]!;
        return inner.type === 'tuple' ? this.#tuple(inner) : this.#object(inner);
      }
      case 'variable_expr':
        return { kind: 'variable', name: this.#text(node), span: span(node) };
      case 'function_call':
        return this.#call(node);
      case 'for_expr':
        return this.#for(node.children[0]!);
      case 'operation':
        return this.#operation(node.children[0]!);
      case 'expression':
        return this.expression(node);
      case 'conditional':
        return this.expression({ ...node, type: 'expression', children: [node] });
      default:
        throw this.#error(node, `unexpected "${this.#text(node)}"`, 'unexpected token');
    }
  }

  /** A literal value, told apart by its text (its single child is not copied). */
  #literal(node: CstNode): Expr {
    const text = this.#text(node);
    if (text.startsWith('"')) return { kind: 'literal', value: this.#stringLit(node), span: span(node) };
    if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true', span: span(node) };
    if (text === 'null') return { kind: 'literal', value: null, span: span(node) };
    return { kind: 'literal', value: Number(text), span: span(node) };
  }

  /** A string without interpolation: the text between its quotes, unescaped. */
  #stringLit(node: CstNode): string {
    return unescapeQuoted(this.file.text.slice(node.start + 1, node.end - 1));
  }

  #tuple(node: CstNode): Expr {
    return { kind: 'tuple', items: node.children.filter((c) => c.type === 'expression').map((c) => this.expression(c)), span: span(node) };
  }

  #object(node: CstNode): Expr {
    const items: ObjectItem[] = [];
    for (const elem of node.children) {
      if (elem.type !== 'object_elem') continue;
      const [keyNode, valueNode] = elem.children.filter((c) => c.type === 'expression');
      const key = this.expression(keyNode!);
      // A bare name is the key itself; `(name)` is evaluated.
      const bare = key.kind === 'variable' && !this.#text(keyNode!).startsWith('(');
      items.push({ ...(bare ? { name: key.name } : {}), key, value: this.expression(valueNode!) });
    }
    return { kind: 'object', items, span: span(node) };
  }

  #call(node: CstNode): Expr {
    const name = this.#text(node.children[0]!);
    const argsNode = node.children.find((c) => c.type === 'function_arguments');
    const args = argsNode ? argsNode.children.filter((c) => c.type === 'expression').map((c) => this.expression(c)) : [];
    const expandLast = argsNode ? argsNode.children.some((c) => c.type === 'ellipsis') : false;
    return { kind: 'call', name, args, expandLast, span: span(node) };
  }

  #for(node: CstNode): Expr {
    const intro = node.children.find((c) => c.type === 'for_intro')!;
    const names = intro.children.filter((c) => c.type === 'identifier').map((c) => this.#text(c));
    const collection = this.expression(intro.children.find((c) => c.type === 'expression')!);
    const bodyExprs = node.children.filter((c) => c.type === 'expression').map((c) => this.expression(c));
    const cond = node.children.find((c) => c.type === 'for_cond');
    const condition = cond ? this.expression(cond.children.find((c) => c.type === 'expression')!) : undefined;
    const vars = names.length === 2 ? { keyVar: names[0]!, valueVar: names[1]! } : { valueVar: names[0]! };
    const isObject = node.type === 'for_object_expr';
    return {
      kind: 'for',
      ...vars,
      collection,
      ...(isObject ? { key: bodyExprs[0]!, value: bodyExprs[1]! } : { value: bodyExprs[0]! }),
      ...(condition ? { condition } : {}),
      grouping: node.children.some((c) => c.type === 'ellipsis'),
      span: span(node),
    };
  }

  #operation(node: CstNode): Expr {
    const children = node.children;
    if (node.type === 'unary_operation') {
      const op = children[0]!.type as '-' | '!';
      const { expr } = this.#term(children, 1);
      return { kind: 'unary', op, operand: expr, span: span(node) };
    }
    const left = this.#term(children, 0);
    const opNode = children[left.next];
    if (!opNode || !BINARY_OPS.has(opNode.type)) throw this.#error(node, 'malformed operation');
    const right = this.#term(children, left.next + 1);
    return { kind: 'binary', op: opNode.type as BinaryOp, left: left.expr, right: right.expr, span: span(node) };
  }

  #template(node: CstNode): Expr {
    const children = node.children;
    if (node.type === 'quoted_template') {
      const parts = this.#templateParts(children.slice(1, -1), children[0]!.end, children[children.length - 1]!.start, false);
      return { kind: 'template', parts, span: span(node) };
    }
    // Heredoc: <<ID or <<-ID (indented: common leading whitespace is removed from every line). The
    // text starts after the newline that ends the opening line and stops before the closing line.
    const text = this.file.text;
    const open = children[1]!;
    const close = children[children.length - 1]!;
    const newline = text.indexOf('\n', open.end);
    const from = newline === -1 || newline > close.start ? open.end : newline + 1;
    const to = Math.max(from, text.lastIndexOf('\n', close.start - 1) + 1);
    let parts = this.#templateParts(children.slice(2, -1), from, to, true);
    if (this.#text(children[0]!) === '<<-') parts = stripIndent(parts);
    return { kind: 'template', parts, span: span(node) };
  }

  /**
   * The parts of a template between two offsets. Literal text is taken from the source between the
   * interpolations and directives (the grammar's literal nodes leave out some whitespace).
   */
  #templateParts(nodes: CstNode[], from: number, to: number, heredoc: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let cursor = from;
    let stripNext = false;
    const pushText = (end: number): void => {
      if (end <= cursor) return;
      const raw = this.file.text.slice(cursor, end);
      let value = heredoc ? unescapeHeredoc(raw) : unescapeQuoted(raw);
      if (stripNext) value = value.trimStart();
      parts.push({ kind: 'text', text: value });
    };
    for (const node of nodes) {
      if (node.type !== 'template_interpolation' && node.type !== 'template_directive') continue;
      pushText(node.start);
      stripNext = false;
      if (node.type === 'template_interpolation') {
        const inner = node.children;
        if (inner[1]?.type === 'strip_marker') trimPreviousText(parts);
        const expression = inner.find((c) => c.type === 'expression');
        parts.push({ kind: 'interpolation', expr: expression ? this.expression(expression) : { kind: 'literal', value: '', span: span(node) } });
        stripNext = inner[inner.length - 2]?.type === 'strip_marker' && inner.length > 3;
      } else {
        const directive = node.children[0]!;
        const heads = directive.children.filter((c) => DIRECTIVE_HEAD.test(c.type));
        if (stripsLeft(heads[0])) trimPreviousText(parts);
        parts.push(this.#directive(directive, heredoc));
        stripNext = stripsRight(heads[heads.length - 1]);
      }
      cursor = node.end;
    }
    pushText(to);
    return parts;
  }

  #directive(node: CstNode, heredoc: boolean): TemplatePart {
    const heads: CstNode[] = [];
    const sections: CstNode[][] = [];
    for (const child of node.children) {
      if (DIRECTIVE_HEAD.test(child.type)) {
        heads.push(child);
        sections.push([]);
      } else sections[sections.length - 1]?.push(child);
    }
    const partsAfter = (i: number): TemplatePart[] => {
      const parts = this.#templateParts(sections[i] ?? [], heads[i]!.end, heads[i + 1]?.start ?? heads[i]!.end, heredoc);
      const first = parts[0];
      if (first?.kind === 'text' && stripsRight(heads[i])) first.text = first.text.trimStart();
      if (stripsLeft(heads[i + 1])) trimPreviousText(parts);
      return parts;
    };
    if (node.type === 'template_for') {
      const start = heads[0]!;
      const names = start.children.filter((c) => c.type === 'identifier').map((c) => this.#text(c));
      const collection = this.expression(start.children.find((c) => c.type === 'expression')!);
      const body = partsAfter(0);
      return names.length === 2
        ? { kind: 'for', keyVar: names[0]!, valueVar: names[1]!, collection, body }
        : { kind: 'for', valueVar: names[0]!, collection, body };
    }
    const condition = this.expression(heads[0]!.children.find((c) => c.type === 'expression')!);
    const elseIndex = heads.findIndex((h) => h.type === 'template_else_intro');
    return { kind: 'if', condition, then: partsAfter(0), else: elseIndex >= 0 ? partsAfter(elseIndex) : [] };
  }

  #text(node: CstNode): string {
    return this.file.text.slice(node.start, node.end);
  }

  #error(node: CstNode, message: string, unquoted = message): HclSyntaxError {
    const at = this.file.position(node.start);
    return new HclSyntaxError(this.file.path, at.line, at.column, `syntax error: ${message}`, `syntax error: ${unquoted}`);
  }
}

const DIRECTIVE_HEAD = /^template_(if_intro|else_intro|if_end|for_start|for_end)$/;

/** `%{~ …}`: the directive trims the whitespace before it. */
function stripsLeft(head: CstNode | undefined): boolean {
  return head?.children[1]?.type === 'strip_marker';
}

/** `%{ … ~}`: the directive trims the whitespace after it. */
function stripsRight(head: CstNode | undefined): boolean {
  const children = head?.children ?? [];
  return children.length > 3 && children[children.length - 2]?.type === 'strip_marker';
}

function span(node: CstNode): Span {
  return { start: node.start, end: node.end };
}

function trimPreviousText(parts: TemplatePart[]): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') last.text = last.text.trimEnd();
}
