import { maskCredentials, type BackendPart } from '../../state/backend-part.js';
import type { ModuleConfig } from '../config/module-config.js';
import { evaluateBlockBody, locationOf } from '../instances/evaluate-body.js';
import { CONSTANT_NAMES } from '../instances/module-instance.js';

/** A root module's `terraform { backend "TYPE" { … } }`, evaluated (backend arguments can only be constants). */
export function backendBlock(config: ModuleConfig): BackendPart | undefined {
  const backend = config.backend;
  if (!backend) return undefined;
  const body = evaluateBlockBody(backend.block.body, { file: backend.block.file, names: CONSTANT_NAMES });
  return { type: backend.type, values: maskCredentials(body.values), location: locationOf(backend.block), attributeLocations: body.locations };
}
