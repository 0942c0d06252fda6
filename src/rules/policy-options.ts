import { createRequire } from 'node:module';
import type { Ajv as AjvInstance } from 'ajv';
import { describeErrors } from '../document-errors/schema-errors.js';
import { re2Problem } from '../model/re2-pattern.js';
import type { Policy } from './policy.js';

let validator: AjvInstance | undefined;
/**
 * The schema validator, created when a policy is first given options: a run on the defaults alone does not
 * load ajv (≈ 90 ms of start-up, DESIGN §7).
 */
function optionsValidator(): AjvInstance {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as { default: (ajv: AjvInstance) => AjvInstance };
  validator = new Ajv({ allErrors: true, useDefaults: false, strict: false });
  // Standard formats (`regex`, `uri`, `date`…) so that option schemas can validate e.g. a tag pattern before the scan.
  addFormats.default(validator);
  // A pattern option is run by RE2 (model/re2-pattern.ts), so `regex` means a pattern RE2 accepts.
  validator.addFormat('regex', { type: 'string', validate: (source: string) => re2Problem(source) === undefined });
  return validator;
}

export class PolicyOptionsError extends Error {}

/** A policy's defaults overlaid with the user's options, validated against the policy's schema. */
export function resolvePolicyOptions(policy: Policy, userOptions: unknown, where: string): unknown {
  const defaults = policy.options?.defaults ?? {};
  if (userOptions === undefined || userOptions === null) return defaults;
  if (typeof userOptions !== 'object' || Array.isArray(userOptions)) {
    throw new PolicyOptionsError(`${where}: options of ${policy.id} must be a mapping`);
  }
  const merged = { ...defaults, ...(userOptions as Record<string, unknown>) };
  if (!policy.options) {
    const keys = Object.keys(userOptions);
    if (keys.length > 0) throw new PolicyOptionsError(`${where}: ${policy.id} takes no options (got ${keys.join(', ')})`);
    return merged;
  }
  const validate = optionsValidator().compile(policy.options.schema);
  if (!validate(merged)) {
    throw new PolicyOptionsError(`${where}: options of ${policy.id}: ${describeErrors(validate.errors ?? [])}`);
  }
  return merged;
}
