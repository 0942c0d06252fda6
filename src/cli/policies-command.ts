import { loadConfig } from '../config/load-config.js';
import { EXIT } from '../rules/exit-code.js';
import { matchingFrameworks } from '../rules/frameworks.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { listPolicies, reportLoadProblems, type ListedPolicy } from './policy-sources.js';
import { UsageError } from './usage-error.js';

export interface PoliciesFlags extends PolicySourceFlags, FrameworkFlags {
  format?: string;
  config?: string;
}

/**
 * `warden policies`: id, severity and title of every available policy (built-in and loaded), or
 * JSON with --format json. With --framework, only the policies mapped to it, with their controls.
 */
export async function policiesCommand(flags: PoliciesFlags): Promise<number> {
  const cwd = process.cwd();
  const { config, path: configPath } = await loadConfig(flags.config, cwd);
  const load = await listPolicies({ flags, config, ...(configPath ? { configPath } : {}), cwd });
  reportLoadProblems(load.problems);
  const frameworks = flags.framework ?? [];
  const rows = load.policies
    .map((policy) => ({ policy, controls: controlsOf(policy, frameworks) }))
    .filter((row) => frameworks.length === 0 || row.controls.length > 0);
  if (frameworks.length > 0 && rows.length === 0) {
    throw new UsageError(`--framework: no policy is mapped to ${frameworks.map((f) => `"${f}"`).join(', ')} (known: cis, fsbp, pci, soc2, hipaa)`);
  }
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows.map((row) => row.policy), null, 2)}\n`);
  } else if (flags.format === undefined || flags.format === 'console') {
    process.stdout.write(table(rows, frameworks.length > 0));
  } else {
    throw new UsageError(`--format: "${flags.format}" is not one of console, json`);
  }
  return load.problems.length > 0 ? EXIT.incomplete : EXIT.ok;
}

/** `CIS AWS Foundations Benchmark v3.0.0 5.2, 5.3` for each matching framework. */
function controlsOf(policy: ListedPolicy, frameworks: readonly string[]): string[] {
  const keys = [...new Set(frameworks.flatMap((name) => matchingFrameworks(policy.frameworks, name)))];
  return keys.map((key) => `${key} ${(policy.frameworks[key] ?? []).join(', ')}`);
}

function table(rows: { policy: ListedPolicy; controls: string[] }[], withControls: boolean): string {
  const idWidth = Math.max(2, ...rows.map((r) => r.policy.id.length));
  const titleWidth = Math.max(5, ...rows.map((r) => r.policy.title.length));
  const head = `${'ID'.padEnd(idWidth)}  SEVERITY  ${withControls ? `${'TITLE'.padEnd(titleWidth)}  CONTROLS` : 'TITLE'}`;
  const lines = rows.map(({ policy, controls }) => {
    const { id, severity, title } = policy;
    const base = `${id.padEnd(idWidth)}  ${severity.padEnd(8)}  `;
    if (!withControls) return `${base}${title}`;
    return [`${base}${title.padEnd(titleWidth)}  ${controls[0]}`, ...controls.slice(1).map((c) => `${' '.repeat(base.length + titleWidth + 2)}${c}`)].join('\n');
  });
  return `${[head, ...lines].join('\n')}\n`;
}
