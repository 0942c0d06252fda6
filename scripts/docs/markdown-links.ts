/**
 * Checks the links of the project's Markdown (README.md, CHANGELOG.md, docs/): a relative link must
 * name a file or folder that exists and, into a Markdown file, a heading (GitHub's anchor) that it
 * has; an absolute link may only point into the project's own repository (package.json
 * `repository`), and a blob/tree link there must name a path that exists in this checkout. Used by
 * test/docs/markdown-links.test.ts and `npm run release:check`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import { repositoryUrl } from '../../src/package-info.js';

export interface LinkProblem {
  /** `docs/jenkins.md:12`. */
  where: string;
  link: string;
  problem: string;
}

/** The Markdown files whose links are checked, relative to `repo`. */
export function documents(repo: string): string[] {
  const docs = join(repo, 'docs');
  const nested = existsSync(docs)
    ? readdirSync(docs, { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('.md'))
        .map((path) => join('docs', path))
    : [];
  return [...['README.md', 'CHANGELOG.md'].filter((file) => existsSync(join(repo, file))), ...nested.sort()];
}

const markdown = new MarkdownIt({ html: true });

/** Every link target with its line, and every anchor a link can land on, of one Markdown text. */
export function parseMarkdown(text: string): { links: { href: string; line: number }[]; anchors: Set<string> } {
  const slugger = new GithubSlugger();
  const links: { href: string; line: number }[] = [];
  const anchors = new Set<string>();
  const tokens = markdown.parse(text, {});
  tokens.forEach((token, index) => {
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'heading_open') {
      const inline = tokens[index + 1];
      const title = (inline?.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('');
      anchors.add(slugger.slug(title));
    }
    if (token.type === 'html_block' || token.type === 'html_inline') {
      for (const match of token.content.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
    }
    let childLine = line;
    for (const child of token.children ?? []) {
      // A paragraph is one token: its lines are counted by its line breaks.
      if (child.type === 'softbreak' || child.type === 'hardbreak') childLine++;
      if (child.type === 'html_inline') for (const match of child.content.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
      const href = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null;
      if (href !== null) links.push({ href, line: childLine });
    }
  });
  return { links, anchors };
}

/** The problems of every link in `files` (paths relative to `repo`). */
export function checkLinks(repo: string, files: readonly string[] = documents(repo)): LinkProblem[] {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
  const home = repositoryUrl(manifest.repository);
  const parsed = new Map<string, ReturnType<typeof parseMarkdown>>();
  const parse = (path: string): ReturnType<typeof parseMarkdown> => {
    let result = parsed.get(path);
    if (!result) parsed.set(path, (result = parseMarkdown(readFileSync(path, 'utf8'))));
    return result;
  };
  const policyPages = existsSync(join(repo, 'docs', 'policies'));
  const problems: LinkProblem[] = [];
  for (const file of files) {
    const path = join(repo, file);
    for (const { href, line } of parse(path).links) {
      const report = (problem: string): void => void problems.push({ where: `${file}:${line}`, link: href, problem });
      let target: string;
      let anchor: string | undefined;
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
        if (!home || !(href === home || href.startsWith(`${home}/`) || href.startsWith(`${home}#`))) {
          report(`absolute link outside the project's repository (${home || 'package.json has no repository'})`);
          continue;
        }
        // Into the repository: a file or folder of this checkout, on its default branch.
        const inRepo = /^\/(?:blob|tree)\/[^/]+\/([^#?]*)(?:#(.*))?$/.exec(href.slice(home.length));
        if (!inRepo) continue;
        target = resolve(repo, decodeURIComponent(inRepo[1]!));
        anchor = inRepo[2];
      } else {
        const [pathPart = '', fragment] = href.split('#', 2);
        target = pathPart === '' ? path : resolve(dirname(path), decodeURIComponent(pathPart));
        anchor = fragment;
      }
      const shown = relative(repo, target) || '.';
      if (!target.startsWith(resolve(repo))) {
        report('leaves the repository');
        continue;
      }
      // The policy reference pages are generated (another change); until the folder exists their links wait.
      if (!policyPages && relative(repo, target).startsWith(join('docs', 'policies'))) continue;
      if (!existsSync(target)) {
        report(`no such file: ${shown}`);
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      if (!target.endsWith('.md') || !statSync(target).isFile()) {
        // GitHub's line anchors (#L12) into source files.
        if (!/^L\d+(-L\d+)?$/.test(anchor)) report(`anchor #${anchor} into a file that is not Markdown`);
        continue;
      }
      if (!parse(target).anchors.has(decodeURIComponent(anchor))) report(`no heading for #${anchor} in ${shown}`);
    }
  }
  return problems;
}

/** One line per problem. */
export function formatProblems(problems: readonly LinkProblem[]): string {
  return problems.map((p) => `${p.where}: ${p.link}: ${p.problem}\n`).join('');
}
