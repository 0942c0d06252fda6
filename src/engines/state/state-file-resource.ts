import type { Resource } from '../../model/resource.js';
import { TERRAFORM_STATE_FILE_TYPE } from '../../model/terraform-state.js';

/** A Terraform state file lying in a scanned source tree (its contents are never read: they hold secrets). */
export function stateFileResource(path: string, input: string): Resource {
  const name = path.split('/').pop() ?? path;
  return {
    type: TERRAFORM_STATE_FILE_TYPE,
    address: path,
    name,
    mode: 'managed',
    modulePath: '',
    values: { path, backup: name.endsWith('.backup') },
    tags: undefined,
    source: 'hcl',
    input,
    location: { kind: 'source', file: path, startLine: 1, endLine: 1 },
    references: {},
    raw: { path },
  };
}
