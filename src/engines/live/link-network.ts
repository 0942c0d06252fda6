import type { LiveDraft } from './descriptor.js';

/**
 * Fills in the VPC attributes the VPC API does not return but Terraform's `aws_vpc` has:
 * `main_route_table_id` / `default_route_table_id` (the table with the main association),
 * `default_network_acl_id` and `default_security_group_id` (the group named `default`).
 */
export function linkVpcDefaults(drafts: LiveDraft[]): void {
  const mainTable = new Map<string, string>();
  const defaultAcl = new Map<string, string>();
  const defaultGroup = new Map<string, string>();
  for (const draft of drafts) {
    const vpc = draft.values['vpc_id'];
    if (typeof vpc !== 'string') continue;
    if (draft.type === 'aws_main_route_table_association' && typeof draft.values['route_table_id'] === 'string') {
      mainTable.set(vpc, draft.values['route_table_id']);
    } else if (draft.type === 'aws_default_network_acl') {
      defaultAcl.set(vpc, draft.id);
    } else if (draft.type === 'aws_security_group' && draft.values['name'] === 'default') {
      defaultGroup.set(vpc, draft.id);
    }
  }
  for (const draft of drafts) {
    if (draft.type !== 'aws_vpc') continue;
    const table = mainTable.get(draft.id) ?? null;
    draft.values['main_route_table_id'] = table;
    draft.values['default_route_table_id'] = table;
    draft.values['default_network_acl_id'] = defaultAcl.get(draft.id) ?? null;
    draft.values['default_security_group_id'] = defaultGroup.get(draft.id) ?? null;
  }
}
