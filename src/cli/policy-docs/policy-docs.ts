import { builtinCasesDir, wardenPackageRoot } from '../../rules/loading/warden-package.js';
import { withBuiltinHelpUri } from '../../rules/loading/builtin-help-uri.js';
import type { LoadedPolicy } from '../../rules/loading/loaded-policy.js';
import { listPolicyCases } from '../../testing/policy-cases.js';
import { policyExample } from '../../testing/policy-example.js';
import { caseTableFile, policyCaseTable } from '../../testing/policy-tests.js';
import { tableCaseKind } from '../../testing/run-table-case.js';
import { GENERATED_NOTE, policyPage } from './policy-page.js';

/** Where the generated pages live, relative to the package root. */
export const POLICY_DOCS_DIR = 'docs/policies';

/** Every generated file (path relative to the package root → content): one page per built-in policy and the index. */
export async function builtinPolicyDocs(): Promise<Map<string, string>> {
  const { builtinPolicies } = await import('../../../policies/index.js');
  const root = wardenPackageRoot();
  const files = new Map<string, string>();
  const loaded: LoadedPolicy[] = builtinPolicies.map((policy) => ({
    policy: withBuiltinHelpUri(policy),
    origin: { kind: 'builtin', source: `built-in ${policy.id}`, casesDir: builtinCasesDir(policy.id) },
  }));
  for (const policy of loaded) {
    const table = await policyCaseTable(policy);
    const passing = [
      ...(table?.cases ?? []).filter((c) => tableCaseKind(c) === 'pass').map((c) => ({ name: c.name, file: caseTableFile(policy) })),
      ...listPolicyCases(policy.origin.casesDir).filter((c) => c.kind === 'pass'),
    ];
    files.set(`${POLICY_DOCS_DIR}/${policy.policy.id}.md`, policyPage({ loaded: policy, failing: await policyExample(policy), passing, root }));
  }
  files.set(`${POLICY_DOCS_DIR}/README.md`, indexPage(loaded));
  return files;
}

function indexPage(loaded: LoadedPolicy[]): string {
  const out = [GENERATED_NOTE, '', '# Built-in policies', '', '| Policy | Title | Severity | Frameworks |', '| --- | --- | --- | --- |'];
  for (const { policy } of loaded) {
    const frameworks = Object.entries(policy.frameworks ?? {}).map(([name, controls]) => `${name} ${controls.join(', ')}`).join('; ');
    out.push(`| [\`${policy.id}\`](${policy.id}.md) | ${policy.title.replaceAll('|', '\\|')} | ${policy.severity} | ${frameworks.replaceAll('|', '\\|') || '—'} |`);
  }
  return `${out.join('\n')}\n`;
}
