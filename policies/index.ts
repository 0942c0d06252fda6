import type { Policy } from '../src/api.js';

/** The built-in policy set, in the order `warden policies` lists it. */
export const builtinPolicies: Policy[] = [];
