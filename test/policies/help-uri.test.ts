import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { browsableUrl } from '../../src/rules/loading/builtin-help-uri.js';
import { wardenPackageRoot } from '../../src/rules/loading/warden-package.js';
import { runMain } from '../support/run-main.js';

const root = wardenPackageRoot();
const repository = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } }).repository;

describe('helpUri', () => {
  it('reads npm repository forms as a browsable https URL', () => {
    expect(browsableUrl({ type: 'git', url: 'git+https://github.com/o/r.git' })).toBe('https://github.com/o/r');
    expect(browsableUrl('github:o/r')).toBe('https://github.com/o/r');
    expect(browsableUrl('o/r')).toBe('https://github.com/o/r');
    expect(browsableUrl('git@github.com:o/r.git')).toBeUndefined();
    expect(browsableUrl(undefined)).toBeUndefined();
  });

  it('every built-in policy points at its generated page through package.json repository; a user policy without one gets none', async () => {
    const base = browsableUrl(repository)!;
    expect(base).toMatch(/^https:\/\//);
    const run = await runMain(['scan', 'test/fixtures/policies/mixed-plan.json', '--policy-dir', 'examples/policies/yaml', '-f', 'sarif']);
    const rules = (JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string; help: { markdown: string } }[] } } }[] }).runs[0]!.tool.driver.rules;
    for (const policy of builtinPolicies) {
      const rule = rules.find((r) => r.id === policy.id);
      expect(rule?.helpUri).toBe(`${base}/blob/main/docs/policies/${policy.id}.md`);
      expect(existsSync(join(root, 'docs/policies', `${policy.id}.md`))).toBe(true);
    }
    const user = rules.find((r) => r.id === 'lb-tls-min-version')!;
    expect(user.helpUri).toBeUndefined();
    expect(user.help.markdown).not.toContain('[Documentation]');
  });
});
