import type { Resource } from '../model/resource.js';
import { isUnknown, type Unknown } from '../model/unknown.js';
import type { SecurityGroup, SecurityGroupRule } from '../model/views/security-groups.js';
import { ruleWords } from '../model/views/security-group-rule-words.js';
import type { Family } from '../network/address-set.js';
import { internetSource } from '../network/internet-source.js';
import { linksOf } from '../network/links.js';
import type { NetworkView } from '../network/network-view.js';
import { SUBNET_TYPES } from '../network/vpcs.js';
import type { SgInternet, SgReach } from './sg-report.js';

/** Where each attachable type names its subnets. */
const SUBNET_PATHS: Record<string, string> = {
  aws_instance: 'subnet_id',
  aws_network_interface: 'subnet_id',
  aws_lb: 'subnets',
  aws_alb: 'subnets',
  aws_elb: 'subnets',
  aws_lambda_function: 'vpc_config.0.subnet_ids',
  aws_ecs_service: 'network_configuration.0.subnets',
};

/** An ingress rule admitting the whole internet, with the port and family a path is solved for. */
interface Admitting {
  rule: SecurityGroupRule;
  family: Family;
}

/**
 * Who on the internet reaches what a group guards, by the network path model the policies use:
 * a database through `exposureOf` (route, NACL both ways, every group on it — db-internet-reachable's
 * answer), anything else behind a group that admits the internet through `subnetPath` (a route to an
 * internet gateway, the NACL inbound and for the replies) plus a public address of its own.
 */
export function internetReach(view: NetworkView, group: SecurityGroup, attached: readonly Resource[], nameOf: (ref: string) => string | undefined): SgInternet {
  const admitting = admittingRules(view, group);
  const reach: SgReach[] = [];
  for (const resource of attached) {
    const db = view.databases.find((d) => d.resource === resource);
    if (db) {
      reach.push(databaseReach(view, resource, db));
      continue;
    }
    if (admitting.length > 0) reach.push(resourceReach(view, resource, admitting));
  }
  return { admits: admitting.map((a) => ruleWords(a.rule, nameOf)), reach };
}

function admittingRules(view: NetworkView, group: SecurityGroup): Admitting[] {
  const out: Admitting[] = [];
  for (const rule of group.rules) {
    if (rule.direction !== 'ingress') continue;
    const cidrs = [...(isUnknown(rule.ipv4Cidrs) ? [] : rule.ipv4Cidrs), ...(isUnknown(rule.ipv6Cidrs) ? [] : rule.ipv6Cidrs)];
    if (rule.attributes.prefixListIds && !isUnknown(rule.prefixListIds) && rule.prefixListIds.length > 0) {
      const lists = view.prefixLists.entriesAt(rule.origin, rule.attributes.prefixListIds);
      if (!isUnknown(lists)) for (const list of lists) cidrs.push(...list.cidrs);
    }
    for (const cidr of cidrs) {
      if (isUnknown(cidr)) continue;
      const verdict = internetSource(cidr);
      if (!isUnknown(verdict) && verdict.internet) {
        out.push({ rule, family: verdict.family });
        break;
      }
    }
  }
  return out;
}

function databaseReach(view: NetworkView, resource: Resource, db: NetworkView['databases'][number]): SgReach {
  if (db.publiclyAccessible === false) return { resource: resource.address, status: 'not-reachable', detail: 'not publicly accessible' };
  if (isUnknown(db.publiclyAccessible)) return { resource: resource.address, status: 'unknown', detail: db.publiclyAccessible.reason };
  const exposure = view.exposureOf(db);
  if (exposure.status === 'reachable' && exposure.witness) {
    const w = exposure.witness;
    return { resource: resource.address, status: 'reachable', detail: `tcp ${w.port} from ${w.client} through ${w.subnet.address}` };
  }
  if (exposure.status === 'unreachable') return { resource: resource.address, status: 'not-reachable', detail: exposure.blockers[0] ?? 'no path from the internet' };
  return { resource: resource.address, status: 'unknown', detail: exposure.doubts[0]?.reason ?? 'the path could not be decided' };
}

function resourceReach(view: NetworkView, resource: Resource, admitting: readonly Admitting[]): SgReach {
  const at = (status: SgReach['status'], detail: string): SgReach => ({ resource: resource.address, status, detail });
  const address = publicAddress(view, resource);
  if (address !== true) return isUnknown(address) ? at('unknown', address.reason) : at('not-reachable', address);
  const path = SUBNET_PATHS[resource.type];
  if (!path) return at('unknown', `where ${resource.type} sits in the network is not modelled`);
  const subnets = linksOf(view.inventory, resource, path, SUBNET_TYPES);
  if (subnets.unknown) return at('unknown', subnets.unknown.reason);
  if (subnets.resources.length === 0) return at('unknown', `the subnets of ${resource.address} are not in the inventory`);
  const tcp = admitting.find((a) => a.rule.protocol === '-1' || (a.rule.protocol === 'tcp' && !isUnknown(a.rule.fromPort)));
  if (!tcp) return at('unknown', 'only non-TCP traffic is admitted from the internet; its path is not modelled');
  const port = tcp.rule.protocol === '-1' || isUnknown(tcp.rule.fromPort) ? 443 : tcp.rule.fromPort;
  let doubt: Unknown | undefined;
  let blocker = '';
  for (const subnet of subnets.resources) {
    const solved = view.subnetPath(subnet, tcp.family, port);
    if (isUnknown(solved)) {
      doubt ??= solved;
      continue;
    }
    if (!solved.network.definite.isEmpty()) return at('reachable', `tcp ${port} from the internet through ${subnet.address}`);
    if (!solved.network.possible.isEmpty()) doubt ??= solved.network.doubts[0];
    else blocker ||= brokenLink(solved, subnet);
  }
  if (doubt) return at('unknown', doubt.reason);
  return at('not-reachable', blocker);
}

function brokenLink(path: Exclude<ReturnType<NetworkView['subnetPath']>, Unknown>, subnet: Resource): string {
  if (path.route.clients.possible.isEmpty()) return `${subnet.address} has no route to an internet gateway`;
  if (path.inbound.clients.possible.isEmpty()) return `the network ACL of ${subnet.address} admits no internet client on tcp ${path.port}`;
  return `the network ACL of ${subnet.address} lets no reply out to the internet`;
}

/** True when the resource has (or will have) a public address; else why not, or what decides it. */
function publicAddress(view: NetworkView, resource: Resource): true | string | Unknown {
  const v = resource.values;
  switch (resource.type) {
    case 'aws_lb':
    case 'aws_alb':
    case 'aws_elb':
      if (isUnknown(v['internal'])) return v['internal'];
      return v['internal'] === true ? 'an internal load balancer' : true;
    case 'aws_instance': {
      if (typeof v['public_ip'] === 'string' && v['public_ip'] !== '') return true;
      const asked = v['associate_public_ip_address'];
      if (isUnknown(asked)) return asked;
      if (asked === true) return true;
      if (asked === false || resource.source === 'live') return 'no public IP address';
      const subnet = linksOf(view.inventory, resource, 'subnet_id', SUBNET_TYPES).resources[0];
      const onLaunch = subnet?.values['map_public_ip_on_launch'];
      if (isUnknown(onLaunch)) return onLaunch;
      return onLaunch === true ? true : 'no public IP address (its subnet does not assign one at launch)';
    }
    case 'aws_network_interface': {
      const association = v['association'];
      const ip = Array.isArray(association) && association[0] && typeof association[0] === 'object' ? (association[0] as Record<string, unknown>)['public_ip'] : undefined;
      return typeof ip === 'string' && ip !== '' ? true : 'no public IP address';
    }
    case 'aws_lambda_function':
      return 'Lambda network interfaces have no public address';
    case 'aws_ecs_service': {
      const assign = v['network_configuration'];
      const first = Array.isArray(assign) ? (assign[0] as Record<string, unknown> | undefined) : undefined;
      const value = first?.['assign_public_ip'];
      if (isUnknown(value)) return value;
      return value === true ? true : 'tasks get no public IP address';
    }
    default:
      return true;
  }
}
