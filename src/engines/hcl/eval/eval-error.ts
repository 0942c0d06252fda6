import type { Span } from '../syntax/ast.js';
import type { SourceFile } from '../syntax/source-file.js';

/**
 * An expression that Terraform itself would reject (a type error, a missing attribute, a bad
 * function argument). Evaluation turns it into an Unknown carrying this message with its position,
 * so a policy reports `unknown` instead of passing silently.
 */
export class EvalError extends Error {
  constructor(message: string, readonly where?: { file: SourceFile; span: Span }) {
    super(message);
    this.name = 'EvalError';
  }

  /** `file:line:col: message` when the position is known. */
  describe(): string {
    if (!this.where) return this.message;
    const { line, column } = this.where.file.position(this.where.span.start);
    return `${this.where.file.path}:${line}:${column}: ${this.message}`;
  }
}
