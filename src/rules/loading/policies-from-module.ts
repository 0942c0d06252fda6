import { join } from 'node:path';
import type { Policy } from '../policy.js';
import { exportedPolicyCandidates } from './exported-policies.js';
import type { LoadedPolicy, PolicyOrigin } from './loaded-policy.js';
import type { PolicyLoadProblem } from './policy-load-problem.js';
import { policyProblems } from './validate-policy.js';

export interface ModulePolicies {
  policies: LoadedPolicy[];
  problems: PolicyLoadProblem[];
}

/**
 * The valid policies a module exports, each with its origin; invalid ones become problems. Cases of
 * a policy live in `<casesBase>/<id>/cases`, beside the file that defines it.
 */
export function policiesFromModule(namespace: unknown, origin: Omit<PolicyOrigin, 'casesDir'>, casesBase: string, nothingExported: string): ModulePolicies {
  const candidates = exportedPolicyCandidates(namespace);
  if (candidates.length === 0) return { policies: [], problems: [{ source: origin.source, message: nothingExported }] };
  const policies: LoadedPolicy[] = [];
  const problems: PolicyLoadProblem[] = [];
  for (const candidate of candidates) {
    const id = (candidate as { id?: unknown }).id;
    const found = policyProblems(candidate);
    if (found.length > 0) {
      problems.push({ source: origin.source, ...(typeof id === 'string' && id !== '' ? { policyId: id } : {}), message: found.join('; ') });
      continue;
    }
    // A plain object (no definePolicy) is accepted once it has passed the same checks.
    const policy = withSourceInErrors({ ...candidate, kind: 'warden-policy' } as Policy, origin.source);
    policies.push({ policy, origin: { ...origin, casesDir: join(casesBase, policy.id, 'cases') } });
  }
  return { policies, problems };
}

/** A check that throws reports which file the policy came from: the runner's coverage gap then names it. */
function withSourceInErrors(policy: Policy, source: string): Policy {
  const check = policy.check.bind(policy);
  return {
    ...policy,
    check(context) {
      try {
        check(context);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)} (${source})`, { cause: error });
      }
    },
  };
}

/**
 * One line for an error thrown while importing a module, and the position when it is a syntax
 * error: jiti reports those as `ParseError: message\n FILE:LINE:COL`.
 */
export function describeImportError(error: unknown): { message: string; position?: string } {
  const text = error instanceof Error ? error.message : String(error);
  const parse = /^(?:\w*Error: )?([^\n]*?)\s*\n\s*\S+?:(\d+):(\d+)\s*$/.exec(text);
  if (parse && /SyntaxError|ParseError/.test(`${error instanceof Error ? error.name : ''} ${text}`)) {
    // Babel counts columns from 0; editors and compilers from 1.
    return { message: `syntax error: ${parse[1]}`, position: `${parse[2]}:${Number(parse[3]) + 1}` };
  }
  const first = (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();
  return { message: error instanceof SyntaxError ? `syntax error: ${first}` : first };
}
