import type { SourceLocation } from '../../../model/location.js';

/** A source text with its display path and a line index, for turning offsets into line/column positions. */
export class SourceFile {
  readonly #lineStarts: number[];

  constructor(
    /** The path shown to users (relative to the working directory where possible). */
    readonly path: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.#lineStarts = starts;
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  /** The location of a span of the text (end offset exclusive). */
  location(start: number, end: number): SourceLocation {
    const from = this.position(start);
    const to = this.position(Math.max(start, end - 1));
    return { kind: 'source', file: this.path, startLine: from.line, endLine: to.line, startColumn: from.column, endColumn: to.column + 1 };
  }
}
