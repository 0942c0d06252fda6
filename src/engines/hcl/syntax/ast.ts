import type { SourceFile } from './source-file.js';

/**
 * The syntax of one HCL file, built once from the tree-sitter tree so that evaluation (which may
 * visit an expression once per count/for_each instance) runs on plain objects. Offsets are character
 * offsets into `file.text`; line numbers are computed only where a location is reported.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Body {
  /** Attributes and blocks in source order. */
  items: (Attribute | Block)[];
}

export interface Attribute {
  kind: 'attribute';
  name: string;
  value: Expr;
  span: Span;
  file: SourceFile;
}

export interface Block {
  kind: 'block';
  type: string;
  labels: string[];
  body: Body;
  span: Span;
  file: SourceFile;
}

/** A traversal step after the root: `.name` or `[key]` (legacy `.0` becomes an index). */
export type Step = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr };

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'interpolation'; expr: Expr }
  | { kind: 'if'; condition: Expr; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] };

export interface ObjectItem {
  /** A bare identifier key (`Name = …`) is taken literally; any other key is evaluated. */
  name?: string;
  key: Expr;
  value: Expr;
}

export type Expr = (
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'template'; parts: TemplatePart[] }
  | { kind: 'tuple'; items: Expr[] }
  | { kind: 'object'; items: ObjectItem[] }
  | { kind: 'variable'; name: string }
  | { kind: 'traversal'; target: Expr; steps: Step[] }
  | { kind: 'splat'; target: Expr; steps: Step[] }
  | { kind: 'call'; name: string; args: Expr[]; expandLast: boolean }
  | {
      kind: 'for';
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      /** Present for the object form `{for k, v in x : key => value}`. */
      key?: Expr;
      value: Expr;
      condition?: Expr;
      /** `...` after the value: group values with the same key into lists. */
      grouping: boolean;
    }
  | { kind: 'conditional'; condition: Expr; then: Expr; else: Expr }
  | { kind: 'unary'; op: '-' | '!'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
) & { span: Span };

export type BinaryOp = '*' | '/' | '%' | '+' | '-' | '>' | '>=' | '<' | '<=' | '==' | '!=' | '&&' | '||';

/** A comment and where it is, for inline ignore directives. */
export interface Comment {
  text: string;
  span: Span;
}

/** A parsed file: its body (or, for a JSON-like `.tfvars`, a single object expression) and its comments. */
export interface ParsedFile {
  file: SourceFile;
  body: Body;
  /** The top-level object of a file written as `{ … }` (tfvars in object form). */
  object?: Expr;
  comments: Comment[];
}
