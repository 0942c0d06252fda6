import type { Inventory } from '../inventory.js';
import type { Resource } from '../resource.js';
import { Unknown, isUnknown } from '../unknown.js';
import { isValueObject, listOf } from '../value.js';

const LAUNCH_TEMPLATE = ['aws_launch_template'];
/** Templates by name, built once per inventory: instances may name their template instead of giving its id. */
const byName = new WeakMap<Inventory, Map<string, Resource>>();

/**
 * The launch template an instance (or Auto Scaling group) is launched from (`launch_template { id | name }`),
 * undefined when it names none, Unknown when it names one that is not in the input or not known yet.
 * Its attributes are the template's latest version, as the provider reads it.
 */
export function launchTemplateOf(inventory: Inventory, resource: Resource): Resource | Unknown | undefined {
  const blocks = listOf(resource.values['launch_template']);
  if (isUnknown(blocks)) return new Unknown(`${resource.address}.launch_template is not known: ${blocks.reason}`);
  const block = blocks[0];
  if (!isValueObject(block)) return undefined;
  for (const key of ['id', 'name'] as const) {
    const found = inventory.resolve(resource, `launch_template.0.${key}`, LAUNCH_TEMPLATE);
    if (!isUnknown(found) && found.length > 0) return found[0];
  }
  const name = block['name'];
  if (typeof name === 'string' && name !== '') {
    const named = templatesByName(inventory).get(name);
    if (named) return named;
  }
  const given = [block['id'], block['name']].find((v) => (typeof v === 'string' && v !== '') || isUnknown(v));
  if (given === undefined) return undefined;
  if (isUnknown(given)) return new Unknown(`the launch template of ${resource.address} is known only after apply: ${given.reason}`);
  return new Unknown(`${resource.address} is launched from launch template ${String(given)}, which is not in the input`);
}

function templatesByName(inventory: Inventory): Map<string, Resource> {
  let index = byName.get(inventory);
  if (!index) {
    index = new Map();
    for (const template of inventory.ofType('aws_launch_template')) {
      const name = template.values['name'];
      if (typeof name === 'string' && name !== '' && !index.has(name)) index.set(name, template);
    }
    byName.set(inventory, index);
  }
  return index;
}
