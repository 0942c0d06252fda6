import { isUnknown, isValueObject, listOf, type Resource, type Unknown, type Value } from '../../src/api.js';

/** The IMDS settings a launcher writes itself: `set` when they decide, `unset` when the launch leaves them to others. */
export type OwnSetting =
  | { kind: 'decided'; tokens: 'required' | 'optional' | 'disabled'; path: string; value: string }
  | { kind: 'unset' }
  | { kind: 'unknown'; reason: Unknown | string };

/** Reads `metadata_options` of an instance, launch template or launch configuration (or the account's defaults resource, flat). */
export function ownSetting(resource: Resource): OwnSetting {
  const flat = resource.type === 'aws_ec2_instance_metadata_defaults';
  const blocks = flat ? [resource.values] : listOf(resource.values['metadata_options']);
  if (isUnknown(blocks)) return { kind: 'unknown', reason: blocks };
  const block = blocks[0];
  if (!isValueObject(block)) return { kind: 'unset' };
  const at = flat ? '' : 'metadata_options.0.';
  const endpoint: Value | undefined = block['http_endpoint'];
  const tokens: Value | undefined = block['http_tokens'];
  if (endpoint === 'disabled') return { kind: 'decided', tokens: 'disabled', path: `${at}http_endpoint`, value: 'disabled' };
  if (tokens === 'required') return { kind: 'decided', tokens: 'required', path: `${at}http_tokens`, value: 'required' };
  if (isUnknown(endpoint)) return { kind: 'unknown', reason: endpoint };
  if (isUnknown(tokens)) return { kind: 'unknown', reason: tokens };
  if (tokens === 'optional') return { kind: 'decided', tokens: 'optional', path: `${at}http_tokens`, value: 'optional' };
  // Unset, or the account defaults' `no-preference`.
  return { kind: 'unset' };
}
