import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding } from '../../rules/finding.js';
import type { ReportContext } from '../report-context.js';
import { textMemo } from '../text-memo.js';

/** Where an annotation points: a repository file and, when known, its lines and columns. */
export interface AnnotationPosition {
  file: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

/**
 * GitHub places an annotation by a path relative to the repository root: relative to
 * $GITHUB_WORKSPACE when the file is inside it, else to the working directory. A finding without a
 * source position points at its plan file (no line); live and directory-level findings at nothing.
 */
export function annotationPosition(finding: Finding, context: ReportContext, paths = repositoryPaths(context)): AnnotationPosition | undefined {
  const { location, resource } = finding;
  if (location?.kind === 'source') {
    const position: AnnotationPosition = { file: paths(location.file) };
    if (location.startLine === undefined) return position;
    position.line = location.startLine;
    const endLine = location.endLine !== undefined && location.endLine >= location.startLine ? location.endLine : location.startLine;
    if (endLine !== location.startLine) position.endLine = endLine;
    // GitHub reads columns only for an annotation on a single line.
    else if (location.startColumn !== undefined) {
      position.col = location.startColumn;
      if (location.endColumn !== undefined && location.endColumn >= location.startColumn) position.endColumn = location.endColumn;
    }
    return position;
  }
  if (!location && resource.source === 'plan') return { file: paths(resource.input) };
  return undefined;
}

/** repositoryPath for one report, each file resolved once (a large scan has 100k+ findings in a few files). */
export function repositoryPaths(context: ReportContext): (file: string) => string {
  return textMemo((file) => repositoryPath(file, context));
}

/** `infra/main.tf` relative to the workspace (or working directory) that contains it; otherwise absolute. */
export function repositoryPath(file: string, context: ReportContext): string {
  const absolute = resolve(context.cwd, file);
  const bases = context.workspace ? [resolve(context.cwd, context.workspace), context.cwd] : [context.cwd];
  for (const base of bases) {
    const rel = relative(base, absolute);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split('\\').join('/');
  }
  return absolute;
}
