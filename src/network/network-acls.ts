import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { isValueObject, listOf, type Value, type ValueObject } from '../model/value.js';
import { portRangeProblem } from '../model/port-range.js';
import { normaliseProtocol, type Protocol } from '../model/views/security-groups.js';
import type { Family } from './address-set.js';
import { notACidr, parseAwsCidr, parseCidr, type Cidr } from './cidr.js';
import { describeMissing, linksOf, type Links } from './links.js';
import { startsWithAwsDefaults, SUBNET_TYPES, VPC_TYPES, type VpcIndex } from './vpcs.js';

export const NETWORK_ACL_TYPES = ['aws_network_acl', 'aws_default_network_acl'] as const;

/** One network ACL entry, from an inline `ingress`/`egress` block, an `aws_network_acl_rule`, or AWS's defaults. */
export interface NaclRule {
  origin: Resource;
  /** Path of the entry inside `origin` (`ingress.0`), '' when the entry is its own resource. */
  path: string;
  egress: boolean;
  ruleNumber: number | Unknown;
  action: 'allow' | 'deny' | Unknown;
  protocol: Protocol | Unknown;
  fromPort: number | Unknown;
  toPort: number | Unknown;
  /** The entry's source/destination; undefined when it has none of either family. */
  cidr: { cidr: Cidr } | { unknown: Unknown; family: Family } | undefined;
  /** Attribute path of `cidr` inside `origin` (`ingress.0.cidr_block`, `ipv6_cidr_block`); absent when the entry has none or AWS made it. */
  cidrPath?: string;
  /** Unknown when it cannot be told whether the entry belongs to this ACL. */
  presence: true | Unknown;
  /** Set for the allow-all entries AWS puts in a new VPC's default ACL. */
  implicit?: string;
}

/** The network ACL that guards a subnet, and why. */
export interface NaclChoice {
  /** Undefined for the default ACL AWS creates with a VPC that this inventory does not manage (allows everything). */
  acl: Resource | undefined;
  how: 'explicit association' | 'default network ACL';
  vpc: Resource;
  /** The resource and attribute that associate the subnet, when one does. */
  association?: { resource: Resource; attribute: string };
}

interface Association {
  acls: Links;
  resource: Resource;
  attribute: string;
}

/** Network ACLs: which one guards a subnet (explicit association, else the VPC default) and the entries of each. */
export class NetworkAcls {
  readonly #inventory: Inventory;
  readonly #vpcs: VpcIndex;
  readonly #explicit = new Map<Resource, Association[]>();
  readonly #looseAssociations: Association[] = [];
  readonly #defaultAcl = new Map<Resource, Resource>();
  readonly #defaultAclVpc = new Map<Resource, Resource>();
  readonly #ruleResources = new Map<Resource, Resource[]>();
  readonly #looseRules: { rule: Resource; why: Unknown }[] = [];
  readonly #detachedRules: Resource[] = [];
  readonly #rules = new Map<Resource, { rules: NaclRule[]; doubts: Unknown[] }>();

  constructor(inventory: Inventory, vpcs: VpcIndex) {
    this.#inventory = inventory;
    this.#vpcs = vpcs;
    for (const acl of inventory.ofType(...NETWORK_ACL_TYPES)) {
      if (acl.type === 'aws_default_network_acl') {
        const byReference = linksOf(inventory, acl, 'default_network_acl_id', VPC_TYPES).resources[0];
        const vpc = byReference ?? vpcs.vpcOf(acl);
        if (!isUnknown(vpc)) {
          this.#defaultAcl.set(vpc, acl);
          this.#defaultAclVpc.set(acl, vpc);
        }
      }
      const subnetIds = acl.values['subnet_ids'];
      // Computed, not written: the associations are other resources (or none).
      if (isUnknown(subnetIds) && acl.configuredAttributes && !acl.configuredAttributes.includes('subnet_ids')) continue;
      const self: Links = { resources: [acl], missing: [] };
      const subnets = linksOf(inventory, acl, 'subnet_ids', SUBNET_TYPES);
      for (const subnet of subnets.resources) push(this.#explicit, subnet, { acls: self, resource: acl, attribute: 'subnet_ids' });
      if (subnets.unknown) this.#looseAssociations.push({ acls: self, resource: acl, attribute: 'subnet_ids' });
    }
    for (const association of inventory.ofType('aws_network_acl_association')) {
      const entry: Association = { acls: linksOf(inventory, association, 'network_acl_id', NETWORK_ACL_TYPES), resource: association, attribute: 'subnet_id' };
      const subnets = linksOf(inventory, association, 'subnet_id', SUBNET_TYPES);
      for (const subnet of subnets.resources) push(this.#explicit, subnet, entry);
      if (subnets.unknown) this.#looseAssociations.push(entry);
    }
    for (const rule of inventory.ofType('aws_network_acl_rule')) {
      const acls = linksOf(inventory, rule, 'network_acl_id', NETWORK_ACL_TYPES);
      for (const acl of acls.resources) push(this.#ruleResources, acl, rule);
      if (acls.unknown) this.#looseRules.push({ rule, why: acls.unknown });
      // Unresolved too: the ACL it names may be none of the input's (`aws_vpc.main.default_network_acl_id`).
      if (acls.resources.length === 0) this.#detachedRules.push(rule);
    }
  }

  /** `aws_network_acl_rule` entries of no ACL in this input (a VPC's default ACL by its id, a literal id): their other entries are not known. */
  detachedEntries(): NaclRule[] {
    return this.#detachedRules.map((rule) => standaloneRule(rule, true));
  }

  vpcOfAcl(acl: Resource): Resource | Unknown {
    return this.#defaultAclVpc.get(acl) ?? this.#vpcs.vpcOf(acl);
  }

  /** The network ACL guarding `subnet` in `vpc`, or why it cannot be told. */
  aclOf(subnet: Resource, vpc: Resource): NaclChoice | Unknown {
    const chosen = new Map<Resource, Association>();
    let doubt: Unknown | undefined;
    for (const association of this.#explicit.get(subnet) ?? []) {
      const { acls } = association;
      if (acls.unknown) doubt ??= acls.unknown;
      for (const id of acls.missing) doubt ??= describeMissing('network ACL', id, association.resource);
      for (const acl of acls.resources) {
        const aclVpc = this.vpcOfAcl(acl);
        if (aclVpc === vpc) chosen.set(acl, association);
        else if (isUnknown(aclVpc)) doubt ??= new Unknown(`the VPC of ${acl.address} is not known (${aclVpc.reason})`);
      }
    }
    if (chosen.size > 1) {
      // A refreshed default ACL lists the subnets it guards only by default; an explicit ACL wins over it.
      const explicit = [...chosen.keys()].filter((acl) => acl.type !== 'aws_default_network_acl');
      if (explicit.length !== 1) {
        return new Unknown(`${subnet.address} is associated with several network ACLs (${[...chosen.keys()].map((a) => a.address).join(', ')})`);
      }
      for (const acl of [...chosen.keys()]) if (acl !== explicit[0]) chosen.delete(acl);
    }
    const [only] = [...chosen.entries()];
    if (only) return { acl: only[0], how: 'explicit association', vpc, association: { resource: only[1].resource, attribute: only[1].attribute } };
    if (doubt) return new Unknown(`the network ACL of ${subnet.address} is not known: ${doubt.reason}`);
    for (const loose of this.#looseAssociations) {
      const inVpc = loose.acls.resources.some((acl) => {
        const aclVpc = this.vpcOfAcl(acl);
        return aclVpc === vpc || isUnknown(aclVpc);
      });
      if (inVpc || loose.acls.unknown) {
        return new Unknown(`${loose.resource.address} may associate ${subnet.address} with another network ACL (its subnets are known only after apply)`);
      }
    }
    return this.defaultAclOf(vpc);
  }

  defaultAclOf(vpc: Resource): NaclChoice | Unknown {
    const managed = this.#defaultAcl.get(vpc);
    if (managed) return { acl: managed, how: 'default network ACL', vpc };
    const id = vpc.values['default_network_acl_id'];
    if (typeof id === 'string' && id !== '') {
      const acl = this.#inventory.byId(id).find((r) => (NETWORK_ACL_TYPES as readonly string[]).includes(r.type));
      if (acl) return { acl, how: 'default network ACL', vpc };
      return describeMissing('default network ACL', id, vpc);
    }
    // A VPC this input creates starts with a default ACL that allows all traffic both ways.
    if (startsWithAwsDefaults(vpc)) return { acl: undefined, how: 'default network ACL', vpc };
    return new Unknown(`the default network ACL of ${vpc.address} is not in the inventory`);
  }

  /** The entries of an ACL (inline and `aws_network_acl_rule`), or AWS's allow-all defaults for `undefined`. */
  rulesOf(choice: NaclChoice): { rules: NaclRule[]; doubts: Unknown[] } {
    return choice.acl ? this.entriesOf(choice.acl) : { rules: awsDefaultRules(choice.vpc), doubts: [] };
  }

  /** The entries of one ACL resource (inline and `aws_network_acl_rule`), whichever subnets it guards. */
  entriesOf(key: Resource): { rules: NaclRule[]; doubts: Unknown[] } {
    const memo = this.#rules.get(key);
    if (memo) return memo;
    const rules: NaclRule[] = [];
    const doubts: Unknown[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      const blocks = listOf(key.values[direction]);
      if (isUnknown(blocks)) {
        if (!key.configuredAttributes || key.configuredAttributes.includes(direction)) doubts.push(blocks);
        continue;
      }
      blocks.forEach((block, i) => {
        if (isValueObject(block)) rules.push(inlineRule(key, `${direction}.${i}`, direction === 'egress', block));
        else if (isUnknown(block)) doubts.push(block);
      });
    }
    for (const rule of this.#ruleResources.get(key) ?? []) rules.push(standaloneRule(rule, true));
    for (const { rule, why } of this.#looseRules) rules.push(standaloneRule(rule, why));
    const out = { rules, doubts };
    this.#rules.set(key, out);
    return out;
  }
}

function inlineRule(origin: Resource, path: string, egress: boolean, block: ValueObject): NaclRule {
  return {
    origin, path, egress,
    ruleNumber: numberOf(block['rule_no']),
    action: actionOf(block['action']),
    ...naclPorts(block['protocol'], block['from_port'], block['to_port'], `${origin.address}.${path}`),
    ...cidrOf(block['cidr_block'], block['ipv6_cidr_block'], `${path}.`),
    presence: true,
  };
}

function standaloneRule(rule: Resource, presence: true | Unknown): NaclRule {
  const v = rule.values;
  const egress = v['egress'];
  return {
    origin: rule, path: '',
    egress: egress === true,
    ruleNumber: numberOf(v['rule_number']),
    action: actionOf(v['rule_action']),
    ...naclPorts(v['protocol'], v['from_port'], v['to_port'], rule.address),
    ...cidrOf(v['cidr_block'], v['ipv6_cidr_block'], ''),
    presence: isUnknown(egress) ? egress : presence,
  };
}

/** What AWS puts in a new VPC's default ACL: rule 100 (IPv4) and 101 (IPv6) allow everything, both ways. */
function awsDefaultRules(vpc: Resource): NaclRule[] {
  const rules: NaclRule[] = [];
  for (const egress of [false, true]) {
    for (const [ruleNumber, cidr] of [[100, '0.0.0.0/0'], [101, '::/0']] as const) {
      rules.push({
        origin: vpc, path: '', egress, ruleNumber, action: 'allow', protocol: '-1', fromPort: 0, toPort: 65535,
        cidr: { cidr: parseCidr(cidr)! }, presence: true, implicit: `AWS default for the new VPC's default network ACL`,
      });
    }
  }
  return rules;
}

/** Protocol and port range of an entry; a TCP/UDP range AWS refuses makes both ends Unknown (port-range.ts). */
function naclPorts(protocolValue: Value | undefined, from: Value | undefined, to: Value | undefined, where: string): Pick<NaclRule, 'protocol' | 'fromPort' | 'toPort'> {
  const protocol = normaliseProtocol(protocolValue);
  const fromPort = numberOf(from);
  const toPort = numberOf(to);
  if (!isUnknown(protocol) && !isUnknown(fromPort) && !isUnknown(toPort)) {
    const problem = portRangeProblem(protocol, fromPort, toPort);
    if (problem) {
      const why = new Unknown(`${where}: ${problem}, which AWS refuses, so the ports the entry matches cannot be told`);
      return { protocol, fromPort: why, toPort: why };
    }
  }
  return { protocol, fromPort, toPort };
}

function numberOf(value: Value | undefined): number | Unknown {
  if (isUnknown(value)) return value;
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : new Unknown(`${String(value)} is not a number`);
}

function actionOf(value: Value | undefined): 'allow' | 'deny' | Unknown {
  if (isUnknown(value)) return value;
  const action = String(value).toLowerCase();
  if (action === 'allow' || action === 'deny') return action;
  return new Unknown(`network ACL action ${JSON.stringify(value)} is neither allow nor deny (AWS refuses it), so what the entry does cannot be told`);
}

/** The entry's CIDR and the path of the attribute it is written in (`prefix` is the entry's path inside its resource). */
function cidrOf(ipv4: Value | undefined, ipv6: Value | undefined, prefix: string): Pick<NaclRule, 'cidr' | 'cidrPath'> {
  for (const [value, family, attribute] of [[ipv4, 'ipv4', 'cidr_block'], [ipv6, 'ipv6', 'ipv6_cidr_block']] as const) {
    if (isUnknown(value)) return { cidr: { unknown: value, family }, cidrPath: prefix + attribute };
    if (typeof value === 'string' && value !== '') {
      // An entry AWS would refuse may be the one that lets the client in (or keeps it out): undecided.
      const cidr = parseAwsCidr(value);
      return { cidr: cidr ? { cidr } : { unknown: notACidr(value, 'whom the network ACL entry matches'), family }, cidrPath: prefix + attribute };
    }
  }
  return { cidr: undefined };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
