import type { Resource } from '../../../model/resource.js';
import { unwrapSensitive, wrapMarked } from '../../../model/sensitive-marks.js';
import type { ValueObject } from '../../../model/value.js';
import { locationOf } from '../instances/evaluate-body.js';
import type { ModuleInstance } from '../instances/module-instance.js';
import type { ResourceInstance } from '../instances/resource-instance.js';
import { effectiveTags } from './effective-tags.js';

/** Every resource and data source instance of a module instance and its descendants, in source order. */
export function moduleResources(module: ModuleInstance, input: string, out: Resource[] = []): Resource[] {
  for (const decl of module.config.resources) {
    for (const instance of module.resourceInstances(decl)) out.push(toResource(instance, input));
  }
  for (const call of module.config.moduleCalls) {
    for (const child of module.children(call)) moduleResources(child, input, out);
  }
  return out;
}

function toResource(instance: ResourceInstance, input: string): Resource {
  const { decl } = instance;
  const body = instance.body();
  const configured = Object.keys(body.values);
  const { tags, tagsAll } = effectiveTags(instance, body.values);
  // The provider computes tags_all from the block's tags and the default tags; add it as a plan shows it.
  if (tagsAll !== undefined) body.values['tags_all'] = tagsAll;
  // Policies compare real values; where the evaluation carried a sensitive mark becomes the resource's marks.
  const { value, marks } = unwrapSensitive(body.values);
  const values = value as ValueObject;
  // The shape of a `planned_values` resource, so that JSONPath policies read source and plans alike.
  const raw: Record<string, unknown> = { address: instance.address, mode: decl.mode, type: decl.type, name: decl.name };
  if (instance.index !== undefined) raw['index'] = instance.index;
  if (instance.module.address) raw['module_address'] = instance.module.address;
  // JSONPath policies read the raw object: there the sensitive parts stay wrapped, as in a plan.
  raw['values'] = marks === false ? values : wrapMarked(values, marks);
  const resource: Resource = {
    type: decl.type,
    address: instance.address,
    name: decl.name,
    mode: decl.mode,
    modulePath: instance.module.address,
    values,
    tags,
    source: 'hcl',
    input,
    location: locationOf(decl.block),
    attributeLocations: body.locations,
    references: body.references,
    configuredAttributes: configured,
    literalAttributes: body.literals,
    raw,
  };
  if (instance.index !== undefined) resource.index = instance.index;
  if (marks !== false) resource.sensitive = marks;
  return resource;
}
