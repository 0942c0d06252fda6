const CODE_FILE = /\.(?:ts|mts|js|mjs)$/;
const NOT_A_POLICY_FILE = /\.(?:d\.ts|d\.mts|test\.[mc]?[jt]s|spec\.[mc]?[jt]s)$/;
const DECLARATIVE_FILE = /\.policy\.(?:ya?ml|json)$/;

/**
 * What a file directly inside a policy folder is, by its name: a declarative policy (data), a code
 * policy (a module that is imported, so its code runs), or neither (types, tests, other files).
 */
export function policyFileKind(name: string): 'declarative' | 'code' | undefined {
  if (DECLARATIVE_FILE.test(name)) return 'declarative';
  if (CODE_FILE.test(name) && !NOT_A_POLICY_FILE.test(name)) return 'code';
  return undefined;
}
