import type { Resource } from '../../model/resource.js';
import { unwrapSensitive } from '../../model/sensitive-marks.js';
import { TERRAFORM_BACKEND_TYPE } from '../../model/terraform-state.js';
import type { ValueObject } from '../../model/value.js';
import type { BackendPart } from './backend-part.js';

/**
 * The `terraform_backend` resource of a root module. When both the backend block and the config
 * `terraform init` recorded are known and name the same backend type, they are one backend: what the
 * block writes wins (it is what is being reviewed), the recorded config fills in the rest (values
 * given with `-backend-config`), and locations point at the block where it writes the argument.
 */
export function backendResources(input: string, source: 'plan' | 'hcl', block: BackendPart | undefined, recorded: BackendPart | undefined): Resource[] {
  if (block && recorded && block.type === recorded.type) {
    const values: ValueObject = { ...recorded.values, ...block.values };
    return [toResource(input, source, { ...block, values, attributeLocations: { ...recorded.attributeLocations, ...block.attributeLocations } })];
  }
  return [block, recorded].filter((part): part is BackendPart => part !== undefined).map((part) => toResource(input, source, part));
}

function toResource(input: string, source: 'plan' | 'hcl', part: BackendPart): Resource {
  const values: ValueObject = { ...part.values, type: part.type };
  // Credentials stay wrapped (no policy decides on them) and are marked, so that a finding quoting one is redacted.
  const { marks } = unwrapSensitive(values);
  const resource: Resource = {
    type: TERRAFORM_BACKEND_TYPE,
    address: `${TERRAFORM_BACKEND_TYPE}.${part.type}`,
    name: part.type,
    mode: 'managed',
    modulePath: '',
    values,
    tags: undefined,
    source,
    input,
    location: part.location,
    attributeLocations: part.attributeLocations,
    references: {},
    configuredAttributes: Object.keys(part.values),
    raw: { type: part.type, config: values },
  };
  if (marks !== false) resource.sensitive = marks;
  return resource;
}
