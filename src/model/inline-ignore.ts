/** An inline `warden:ignore` comment and the lines it covers (the block or attribute below it). */
export interface InlineIgnore {
  file: string;
  /** The line of the comment. */
  line: number;
  startLine: number;
  endLine: number;
  rules: string[];
  until?: string;
  reason?: string;
}
