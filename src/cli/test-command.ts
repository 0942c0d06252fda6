import { Chalk } from 'chalk';
import { loadConfig } from '../config/load-config.js';
import { inertCommands } from '../report/inert-commands.js';
import { EXIT } from '../scan/exit-code.js';
import { describeLoadProblem } from '../rules/loading/policy-load-problem.js';
import { formatCaseResult } from '../testing/policy-cases.js';
import { runPolicyTests, type PolicyTestOutcome } from '../testing/policy-tests.js';
import type { PolicySourceFlags } from './policy-flags.js';
import { loadPolicies } from './policy-sources.js';
import { shouldColor } from './terminal.js';
import { UsageError } from './usage-error.js';

export interface TestFlags extends PolicySourceFlags {
  config?: string;
  only?: string[];
}

/**
 * `warden test [DIR…]`: runs every policy against its cases like a test runner and ends with
 * `N passed, N failed`; exit 1 when anything failed (a case, a policy without cases, a policy that
 * does not load, no policy at all). Without DIR: the built-in policies and those configured or given by flags; with
 * DIR: only the policies in those folders (and --policy-dir/--policy-package).
 */
export async function testCommand(dirs: string[], flags: TestFlags): Promise<number> {
  const cwd = process.cwd();
  const { config, path: configPath } = dirs.length > 0 ? { config: {}, path: undefined } : await loadConfig(flags.config, cwd);
  const load = await loadPolicies({ flags, config, ...(configPath ? { configPath } : {}), cwd, builtins: dirs.length === 0, extraDirs: dirs });
  let policies = load.policies;
  if (flags.only?.length) {
    const unknown = flags.only.filter((id) => !policies.some((l) => l.policy.id === id) && !load.problems.some((p) => p.policyId === id));
    if (unknown.length > 0) throw new UsageError(`--only: unknown policy id ${unknown.map((id) => `"${id}"`).join(', ')}`);
    policies = policies.filter((l) => flags.only!.includes(l.policy.id));
  }

  const chalk = new Chalk({ level: shouldColor(process.stdout) ? 1 : 0 });
  const out: string[] = [];
  const failures: string[] = [];
  let passed = 0;
  for (const problem of load.problems) {
    if (flags.only?.length && !(problem.policyId && flags.only.includes(problem.policyId))) continue;
    const line = describeLoadProblem(problem);
    out.push(`${chalk.red('✗')} ${line}`, '');
    failures.push(`not loaded: ${line}`);
  }
  if (policies.length === 0 && load.problems.length === 0) {
    // Nothing tested is not a pass: a wrong path or an empty folder would otherwise turn CI green.
    const line = `no policies found${dirs.length > 0 ? ` in ${dirs.join(', ')}` : ''} (policy files: .ts, .mts, .js, .mjs, *.policy.yaml|yml|json)`;
    out.push(`${chalk.red('✗')} ${line}`, '');
    failures.push(line);
  }
  for (const loaded of policies) {
    const outcome = await runPolicyTests(loaded);
    out.push(chalk.bold(`${outcome.policyId}`) + chalk.dim(`  ${loaded.origin.kind === 'builtin' ? 'built-in' : outcome.source}`));
    for (const line of renderOutcome(outcome, chalk)) out.push(line);
    if (outcome.problem) failures.push(`${outcome.policyId}: ${outcome.problem}`);
    for (const result of outcome.results) {
      if (result.ok) passed++;
      else failures.push(`${outcome.policyId} ${result.name} (${result.file})`);
    }
    out.push('');
  }
  if (failures.length > 0) {
    out.push(chalk.red('Failed:'));
    for (const failure of failures) out.push(`  ${failure}`);
    out.push('');
  }
  const summary = `${passed} passed, ${failures.length} failed`;
  out.push(failures.length > 0 ? chalk.red(summary) : chalk.green(summary));
  // Case names and messages come from the repository; the colours are ours, so only commands are neutralised.
  process.stdout.write(`${inertCommands(out.join('\n'))}\n`);
  return failures.length > 0 ? EXIT.failing : EXIT.ok;
}

function renderOutcome(outcome: PolicyTestOutcome, chalk: InstanceType<typeof Chalk>): string[] {
  const lines: string[] = [];
  if (outcome.problem) lines.push(`  ${chalk.red('✗')} ${outcome.problem}`);
  for (const result of outcome.results) {
    if (result.ok) {
      lines.push(`  ${chalk.green('✓')} ${result.name}`);
      continue;
    }
    lines.push(`  ${chalk.red('✗')} ${result.name}  ${chalk.dim(result.file)}`);
    // The harness's account: what differed, then what the policy did report.
    for (const detail of formatCaseResult(result).split('\n').slice(1)) lines.push(`    ${detail}`);
  }
  return lines;
}
