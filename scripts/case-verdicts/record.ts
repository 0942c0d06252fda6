/**
 * Writes every built-in policy case's verdicts, one line per finding (policy, case, form, address,
 * verdict, severity; a case without fail/unknown finding gets one `-` line), so a conversion of
 * case files can be compared before and after: `npx jiti scripts/case-verdicts/record.ts > FILE`.
 */
import { builtinPolicies } from '../../policies/index.js';
import { builtinCasesDir } from '../../src/rules/loading/warden-package.js';
import { runPolicyTests } from '../../src/testing/policy-tests.js';

const lines: string[] = [];
for (const policy of builtinPolicies) {
  const outcome = await runPolicyTests({ policy, origin: { kind: 'builtin', source: `built-in ${policy.id}`, casesDir: builtinCasesDir(policy.id) } });
  for (const result of outcome.results) {
    // `fail/ssh-world` (folder) and `ssh-world [plan]` (table) name the same case.
    const match = /^(?:(?:pass|fail|unknown)\/)?(.*?)(?: \[(\w+)\])?$/.exec(result.name)!;
    const [name, form] = [match[1]!, match[2] ?? 'file'];
    if (form === 'same') continue; // compares the forms; its own findings are none
    const findings = result.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown');
    if (findings.length === 0) lines.push([policy.id, name, form, '-', '-', '-', result.ok ? 'ok' : 'FAILED'].join('\t'));
    for (const f of findings) lines.push([policy.id, name, form, f.resource.address, f.verdict, f.severity, result.ok ? 'ok' : 'FAILED'].join('\t'));
  }
}
process.stdout.write(`${lines.sort().join('\n')}\n`);
