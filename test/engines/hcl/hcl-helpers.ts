import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceTree } from '../../../src/engines/hcl/config/source-tree.js';
import { evaluateRoot, type EvaluatedRoot } from '../../../src/engines/hcl/evaluate-root.js';
import { ScanRoot } from '../../../src/engines/scan-root.js';
import type { VariableOptions } from '../../../src/engines/hcl/variables/root-variables.js';
import type { Resource } from '../../../src/model/resource.js';
import type { Value } from '../../../src/model/value.js';

/** The repository root: fixtures are scanned with it as the working directory, as users run warden. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export function fixture(path: string): string {
  return join(REPO, 'fixtures', path);
}

/** A throw-away source tree: `files` maps relative paths to contents. */
export function sourceDir(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-hcl-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function evaluateDir(dir: string, options: VariableOptions = {}): Promise<EvaluatedRoot & { tree: SourceTree }> {
  const tree = new SourceTree(dir, await ScanRoot.of(dir));
  return { ...(await evaluateRoot(tree, dir, options)), tree };
}

/** The value of `output "x" { value = EXPR }` for each expression, in a module with `extra` declarations. */
export async function evaluateOutputs(expressions: Record<string, string>, extra = '', options: VariableOptions = {}): Promise<Record<string, Value>> {
  const outputs = Object.entries(expressions).map(([name, expr]) => `output "${name}" {\n  value = ${expr}\n}\n`).join('\n');
  const { dir, cleanup } = sourceDir({ 'main.tf': `${extra}\n${outputs}` });
  try {
    const root = await evaluateDir(dir, options);
    const problems = root.tree.problems.map((p) => p.message);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return Object.fromEntries(Object.keys(expressions).map((name) => [name, root.instance.output(name).value]));
  } finally {
    cleanup();
  }
}

export function byAddress(resources: readonly Resource[], address: string): Resource {
  const found = resources.find((r) => r.address === address);
  if (!found) throw new Error(`no ${address} among ${resources.map((r) => r.address).join(', ')}`);
  return found;
}

/** `file:line` of a resource or of one of its attributes. */
export function lineOf(resource: Resource, path?: string): string {
  const location = path ? resource.attributeLocations?.[path] : resource.location;
  return location?.kind === 'source' ? `${location.file}:${location.startLine}` : 'none';
}
