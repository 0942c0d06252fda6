import type { Resource } from './resource.js';

/**
 * Parts of Terraform's own configuration that are not resources, described in the Inventory as
 * resources of pseudo types so that policies read them like any other resource (same locations,
 * ignores, fingerprints). Only source and plans have them; live inventories do not.
 *
 * - `terraform_provider` — a provider block (`provider "aws" { … }`). Address `provider.aws` or
 *   `provider.aws.west` (with the module prefix in a child module), values = the block's arguments.
 * - `terraform_variable` — an input variable. Address `var.name` (module prefix in a child module),
 *   values = `{ sensitive, default?, value? }`: `default` as the variable block writes it, `value` as a
 *   `.tfvars` file gives it (root module, source only; not `--var`, which is not code).
 *
 * `literalAttributes` says which of these values are written as literals in the code.
 */
export const TERRAFORM_PROVIDER_TYPE = 'terraform_provider';
export const TERRAFORM_VARIABLE_TYPE = 'terraform_variable';

/** What describes one pseudo resource of Terraform's configuration; the rest of a Resource follows from it. */
export type ConfigResourceFields = Pick<Resource, 'type' | 'address' | 'name' | 'modulePath' | 'input' | 'source' | 'values' | 'literalAttributes'> &
  Partial<Pick<Resource, 'configuredAttributes' | 'location' | 'attributeLocations' | 'sensitive'>>;

/** A provider or variable pseudo resource, shaped alike by every engine (raw as a `planned_values` resource). */
export function configResource(fields: ConfigResourceFields): Resource {
  const { type, address, name, values } = fields;
  return { mode: 'managed', tags: undefined, references: {}, configuredAttributes: Object.keys(values), raw: { address, type, name, values }, ...fields };
}
