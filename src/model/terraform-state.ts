/**
 * Terraform's own state is described in the Inventory by resources of two pseudo types, so that
 * policies, locations, inline and config ignores, fingerprints and reporters treat it like any other
 * resource:
 *
 * - `terraform_backend` — a root module's backend (`terraform { backend "s3" { … } }` and/or the
 *   config `terraform init` recorded in `.terraform/terraform.tfstate`). Address
 *   `terraform_backend.<type>` (`terraform_backend.s3`), name = the backend type, values = `{ type,
 *   …the backend's arguments }` (`bucket`, `key`, `region`, `encrypt`, `kms_key_id`,
 *   `dynamodb_table`, `use_lockfile` …; credentials are Sensitive), location = the backend block (or
 *   the recorded file).
 * - `terraform_state_file` — a `*.tfstate` / `*.tfstate.backup` file inside a scanned source tree.
 *   Address = its path, values = `{ path, backup }`, location = the file.
 */
export const TERRAFORM_BACKEND_TYPE = 'terraform_backend';
export const TERRAFORM_STATE_FILE_TYPE = 'terraform_state_file';
