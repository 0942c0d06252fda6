/**
 * What the documents tell people to install or run: only the scoped package, and when a version is
 * pinned, the current one (package.json `version`). An unscoped `npx warden` or `npm install warden`
 * would fetch whatever someone publishes under that unclaimed name. Used by
 * test/docs/install-instructions.test.ts and `npm run release:check`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_NAME } from '../../src/package-info.js';

/** Files where install instructions can appear, relative to `repo`. */
export function instructionFiles(repo: string): string[] {
  const under = (dir: string, ext: RegExp): string[] =>
    existsSync(join(repo, dir))
      ? readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
          .filter((path) => ext.test(path))
          .map((path) => join(dir, path))
          .sort()
      : [];
  return [
    ...['README.md', 'CHANGELOG.md', 'action.yml'].filter((file) => existsSync(join(repo, file))),
    ...under('docs', /\.md$/),
    ...under('examples', /\.(md|ts|mts|js|mjs|ya?ml|json)$/),
  ];
}

// npx/npm exec/npm install … followed (after options) by a bare `warden`, or `warden@…`.
const UNSCOPED = /\b(?:npx|npm\s+(?:exec|x|install|i|add)|pnpm\s+(?:add|dlx)|yarn\s+(?:add|dlx))(?:\s+-[-\w=]+)*\s+warden(?:@\S*)?(?=\s|$|['"`])/g;
const PINNED = new RegExp(`${PACKAGE_NAME.replace('/', '\\/')}@(\\d+\\.\\d+\\.\\d+[\\w.-]*)`, 'g');

export interface InstructionProblem {
  where: string;
  problem: string;
}

/** Unscoped installs anywhere; pinned versions other than `version`. */
export function installProblems(repo: string, version: string, files: readonly string[] = instructionFiles(repo)): InstructionProblem[] {
  const problems: InstructionProblem[] = [];
  for (const file of files) {
    readFileSync(join(repo, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const where = `${file}:${index + 1}`;
        for (const match of text.matchAll(UNSCOPED)) problems.push({ where, problem: `unscoped "${match[0]}": name ${PACKAGE_NAME}` });
        for (const match of text.matchAll(PINNED)) {
          if (match[1] !== version) problems.push({ where, problem: `pins ${match[0]}, not the current version ${version}` });
        }
      });
  }
  return problems;
}
