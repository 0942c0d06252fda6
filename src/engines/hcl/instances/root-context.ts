import type { Value } from '../../../model/value.js';
import type { ModuleConfig } from '../config/module-config.js';
import type { SourceTree } from '../config/source-tree.js';

/** What every module instance of one root module shares. */
export interface RootContext {
  tree: SourceTree;
  rootDir: string;
  /** Module configurations by module key (`''` for the root, `net`, `net.sub`), read before evaluation. */
  modules: Map<string, ModuleConfig>;
  /** Values of the root module's input variables (tfvars, `--var-file`, `--var`). */
  rootVariables: Map<string, Value>;
}
