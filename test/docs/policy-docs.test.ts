import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { builtinPolicyDocs, POLICY_DOCS_DIR } from '../../src/cli/policy-docs/policy-docs.js';
import { wardenPackageRoot } from '../../src/rules/loading/warden-package.js';

const root = wardenPackageRoot();
const STALE = 'docs/policies is stale: run `npm run docs:policies` and commit the result';

describe('generated policy reference (docs/policies)', () => {
  it('the committed pages are what the policies and their cases generate, and nothing else', async () => {
    const files = await builtinPolicyDocs();
    const committed = readdirSync(join(root, POLICY_DOCS_DIR)).map((name) => `${POLICY_DOCS_DIR}/${name}`).sort();
    expect(committed, STALE).toEqual([...files.keys()].sort());
    for (const [path, content] of files) expect(readFileSync(join(root, path), 'utf8'), `${path}: ${STALE}`).toBe(content);
  });

  it('every built-in policy has a page with its metadata, message ids and a failing example', async () => {
    const files = await builtinPolicyDocs();
    for (const policy of builtinPolicies) {
      const page = files.get(`${POLICY_DOCS_DIR}/${policy.id}.md`)!;
      expect(page).toContain(`# ${policy.id}: ${policy.title}`);
      expect(page).toContain(`- **Severity:** ${policy.severity}`);
      for (const id of Object.keys(policy.messages ?? {})) expect(page).toContain(`| \`${id}\` |`);
      expect(page).toMatch(/## Failing example\n\nCase `[^\n]+\n[\s\S]*- \*\*fail\*\* \(/);
      expect(files.get(`${POLICY_DOCS_DIR}/README.md`)).toContain(`[\`${policy.id}\`](${policy.id}.md)`);
    }
    expect(files.get(`${POLICY_DOCS_DIR}/sg-open-ingress.md`)).toContain('| `allowPorts` | integer[] | `[80,443]` |');
  });
});
