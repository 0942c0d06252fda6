import type { Resource } from '../../model/resource.js';
import type { ModuleCallDecl } from '../hcl/config/module-config.js';
import type { EvaluatedRoot } from '../hcl/evaluate-root.js';
import { configPathOf, parseModuleAddress } from '../plan/module-address.js';
import { mapAttributeLocations } from './match-nested-blocks.js';

interface PlanModuleCall {
  source?: unknown;
  module?: { module_calls?: Record<string, PlanModuleCall> };
}

export interface SourceMapping {
  mapped: number;
  total: number;
  /** Module calls whose source differs between the plan and the source tree (not mapped). */
  mismatches: string[];
}

/**
 * Points plan resources at their `.tf` blocks. A resource is matched by its full address (module
 * call chain with instance keys + resource + instance key); when the source evaluation could not
 * expand that instance, by its configuration block (module call chain without keys + type.name).
 * The call chain is checked against the plan's `configuration…module_calls` sources, so that two
 * modules that both define `aws_security_group.this` each map to their own file.
 */
export function mapPlanToSource(planResources: readonly Resource[], root: EvaluatedRoot, configuration: unknown): SourceMapping {
  const byAddress = new Map<string, Resource>();
  const byBlock = new Map<string, Resource>();
  for (const resource of root.resources) {
    byAddress.set(resource.address, resource);
    const block = blockKey(resource);
    if (!byBlock.has(block)) byBlock.set(block, resource);
  }
  const planRoot = (configuration as { root_module?: { module_calls?: Record<string, PlanModuleCall> } } | undefined)?.root_module;
  const verdicts = new Map<string, boolean>();
  const mismatches: string[] = [];
  const chainAgrees = (moduleKey: string): boolean => {
    let known = verdicts.get(moduleKey);
    if (known === undefined) {
      known = callsAgree(moduleKey, planRoot?.module_calls, root, mismatches);
      verdicts.set(moduleKey, known);
    }
    return known;
  };
  let mapped = 0;
  for (const resource of planResources) {
    if (!chainAgrees(configPathOf(parseModuleAddress(resource.modulePath)))) continue;
    const source = byAddress.get(resource.address) ?? byBlock.get(blockKey(resource));
    if (!source?.location) continue;
    resource.location = source.location;
    if (source.attributeLocations) resource.attributeLocations = mapAttributeLocations(source.attributeLocations, source.values, resource.values);
    mapped++;
  }
  return { mapped, total: planResources.length, mismatches };
}

function blockKey(resource: Resource): string {
  return `${configPathOf(parseModuleAddress(resource.modulePath))}|${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`;
}

/**
 * True when every call of the chain (`db`, `net.sub`) exists in the source tree and, where the plan
 * records `configuration`, has the same source there.
 */
function callsAgree(moduleKey: string, planCalls: Record<string, PlanModuleCall> | undefined, root: EvaluatedRoot, mismatches: string[]): boolean {
  if (moduleKey === '') return true;
  const names = moduleKey.split('.');
  let calls = planCalls;
  for (let n = 1; n <= names.length; n++) {
    const name = names[n - 1]!;
    const parentKey = names.slice(0, n - 1).join('.');
    const sourceCall: ModuleCallDecl | undefined = root.modules.get(parentKey)?.moduleCalls.find((c) => c.name === name);
    if (!sourceCall || !root.modules.has(names.slice(0, n).join('.'))) return false;
    const planCall = calls?.[name];
    if (planCall && typeof planCall.source === 'string' && sourceCall.source !== undefined && planCall.source !== sourceCall.source) {
      mismatches.push(`module.${names.slice(0, n).join('.module.')}: the plan calls "${planCall.source}", the sources "${sourceCall.source}"`);
      return false;
    }
    calls = planCall?.module?.module_calls;
  }
  return true;
}
