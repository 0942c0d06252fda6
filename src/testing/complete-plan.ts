import type { PlanFragment } from './case-table.js';

/** What `terraform show -json` writes that a case need not: the completion fills it in. */
const FORMAT_VERSION = '1.2';
const TERRAFORM_VERSION = '1.9.8';
const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** `module.net.aws_subnet.a["x"]` → its module address, mode, type, name and index. */
const ADDRESS = /^((?:module\.[^.[\]]+(?:\[[^\]]*\])?\.)*)(data\.)?([a-z0-9_]+)\.([^.[\]]+)(?:\[(.+)\])?$/;

/**
 * A case's plan fragment → the plan document Terraform would print: each resource change gets its
 * type, name, index, module address, provider, `create` action and empty masks from its address, and
 * `planned_values` repeats the after-values per module, so the result is a plan a user could scan.
 */
export function completePlan(fragment: PlanFragment): Record<string, unknown> {
  const changes = fragment.resource_changes.map(completeChange);
  return {
    format_version: FORMAT_VERSION,
    terraform_version: TERRAFORM_VERSION,
    ...(fragment.variables ? { variables: fragment.variables } : {}),
    planned_values: { root_module: plannedModule(changes) },
    resource_changes: changes,
    ...(fragment.prior_state ? { prior_state: { format_version: FORMAT_VERSION, terraform_version: TERRAFORM_VERSION, ...fragment.prior_state } } : {}),
    ...(fragment.configuration ? { configuration: fragment.configuration } : {}),
  };
}

function completeChange(rc: Record<string, unknown>): Record<string, unknown> {
  const address = String(rc['address']);
  const parts = ADDRESS.exec(address);
  const derived: Record<string, unknown> = {};
  if (parts) {
    const moduleAddress = parts[1]!.replace(/\.$/, '');
    if (moduleAddress) derived['module_address'] = moduleAddress;
    derived['mode'] = parts[2] ? 'data' : 'managed';
    derived['type'] = parts[3];
    derived['name'] = parts[4];
    if (parts[5] !== undefined) derived['index'] = parts[5].startsWith('"') ? JSON.parse(parts[5]) : Number(parts[5]);
  }
  const change = (rc['change'] ?? {}) as Record<string, unknown>;
  const actions = change['actions'] ?? [derived['mode'] === 'data' ? 'read' : 'create'];
  const creates = Array.isArray(actions) && actions.length === 1 && actions[0] === 'create';
  return {
    address,
    ...derived,
    provider_name: AWS_PROVIDER,
    ...rc,
    change: {
      actions,
      before: creates ? null : (change['after'] ?? null),
      after: change['after'] ?? {},
      after_unknown: change['after_unknown'] ?? {},
      before_sensitive: creates ? false : (change['after_sensitive'] ?? {}),
      after_sensitive: change['after_sensitive'] ?? {},
      ...change,
    },
  };
}

interface PlannedModule {
  address?: string;
  resources: Record<string, unknown>[];
  child_modules?: PlannedModule[];
}

/** planned_values.root_module: each change's after-values in its module, child modules nested. */
function plannedModule(changes: Record<string, unknown>[]): PlannedModule {
  const root: PlannedModule = { resources: [] };
  const modules = new Map<string, PlannedModule>([['', root]]);
  const moduleFor = (address: string): PlannedModule => {
    const found = modules.get(address);
    if (found) return found;
    const parentAddress = address.replace(/\.?module\.[^.[\]]+(?:\[[^\]]*\])?$/, '');
    const created: PlannedModule = { address, resources: [] };
    const parent = moduleFor(parentAddress);
    (parent.child_modules ??= []).push(created);
    modules.set(address, created);
    return created;
  };
  for (const rc of changes) {
    const change = rc['change'] as Record<string, unknown>;
    const actions = change['actions'] as unknown[];
    if (actions.includes('delete') && !actions.includes('create')) continue;
    moduleFor(String(rc['module_address'] ?? '')).resources.push({
      address: rc['address'],
      mode: rc['mode'],
      type: rc['type'],
      name: rc['name'],
      ...(rc['index'] !== undefined ? { index: rc['index'] } : {}),
      provider_name: rc['provider_name'],
      values: change['after'],
      sensitive_values: change['after_sensitive'] ?? {},
    });
  }
  return root;
}
