import { builtinPolicies } from '../../policies/index.js';
import { policyMeta } from '../scan/run-scan.js';

/** `warden policies`: id, severity and title of every available policy (or JSON with --format json). */
export function policiesCommand(flags: { format?: string }): number {
  const metas = builtinPolicies.map((p) => policyMeta(p));
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(metas, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(2, ...metas.map((m) => m.id.length));
  const lines = metas.map((m) => `${m.id.padEnd(idWidth)}  ${m.severity.padEnd(8)}  ${m.title}`);
  process.stdout.write(`${'ID'.padEnd(idWidth)}  ${'SEVERITY'}  TITLE\n${lines.join('\n')}\n`);
  return 0;
}
