import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentProblems, installAndRun, installScripts, pack, scratch, type InstallCheck, type PackResult } from '../../scripts/pack/pack-and-install.js';
import { ensureBuilt } from '../hostile/built-cli.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
// Packing needs npm itself; without it there is nothing to check (the only reason to skip).
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const canPack = npm.status === 0;

describe.skipIf(!canPack)('npm pack → install into an empty project from the npm cache → run', () => {
  const work = scratch();
  let packed: PackResult;
  let check: InstallCheck;

  beforeAll(() => {
    ensureBuilt();
    packed = pack(REPO, work.dir, false);
    check = installAndRun(packed.tarball, work.dir);
  }, 300_000);
  afterAll(() => work.remove());

  it('ships the built CLI, schemas, catalogue, grammar and example, and no tests or other fixtures', () => {
    expect(contentProblems(packed.files)).toEqual([]);
    expect(packed.files.some((file) => file.path.startsWith('policies/') && file.path.endsWith('.ts'))).toBe(false);
  });

  it('installs without running any install script or native build', () => {
    expect(check.installScripts).toEqual([]);
  });

  it('`npx @warden-scanner/warden --version` prints the version', () => {
    expect(check.version.status).toBe(0);
    expect(check.version.stdout).toMatch(new RegExp(`^${version.replaceAll('.', '\\.')}( \\(commit [0-9a-f]{12}(\\+dirty)?\\))?\\n$`));
  });

  it('scans the bundled example plan: failing findings, complete coverage', () => {
    expect(check.scanPlan.status, check.scanPlan.stderr).toBe(1);
    const report = JSON.parse(check.scanPlan.stdout) as { tool: { version: string }; coverage: { complete: boolean }; findings: unknown[] };
    expect(report.tool.version).toBe(version);
    expect(report.coverage.complete).toBe(true);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('scans .tf source with the shipped grammar: the syntax error is judged, the good file still scanned', () => {
    expect(check.scanSource.status, check.scanSource.stderr).toBe(1);
    const report = JSON.parse(check.scanSource.stdout) as { coverage: { gaps: { message: string }[] }; findings: { ruleId: string }[] };
    expect(report.findings.map((finding) => finding.ruleId)).toContain('sg-open-ingress');
    expect(report.coverage.gaps.map((gap) => gap.message).join('\n')).toMatch(/syntax error/);
    expect(check.scanSource.stderr).toMatch(/broken\.tf:\d+:\d+: syntax error/);
  });
});

describe('the install-script check', () => {
  it('finds a package with an install hook or a binding.gyp (the grammar package, installed here for development)', () => {
    expect(installScripts(`${REPO}node_modules`)).toContain('@tree-sitter-grammars/tree-sitter-hcl (install, binding.gyp)');
  });
});
