import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { packageInfo } from '../../src/package-info.js';
import { wardenPackageRoot } from '../../src/rules/loading/warden-package.js';
import { runMain } from '../support/run-main.js';

const root = wardenPackageRoot();

describe('helpUri', () => {
  it('every built-in policy points at its generated page through package.json repository; a user policy without one gets none', async () => {
    const base = packageInfo().repositoryUrl;
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
