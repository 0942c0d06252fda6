import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import { ruleWords } from '../model/views/security-group-rule-words.js';
import { SECURITY_GROUP_TYPES, type SecurityGroupRule } from '../model/views/security-groups.js';
import { networkOf } from '../network/network-view.js';
import type { Finding } from '../rules/finding.js';
import { Redactor } from '../rules/redaction.js';
import { ItemBuilder } from './build-network-inventory.js';
import { DisplayValues } from './display-value.js';
import { internetReach } from './internet-reach.js';
import { groupAttachments } from './security-group-attachments.js';
import type { SgEntry, SgReportInput } from './sg-report.js';

/**
 * The report's section for one input: every security group of the inventory with its attachments,
 * rules in plain words and internet reach. Flags are added once the run's findings are known
 * ({@link addFlags}), so the report shows exactly what the policies decided.
 */
export function sgReportSection(inventory: Inventory): SgReportInput {
  const view = networkOf(inventory);
  const show = new DisplayValues(Redactor.of(inventory));
  const refs = new ItemBuilder(inventory, view, show);
  const { byGroup } = groupAttachments(inventory);
  const groups: SgEntry[] = [];
  const nameOf = (ref: string): string | undefined => {
    const target = inventory.byId(ref).find((r) => r.type === 'aws_security_group' || r.type === 'aws_default_security_group') ?? inventory.byAddress(ref);
    return target ? groupName(target, show) : undefined;
  };
  for (const group of inventory.securityGroups) {
    const resource = group.resource;
    if (!resource || resource.mode !== 'managed') continue;
    const attached = byGroup.get(resource) ?? [];
    const ruleResources = [...new Set(group.rules.map((r) => r.origin.address).filter((a) => a !== resource.address))];
    groups.push({
      ...refs.ref(resource),
      vpc: refs.vpcOf(resource),
      isDefault: resource.type === 'aws_default_security_group' || resource.values['name'] === 'default',
      attachedTo: attached.map((r) => refs.ref(r)),
      rules: group.rules.map((rule) => ({
        direction: rule.direction,
        text: show.text(ruleWords(withPeerEdges(inventory, rule), nameOf)),
        writtenIn: show.address(rule.path === '' ? rule.origin.address : `${rule.origin.address}.${rule.path}`),
      })),
      internet: redactInternet(internetReach(view, group, attached, nameOf), show),
      flags: [],
      ruleResources: ruleResources.map((a) => show.address(a)),
    });
  }
  return { input: inventory.input, source: inventory.resources[0]?.source ?? 'empty', groups };
}

/** Adds to each group the findings (other than passes) on it or on one of its rule resources, in the run's order. */
export function addFlags(sections: readonly SgReportInput[], findings: readonly Finding[]): void {
  const byKey = new Map<string, SgEntry>();
  for (const section of sections) {
    for (const group of section.groups) {
      for (const address of [group.address, ...(group.ruleResources ?? [])]) byKey.set(`${section.input}|${address}`, group);
    }
  }
  for (const finding of findings) {
    if (finding.verdict === 'pass') continue;
    const group = byKey.get(`${finding.resource.input}|${finding.resource.address}`);
    if (!group) continue;
    group.flags.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      verdict: finding.verdict,
      message: finding.message,
      address: finding.resource.address,
      fingerprint: finding.fingerprint,
    });
  }
  for (const section of sections) for (const group of section.groups) delete group.ruleResources;
}

/**
 * A rule whose peer groups are ids known only after apply names them by the reference edges the plan
 * or .tf records (`aws_security_group.app`), so the words say which group rather than `(known after apply)`.
 */
function withPeerEdges(inventory: Inventory, rule: SecurityGroupRule): SecurityGroupRule {
  const refs = rule.securityGroupRefs;
  if (!isUnknown(refs) && !refs.some(isUnknown)) return rule;
  const path = rule.attributes.securityGroupRefs;
  const edges = (path ? (rule.origin.references[path] ?? []) : []).filter((address) => {
    const target = inventory.byAddress(address);
    return target !== undefined && SECURITY_GROUP_TYPES.some((t) => t === target.type);
  });
  if (edges.length === 0) return rule;
  const known = isUnknown(refs) ? [] : refs.filter((r): r is string => !isUnknown(r));
  return { ...rule, securityGroupRefs: [...known, ...edges.filter((a) => !known.includes(a))] };
}

function groupName(group: Resource, show: DisplayValues): string | undefined {
  const tags = group.tags && !isUnknown(group.tags) ? group.tags : {};
  const name = tags['Name'] ?? group.values['name'];
  return typeof name === 'string' ? show.text(name) : undefined;
}

function redactInternet(internet: ReturnType<typeof internetReach>, show: DisplayValues): ReturnType<typeof internetReach> {
  return {
    admits: internet.admits.map((a) => show.text(a)),
    reach: internet.reach.map((r) => ({ ...r, resource: show.address(r.resource), detail: show.text(r.detail) })),
  };
}
