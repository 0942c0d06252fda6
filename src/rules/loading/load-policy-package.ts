import { dirname } from 'node:path';
import { importPolicyPackage } from './import-policy-module.js';
import type { LoadedPolicyDir } from './load-policy-dir.js';
import { describeImportError, policiesFromModule } from './policies-from-module.js';

/**
 * Loads a policy pack (`--policy-package NAME`): an npm package, resolved from `fromDir`, or a path
 * to a package folder, that exports an array of policies. Its cases live beside its entry module,
 * in `<entry dir>/<id>/cases`.
 */
export async function loadPolicyPackage(specifier: string, fromDir: string): Promise<LoadedPolicyDir> {
  const source = `package ${specifier}`;
  let imported;
  try {
    imported = await importPolicyPackage(specifier, fromDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const notFound = (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') && String((error as Error).message).includes(`'${specifier}'`);
    const message = notFound
      ? `cannot be found from ${fromDir} (install it with npm install, or give a path to the package folder)`
      : describeImportError(error).message;
    return { policies: [], problems: [{ source, message }] };
  }
  return policiesFromModule(imported.namespace, { kind: 'package', source }, dirname(imported.entry), 'exports no policy (a policy pack exports an array of policies)');
}
