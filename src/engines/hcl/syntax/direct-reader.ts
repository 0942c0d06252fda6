import type { Attribute, BinaryOp, Block, Body, Comment, Expr, ObjectItem, ParsedFile, Span, Step, TemplatePart } from './ast.js';
import { SIMPLE_EXPRESSION, simpleExpression } from './simple-expression.js';
import type { SourceFile } from './source-file.js';
import { stripIndent, unescapeHeredoc, unescapeQuoted } from './template-text.js';

/**
 * Reads the HCL that real configurations are made of straight into the syntax tree, giving exactly
 * the tree that tree-sitter plus AstBuilder give (same nodes, same spans): several times faster,
 * since nothing crosses into WebAssembly. Anything outside that subset — template directives, strip
 * markers, non-ASCII names, `.tfvars` in object form — and anything malformed makes it give up
 * (undefined): tree-sitter then reads the file, and stays the judge of every syntax error.
 */
export function readDirectly(file: SourceFile): ParsedFile | undefined {
  const reader = new DirectReader(file);
  try {
    const body = reader.file();
    return { file, body, comments: reader.comments };
  } catch (error) {
    // Deep nesting exhausts the stack: the tree-sitter path then reports it.
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Thrown (not an Error: no stack to capture) when the text leaves the subset. */
const GIVE_UP = Symbol('outside the directly read subset');

const BINARY: Record<string, { op: BinaryOp; precedence: number }> = {
  '*': { op: '*', precedence: 6 }, '/': { op: '/', precedence: 6 }, '%': { op: '%', precedence: 6 },
  '+': { op: '+', precedence: 5 }, '-': { op: '-', precedence: 5 },
  '>': { op: '>', precedence: 4 }, '>=': { op: '>=', precedence: 4 }, '<': { op: '<', precedence: 4 }, '<=': { op: '<=', precedence: 4 },
  '==': { op: '==', precedence: 3 }, '!=': { op: '!=', precedence: 3 },
  '&&': { op: '&&', precedence: 2 }, '||': { op: '||', precedence: 1 },
};

/**
 * Deeper syntax trees are left to tree-sitter: its path decides which are too deep to read, and
 * the evaluator recurses along the same depth.
 */
const MAX_DEPTH = 200;

/** Words the grammar treats as keywords somewhere: as names they are left to tree-sitter. */
const KEYWORDS = new Set(['for', 'in', 'if', 'true', 'false', 'null']);

const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c) || c === 45;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** Recursive descent over the text; `pos` is the next character, `end` the end of the last token read. */
class DirectReader {
  pos = 0;
  end = 0;
  readonly comments: Comment[] = [];
  readonly text: string;
  /** Nesting of the expression being read (brackets, operators). */
  #depth = 0;
  /**
   * One copy of each name and string literal of the file: the same few dozen recur thousands of
   * times, and the syntax tree outlives many garbage collections, each of which copies what is live.
   */
  readonly #strings = new Map<string, string>();

  constructor(readonly source: SourceFile) {
    this.text = source.text;
  }

  file(): Body {
    this.#space();
    if (this.#at(123 /* { */)) throw GIVE_UP;
    return this.#body(-1);
  }

  /** Attributes and blocks up to `}` (or the end of the text when `close` is -1). */
  #body(close: number): Body {
    const items: (Attribute | Block)[] = [];
    for (;;) {
      this.#space();
      if (this.pos >= this.text.length) {
        if (close === -1) return { items };
        throw GIVE_UP;
      }
      if (this.#at(close)) return { items };
      const start = this.pos;
      const name = this.#name();
      this.#space();
      if (this.#at(61 /* = */) && this.#code(1) !== 61) {
        this.pos++;
        const value = this.expression();
        items.push({ kind: 'attribute', name, value, span: { start, end: this.end }, file: this.source });
      } else items.push(this.#block(name, start));
    }
  }

  #block(type: string, start: number): Block {
    const labels: string[] = [];
    for (;;) {
      this.#space();
      if (this.#at(34 /* " */)) {
        const label = this.#shared(unescapeQuoted(this.#quotedPlain()));
        // Terraform refuses an empty label: AstBuilder says so.
        if (label === '') throw GIVE_UP;
        labels.push(label);
      } else if (isNameStart(this.#code(0))) labels.push(this.#name());
      else break;
    }
    this.#expect(123 /* { */);
    const body = this.#body(125 /* } */);
    this.#expect(125);
    return { kind: 'block', type, labels, body, span: { start, end: this.end }, file: this.source };
  }

  /** An `expression` of the grammar: a conditional, or one term or operation. */
  expression(): Expr {
    return this.#expression().expr;
  }

  /** The expression and whether it is a conditional written without parentheses. */
  #expression(): { expr: Expr; bareConditional: boolean } {
    if (++this.#depth > MAX_DEPTH) throw GIVE_UP;
    const read = this.#conditional();
    this.#depth--;
    return read;
  }

  #conditional(): { expr: Expr; bareConditional: boolean } {
    this.#space();
    const start = this.pos;
    const condition = this.#settle(this.#binary(0), start);
    this.#space();
    if (!this.#at(63 /* ? */)) return { expr: condition, bareConditional: false };
    this.pos++;
    const then = this.#expression();
    this.#expect(58 /* : */);
    const otherwise = this.#expression();
    // How tree-sitter nests `a ? b : c ? d : e` is left to tree-sitter.
    if (then.bareConditional || otherwise.bareConditional) throw GIVE_UP;
    return { expr: { kind: 'conditional', condition, then: then.expr, else: otherwise.expr, span: { start, end: this.end } }, bareConditional: true };
  }

  /**
   * An expression whose text is simple gets the tree simpleExpression gives it (every node spanning
   * the whole text, as the tree-sitter path reads it), made from the tree already read.
   */
  #settle(expr: Expr, start: number): Expr {
    if (expr.kind !== 'traversal' && expr.kind !== 'unary') return expr;
    const text = this.text.slice(start, this.end);
    if (!SIMPLE_EXPRESSION.test(text)) return expr;
    const at = { start, end: this.end };
    if (expr.kind === 'unary' || expr.target.kind !== 'variable') return simpleExpression(text, at);
    const steps = expr.steps.map((step): Step => (step.kind === 'attr' ? step : { kind: 'index', key: { ...step.key, span: at } }));
    return { kind: 'traversal', target: { kind: 'variable', name: expr.target.name, span: at }, steps, span: at };
  }

  /** Binary operations by precedence climbing, all left-associative; operands are terms. */
  #binary(minPrecedence: number): Expr {
    const start = this.pos;
    const depth = this.#depth;
    let left = this.#unary();
    for (;;) {
      this.#space();
      const operator = this.#operator();
      const binary = operator === undefined ? undefined : BINARY[operator];
      if (!binary || binary.precedence < minPrecedence) break;
      this.pos += operator!.length;
      this.#space();
      const right = this.#binary(binary.precedence + 1);
      left = { kind: 'binary', op: binary.op, left, right, span: { start, end: this.end } };
      // A chain of operators nests to the left: each one is a level.
      if (++this.#depth > MAX_DEPTH) throw GIVE_UP;
    }
    this.#depth = depth;
    return left;
  }

  /** The operator at the cursor, if any (`=`, `=>`, `!` alone are not binary operators). */
  #operator(): string | undefined {
    const c = this.#code(0);
    const next = this.#code(1);
    switch (c) {
      case 42: case 47: case 37: case 43: case 45: // * / % + -
        return String.fromCharCode(c);
      case 62: case 60: // > <
        if (c === 60 && next === 60) throw GIVE_UP;
        return next === 61 ? `${String.fromCharCode(c)}=` : String.fromCharCode(c);
      case 61: case 33: // = !
        return next === 61 ? `${String.fromCharCode(c)}=` : undefined;
      case 38: return next === 38 ? '&&' : undefined;
      case 124: return next === 124 ? '||' : undefined;
      default: return undefined;
    }
  }

  #unary(): Expr {
    const start = this.pos;
    const c = this.#code(0);
    if (c === 45 || (c === 33 && this.#code(1) !== 61)) {
      if (++this.#depth > MAX_DEPTH) throw GIVE_UP;
      this.pos++;
      this.#space();
      const operand = this.#unary();
      this.#depth--;
      return { kind: 'unary', op: c === 45 ? '-' : '!', operand, span: { start, end: this.end } };
    }
    return this.#term();
  }

  /** A primary or a parenthesised expression, then `.attr`, `[key]`, `.0` and splat steps. */
  #term(): Expr {
    let expr: Expr;
    if (this.#at(40 /* ( */)) {
      this.pos++;
      expr = this.expression();
      this.#expect(41 /* ) */);
    } else expr = this.#primary();
    let steps: Step[] = [];
    for (;;) {
      this.#space();
      const splat = this.text.startsWith('.*', this.pos) ? 2 : this.text.startsWith('[*]', this.pos) ? 3 : 0;
      if (splat === 0) {
        const step = this.#step();
        if (!step) break;
        steps.push(step);
        continue;
      }
      if (steps.length > 0) expr = { kind: 'traversal', target: expr, steps, span: { start: expr.span.start, end: this.end } };
      steps = [];
      this.pos += splat;
      this.end = this.pos;
      const splatSteps: Step[] = [];
      for (let step = this.#step(); step; step = this.#step()) splatSteps.push(step);
      expr = { kind: 'splat', target: expr, steps: splatSteps, span: { start: expr.span.start, end: this.end } };
    }
    if (steps.length > 0) expr = { kind: 'traversal', target: expr, steps, span: { start: expr.span.start, end: this.end } };
    return expr;
  }

  /** `.name`, `.0` or `[key]` at the cursor (after spaces), else undefined. */
  #step(): Step | undefined {
    this.#space();
    const c = this.#code(0);
    const next = this.#code(1);
    if (c === 46 /* . */) {
      if (isNameStart(next)) {
        this.pos++;
        return { kind: 'attr', name: this.#name() };
      }
      if (isDigit(next)) {
        const start = this.pos;
        this.pos++;
        while (isDigit(this.#code(0))) this.pos++;
        if (isNamePart(this.#code(0))) throw GIVE_UP;
        this.end = this.pos;
        return { kind: 'index', key: { kind: 'literal', value: Number(this.text.slice(start + 1, this.pos)), span: { start, end: this.pos } } };
      }
      if (next === 46 || next === 42) return undefined; // `...` or `.*`
      throw GIVE_UP;
    }
    if (c === 91 /* [ */ && !this.text.startsWith('[*]', this.pos)) {
      this.pos++;
      const key = this.expression();
      this.#expect(93 /* ] */);
      return { kind: 'index', key };
    }
    return undefined;
  }

  #primary(): Expr {
    const start = this.pos;
    const c = this.#code(0);
    if (c === 34 /* " */) return this.#quoted();
    if (c === 60 && this.#code(1) === 60) return this.#heredoc();
    if (isDigit(c)) return this.#number();
    if (c === 91 /* [ */) return this.#forAfterBracket() ? this.#for(93) : this.#tuple();
    if (c === 123 /* { */) return this.#forAfterBracket() ? this.#for(125) : this.#object();
    if (!isNameStart(c)) throw GIVE_UP;
    const name = this.#word();
    const span = { start, end: this.end };
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', span };
    if (name === 'null') return { kind: 'literal', value: null, span };
    if (KEYWORDS.has(name)) throw GIVE_UP;
    this.#space();
    if (this.#at(40 /* ( */)) return this.#call(name, start);
    return { kind: 'variable', name, span };
  }

  #number(): Expr {
    const start = this.pos;
    while (isDigit(this.#code(0))) this.pos++;
    if (this.#at(46 /* . */) && isDigit(this.#code(1))) {
      this.pos++;
      while (isDigit(this.#code(0))) this.pos++;
    }
    // HCL's exponent: `e`/`E`, an optional sign, digits (`1e3`, `1E+3`, `1.5e-10`).
    const e = this.#code(0);
    if (e === 101 || e === 69) {
      this.pos++;
      if (this.#at(43) || this.#at(45)) this.pos++;
      if (!isDigit(this.#code(0))) throw GIVE_UP;
      while (isDigit(this.#code(0))) this.pos++;
    }
    // `0x1F`, `1.foo`, `1e3x`: left to tree-sitter (`10-1` is a subtraction).
    if ((isNamePart(this.#code(0)) && !this.#at(45)) || this.#at(46)) throw GIVE_UP;
    this.end = this.pos;
    return { kind: 'literal', value: Number(this.text.slice(start, this.pos)), span: { start, end: this.pos } };
  }

  #call(name: string, start: number): Expr {
    this.pos++;
    const args: Expr[] = [];
    let expandLast = false;
    this.#space();
    while (!this.#at(41 /* ) */)) {
      args.push(this.expression());
      this.#space();
      if (this.text.startsWith('...', this.pos)) {
        this.pos += 3;
        expandLast = true;
        this.#space();
        break;
      }
      if (!this.#at(44 /* , */)) break;
      this.pos++;
      this.#space();
    }
    this.#expect(41);
    return { kind: 'call', name, args, expandLast, span: { start, end: this.end } };
  }

  #tuple(): Expr {
    const start = this.pos;
    this.pos++;
    const items: Expr[] = [];
    this.#space();
    while (!this.#at(93 /* ] */)) {
      items.push(this.expression());
      this.#space();
      if (!this.#at(44 /* , */)) break;
      this.pos++;
      this.#space();
    }
    this.#expect(93);
    return { kind: 'tuple', items, span: { start, end: this.end } };
  }

  #object(): Expr {
    const start = this.pos;
    this.pos++;
    const items: ObjectItem[] = [];
    for (;;) {
      this.#space();
      if (this.#at(125 /* } */)) break;
      const keyStart = this.pos;
      const key = this.expression();
      this.#space();
      const c = this.#code(0);
      if (!(c === 58 /* : */ || (c === 61 /* = */ && this.#code(1) !== 61 && this.#code(1) !== 62))) throw GIVE_UP;
      this.pos++;
      const value = this.expression();
      // A bare name is the key itself; `(name)` is evaluated.
      const bare = key.kind === 'variable' && this.text.charCodeAt(keyStart) !== 40;
      items.push({ ...(bare ? { name: key.name } : {}), key, value });
      this.#space();
      if (this.#at(44 /* , */)) this.pos++;
    }
    this.#expect(125);
    return { kind: 'object', items, span: { start, end: this.end } };
  }

  /** `[for …]` and `{for …}`; `close` is the closing bracket's character code. */
  #for(close: number): Expr {
    const start = this.pos;
    this.pos++;
    this.#space();
    this.#word();
    this.#space();
    const names = [this.#name()];
    this.#space();
    if (this.#at(44 /* , */)) {
      this.pos++;
      this.#space();
      names.push(this.#name());
      this.#space();
    }
    if (this.#word() !== 'in') throw GIVE_UP;
    const collection = this.expression();
    this.#expect(58 /* : */);
    const first = this.expression();
    let key: Expr | undefined;
    let value = first;
    let grouping = false;
    if (close === 125) {
      this.#space();
      if (!this.text.startsWith('=>', this.pos)) throw GIVE_UP;
      this.pos += 2;
      key = first;
      value = this.expression();
      this.#space();
      if (this.text.startsWith('...', this.pos)) {
        this.pos += 3;
        grouping = true;
      }
    }
    this.#space();
    let condition: Expr | undefined;
    if (this.text.startsWith('if', this.pos) && !isNamePart(this.#code(2))) {
      this.pos += 2;
      condition = this.expression();
    }
    this.#expect(close);
    const vars = names.length === 2 ? { keyVar: names[0]!, valueVar: names[1]! } : { valueVar: names[0]! };
    return {
      kind: 'for',
      ...vars,
      collection,
      ...(key ? { key, value } : { value }),
      ...(condition ? { condition } : {}),
      grouping,
      span: { start, end: this.end },
    };
  }

  /** Whether the word after `[` or `{` (looked at without moving) is `for`: a for expression, not a collection. */
  #forAfterBracket(): boolean {
    const text = this.text;
    let i = this.pos + 1;
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(i)) i++;
    return text.startsWith('for', i) && !isNamePart(text.charCodeAt(i + 3));
  }

  /** A quoted string: a literal when it has no interpolation, else a template. */
  #quoted(): Expr {
    const start = this.pos;
    const parts = this.#templateParts(start + 1, false);
    const closing = this.pos;
    this.pos++;
    this.end = this.pos;
    const span = { start, end: this.end };
    if (parts.every((part) => part.kind === 'text')) return { kind: 'literal', value: this.#shared(unescapeQuoted(this.text.slice(start + 1, closing))), span };
    return { kind: 'template', parts, span };
  }

  /** A quoted string without interpolation (a block label): its raw text between the quotes. */
  #quotedPlain(): string {
    const start = this.pos;
    const parts = this.#templateParts(start + 1, false);
    if (parts.some((part) => part.kind !== 'text')) throw GIVE_UP;
    const raw = this.text.slice(start + 1, this.pos);
    this.pos++;
    this.end = this.pos;
    return raw;
  }

  /**
   * Template text from `from` to its closing quote (left at the quote) or, in a heredoc, to the
   * start of the closing line (`pos` left there): text parts unescaped, interpolations read.
   */
  #templateParts(from: number, heredoc: string | false): TemplatePart[] {
    const text = this.text;
    const parts: TemplatePart[] = [];
    let literalStart = from;
    let i = from;
    let lineStart = heredoc !== false;
    for (;;) {
      if (heredoc !== false && lineStart) {
        lineStart = false;
        const close = this.#closingLine(i, heredoc);
        if (close !== undefined) {
          if (close.at > literalStart) parts.push({ kind: 'text', text: unescapeHeredoc(text.slice(literalStart, close.at)) });
          this.pos = close.marker;
          return parts;
        }
      }
      if (i >= text.length) throw GIVE_UP;
      const c = text.charCodeAt(i);
      if (heredoc === false && c === 34 /* " */) break;
      if (c === 10 /* \n */) {
        if (heredoc === false) throw GIVE_UP;
        lineStart = true;
        i++;
        continue;
      }
      if (c === 92 /* \ */ && heredoc === false) {
        i += this.#escapeLength(i);
        continue;
      }
      if ((c === 36 /* $ */ || c === 37 /* % */) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        i += 3;
        continue;
      }
      if (c === 37 && text.charCodeAt(i + 1) === 123) throw GIVE_UP; // a directive
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        if (i > literalStart) parts.push({ kind: 'text', text: heredoc === false ? unescapeQuoted(text.slice(literalStart, i)) : unescapeHeredoc(text.slice(literalStart, i)) });
        this.pos = i + 2;
        this.#space();
        if (this.#at(126 /* ~ */) || this.#at(125 /* } */)) throw GIVE_UP;
        const expr = this.expression();
        this.#space();
        if (!this.#at(125)) throw GIVE_UP;
        i = literalStart = this.pos + 1;
        parts.push({ kind: 'interpolation', expr });
        continue;
      }
      i++;
    }
    if (i > literalStart) parts.push({ kind: 'text', text: unescapeQuoted(text.slice(literalStart, i)) });
    this.pos = i;
    return parts;
  }

  /** The length of the escape at `i` (`\n`, `\"`, `\u0041` …); others are left to tree-sitter. */
  #escapeLength(i: number): number {
    const next = this.text.charCodeAt(i + 1);
    if (next === 34 || next === 110 || next === 114 || next === 116 || next === 92) return 2;
    const digits = next === 117 /* u */ ? 4 : next === 85 /* U */ ? 8 : 0;
    if (digits === 0) throw GIVE_UP;
    for (let d = 2; d < 2 + digits; d++) if (!isHex(this.text.charCodeAt(i + d))) throw GIVE_UP;
    return 2 + digits;
  }

  /** `<<ID` / `<<-ID` … a line holding only ID (indentation allowed). */
  #heredoc(): Expr {
    const start = this.pos;
    const indented = this.#code(2) === 45 /* - */;
    this.pos += indented ? 3 : 2;
    const idStart = this.pos;
    while (isNamePart(this.#code(0))) this.pos++;
    const id = this.text.slice(idStart, this.pos);
    if (id === '') throw GIVE_UP;
    while (this.#at(32) || this.#at(9) || this.#at(13)) this.pos++;
    if (!this.#at(10)) throw GIVE_UP;
    let parts = this.#templateParts(this.pos + 1, id);
    if (indented) parts = stripIndent(parts);
    this.pos += id.length;
    this.end = this.pos;
    return { kind: 'template', parts, span: { start, end: this.end } };
  }

  /** At a line start: the closing line of the heredoc (its start and its marker's offset), if this is it. */
  #closingLine(lineStart: number, id: string): { at: number; marker: number } | undefined {
    const text = this.text;
    let i = lineStart;
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 13 || c === 10; c = text.charCodeAt(i)) i++;
    if (!text.startsWith(id, i)) return undefined;
    let after = i + id.length;
    for (let c = text.charCodeAt(after); c === 32 || c === 9 || c === 13; c = text.charCodeAt(after)) after++;
    if (text.charCodeAt(after) !== 10) return undefined;
    return { at: text.lastIndexOf('\n', i - 1) + 1, marker: i };
  }

  /** An identifier that is not a keyword. */
  #name(): string {
    const name = this.#word();
    if (KEYWORDS.has(name)) throw GIVE_UP;
    return name;
  }

  /** An identifier at the cursor (ASCII; `::` and other characters are left to tree-sitter). */
  #word(): string {
    const start = this.pos;
    if (!isNameStart(this.#code(0))) throw GIVE_UP;
    this.pos++;
    while (isNamePart(this.#code(0))) this.pos++;
    const c = this.#code(0);
    if (c > 127 || (c === 58 /* : */ && this.#code(1) === 58)) throw GIVE_UP;
    this.end = this.pos;
    return this.#shared(this.text.slice(start, this.pos));
  }

  #shared(text: string): string {
    const known = this.#strings.get(text);
    if (known !== undefined) return known;
    this.#strings.set(text, text);
    return text;
  }

  #expect(c: number): void {
    this.#space();
    if (!this.#at(c)) throw GIVE_UP;
    this.pos++;
    this.end = this.pos;
  }

  #at(c: number): boolean {
    return this.text.charCodeAt(this.pos) === c;
  }

  #code(offset: number): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  /** Skips spaces, newlines and comments, collecting the comments. */
  #space(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 9 || c === 13) this.pos++;
      else if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(this.pos + 1) === 47)) {
        const newline = text.indexOf('\n', this.pos);
        this.#comment(newline === -1 ? text.length : newline);
      } else if (c === 47 && text.charCodeAt(this.pos + 1) === 42 /* * */) {
        const close = text.indexOf('*/', this.pos + 2);
        if (close === -1) throw GIVE_UP;
        this.#comment(close + 2);
      } else if (c > 127) throw GIVE_UP;
      else return;
    }
  }

  #comment(end: number): void {
    const span: Span = { start: this.pos, end };
    this.comments.push({ text: this.text.slice(this.pos, end), span });
    this.pos = end;
  }
}
