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
