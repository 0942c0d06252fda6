import type { SourceLocation } from '../../../model/location.js';
import type { Resource } from '../../../model/resource.js';
import type { SensitiveMarks } from '../../../model/sensitive-marks.js';
import { unwrapSensitive } from '../../../model/sensitive-marks.js';
import { TERRAFORM_PROVIDER_TYPE, TERRAFORM_VARIABLE_TYPE, configResource } from '../../../model/terraform-config.js';
import type { Value, ValueObject } from '../../../model/value.js';
import { evaluateAttribute, evaluateBlockBody, isConstantString, locationOf } from '../instances/evaluate-body.js';
import { CONSTANT_NAMES, type ModuleInstance } from '../instances/module-instance.js';

/** Where a root variable's value was given in a `.tfvars` file, and whether it is written as a literal there. */
export interface VariableSource {
  location: SourceLocation;
  literal: boolean;
}

/** The provider blocks and input variables of a module instance and its descendants (see model/terraform-config.ts). */
export function configResources(module: ModuleInstance, input: string, given: ReadonlyMap<string, Value>, sources: ReadonlyMap<string, VariableSource>, out: Resource[] = []): Resource[] {
  const prefix = module.address ? `${module.address}.` : '';
  for (const decl of module.config.providers) {
    const body = evaluateBlockBody(decl.block.body, { file: decl.block.file, names: module });
    const local = decl.alias ? `${decl.name}.${decl.alias}` : decl.name;
    out.push(pseudo(TERRAFORM_PROVIDER_TYPE, `${prefix}provider.${local}`, local, module.address, input, body.values, {
      location: locationOf(decl.block),
      attributeLocations: body.locations,
      literalAttributes: body.literals,
    }));
  }
  for (const decl of module.config.variables.values()) {
    const values: ValueObject = { sensitive: decl.sensitive };
    const attributeLocations: Record<string, SourceLocation> = {};
    const literals: string[] = [];
    if (decl.default) {
      values['default'] = evaluateAttribute(decl.default, { file: decl.default.file, names: CONSTANT_NAMES });
      attributeLocations['default'] = locationOf(decl.default);
      if (isConstantString(decl.default.value)) literals.push('default');
    }
    const source = module.address === '' ? sources.get(decl.name) : undefined;
    if (source && given.has(decl.name)) {
      values['value'] = given.get(decl.name)!;
      attributeLocations['value'] = source.location;
      if (source.literal) literals.push('value');
    }
    const resource = pseudo(TERRAFORM_VARIABLE_TYPE, `${prefix}var.${decl.name}`, decl.name, module.address, input, values, {
      location: locationOf(decl.block),
      attributeLocations,
      literalAttributes: literals,
    });
    // A sensitive variable's values are never printed, as Terraform does not print them.
    if (decl.sensitive) resource.sensitive = { default: true, value: true };
    out.push(resource);
  }
  for (const call of module.config.moduleCalls) {
    for (const child of module.children(call)) configResources(child, input, given, sources, out);
  }
  return out;
}

function pseudo(type: string, address: string, name: string, modulePath: string, input: string, evaluated: ValueObject, extra: Pick<Resource, 'location' | 'attributeLocations' | 'literalAttributes'>): Resource {
  const { value, marks } = unwrapSensitive(evaluated);
  return configResource({ type, address, name, modulePath, input, source: 'hcl', values: value as ValueObject, ...extra, ...(marks !== false ? { sensitive: marks as SensitiveMarks } : {}) });
}
