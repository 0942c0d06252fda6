import { parseIgnoreDirective } from './ignore-directive.js';
import type { InlineIgnore } from '../../model/inline-ignore.js';
import type { Attribute, Block, Body, Comment, ParsedFile } from './syntax/ast.js';

export interface CollectedIgnores {
  ignores: InlineIgnore[];
  /** Malformed directives and directives that are not right above a block or attribute. */
  warnings: string[];
}

interface LineComment {
  comment: Comment;
  startLine: number;
  endLine: number;
}

/**
 * Finds `warden:ignore` comments and what they cover: the block or attribute that starts on the line
 * right after the comment (or after a run of comment lines that includes it). A directive anywhere
 * else is reported, not silently dropped.
 */
export function collectIgnores(files: readonly ParsedFile[]): CollectedIgnores {
  const ignores: InlineIgnore[] = [];
  const warnings: string[] = [];
  for (const parsed of files) {
    const { file } = parsed;
    const directives = parsed.comments.filter((c) => c.text.includes('warden:ignore'));
    if (directives.length === 0) continue;
    // Comments on lines of their own, by the line they end on.
    const byEndLine = new Map<number, LineComment>();
    for (const comment of parsed.comments) {
      const start = file.position(comment.span.start);
      const lineStart = comment.span.start - start.column + 1;
      if (file.text.slice(lineStart, comment.span.start).trim() !== '') continue;
      const end = file.position(Math.max(comment.span.start, comment.span.end - 1));
      byEndLine.set(end.line, { comment, startLine: start.line, endLine: end.line });
    }
    const attached = new Set<Comment>();
    const visit = (item: Attribute | Block): void => {
      const first = file.position(item.span.start).line;
      const last = file.position(Math.max(item.span.start, item.span.end - 1)).line;
      for (let above = byEndLine.get(first - 1); above; above = byEndLine.get(above.startLine - 1)) {
        const directive = parseIgnoreDirective(above.comment.text);
        if (!directive) continue;
        attached.add(above.comment);
        if ('error' in directive) continue;
        ignores.push({ file: file.path, line: above.startLine, startLine: first, endLine: last, ...directive });
      }
      if (item.kind === 'block') visitBody(item.body);
    };
    const visitBody = (body: Body): void => body.items.forEach(visit);
    visitBody(parsed.body);
    for (const comment of directives) {
      const directive = parseIgnoreDirective(comment.text);
      if (!directive) continue;
      const line = file.position(comment.span.start).line;
      if ('error' in directive) warnings.push(`${file.path}:${line}: warden:ignore ${directive.error}; the comment is not honoured`);
      else if (!attached.has(comment)) warnings.push(`${file.path}:${line}: warden:ignore is not right above a block or attribute; the comment is not honoured`);
    }
  }
  return { ignores, warnings };
}
