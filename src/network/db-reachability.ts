import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { blockSize, type AddressBlock, type Family } from './address-set.js';
import { formatBlock } from './cidr.js';
import type { ExposureTarget } from './exposure-target.js';
import { exposurePath, type PathHop } from './exposure-path.js';
import { internetAddresses } from './internet-addresses.js';
import type { NaclReach } from './nacl-evaluation.js';
import type { NaclChoice } from './network-acls.js';
import type { NetworkView } from './network-view.js';
import type { RouteReach } from './route-selection.js';
import type { RouteTableChoice } from './route-tables.js';
import type { SgAdmission } from './security-group-admission.js';
import { UncertainSet } from './uncertain-set.js';

/** A concrete client range that passes every check, and the path it takes. */
export interface ExposureWitness {
  family: Family;
  /** Every address of this CIDR takes the same path (same route, NACL entries and security-group rule). */
  client: string;
  port: number;
  subnet: Resource;
  hops: PathHop[];
  /** Set when part of the client range may be unusable (the VPC's own CIDR is known only after apply). */
  caveat?: string;
}

/**
 * Whether a database's network path to the internet holds (DESIGN §3 conditions 2–5; condition 1,
 * `publicly_accessible`, is left to the policies): `reachable` with a witness, `unreachable` with why
 * for each subnet, or `unknown` with the Unknown inputs that decide it.
 */
export interface DbExposure {
  status: 'reachable' | 'unreachable' | 'unknown';
  witness?: ExposureWitness;
  doubts: Unknown[];
  /** Why the path does not hold, one line per subnet and family. */
  blockers: string[];
}

interface Outcome {
  status: DbExposure['status'];
  witness?: ExposureWitness;
  doubts: Unknown[];
  blocker?: string;
}

/**
 * Solves the path to TCP `port` for each subnet of the target (a database's subnet group, an instance's
 * subnet), in the families it has an address in (IPv4 unless `ipv4` says otherwise, IPv6 when
 * `target.ipv6` allows); the first witness wins. A family whose address is Unknown can only make the answer unknown.
 */
export function solveExposure(view: NetworkView, db: ExposureTarget, dbPort: { port: number } | Unknown, ipv4: boolean | Unknown = true): DbExposure {
  if (isUnknown(db.subnets) || isUnknown(dbPort)) {
    // Name every undecided link at once, where the network is (the subnets) first.
    return { status: 'unknown', doubts: [db.subnets, dbPort].filter(isUnknown), blockers: [] };
  }
  if (db.subnets.length === 0) return { status: 'unreachable', doubts: [], blockers: [`${db.placement} has no subnets`] };
  const port = dbPort.port;
  const uncertain = (family: Family): boolean | Unknown => (family === 'ipv4' ? ipv4 : db.ipv6);
  const families = (['ipv4', 'ipv6'] as const).filter((family) => uncertain(family) !== false);
  if (families.length === 0) return { status: 'unreachable', doubts: [], blockers: [`${db.resource.address} has no public IPv4 address and no IPv6 address`] };
  const doubts: Unknown[] = [];
  const blockers: string[] = [];
  for (const family of families) {
    for (const subnet of db.subnets) {
      const outcome = solveSubnet(view, db, subnet, family, port);
      const address = uncertain(family);
      if (outcome.status === 'reachable' && isUnknown(address)) {
        doubts.push(address);
        continue;
      }
      if (outcome.status === 'reachable') return { status: 'reachable', ...(outcome.witness ? { witness: outcome.witness } : {}), doubts: [], blockers: [] };
      if (outcome.status === 'unknown') doubts.push(...outcome.doubts);
      if (outcome.blocker) blockers.push(outcome.blocker);
    }
  }
  if (doubts.length > 0) return { status: 'unknown', doubts: dedupe(doubts), blockers };
  return { status: 'unreachable', doubts: [], blockers: [...new Set(blockers)] };
}

/** The part of the path that depends only on the subnet (route table, NACL both ways), shared by every database in it. */
export interface SubnetPath {
  subnet: Resource;
  vpc: Resource;
  family: Family;
  port: number;
  table: RouteTableChoice | Unknown;
  acl: NaclChoice | Unknown;
  route: RouteReach;
  inbound: NaclReach;
  outbound: NaclReach;
  /** Internet clients the route, the inbound and the outbound NACL check all admit. */
  network: UncertainSet;
}

/** Solves the subnet's share of the path (NetworkView caches it per subnet, family and port). */
export function solveSubnetPath(view: NetworkView, subnet: Resource, family: Family, port: number): SubnetPath | Unknown {
  const vpc = view.vpcs.vpcOf(subnet);
  if (isUnknown(vpc)) return new Unknown(`the VPC of ${subnet.address} is not known (${vpc.reason})`);
  const table = view.routeTables.tableOf(subnet, vpc);
  const route: RouteReach = isUnknown(table) ? { clients: UncertainSet.unknown(family, table), selections: [] } : view.routeReach(table, family);
  const acl = view.networkAcls.aclOf(subnet, vpc);
  const unknownAcl = (why: Unknown): NaclReach => ({ clients: UncertainSet.unknown(family, why), contributions: [] });
  const inbound = isUnknown(acl) ? unknownAcl(acl) : view.naclReach(acl, 'inbound', family, port);
  const outbound = isUnknown(acl) ? unknownAcl(acl) : view.naclReach(acl, 'outbound', family, port);
  const network = [route.clients, inbound.clients, outbound.clients].reduce((acc, c) => acc.intersect(c), UncertainSet.exactly(internetAddresses(family)));
  return { subnet, vpc, family, port, table, acl, route, inbound, outbound, network };
}

function solveSubnet(view: NetworkView, db: ExposureTarget, subnet: Resource | Unknown, family: Family, port: number): Outcome {
  if (isUnknown(subnet)) return { status: 'unknown', doubts: [subnet] };
  const path = view.subnetPath(subnet, family, port);
  if (isUnknown(path)) return { status: 'unknown', doubts: [path] };
  const { table, acl, route, inbound, outbound } = path;
  const admission = view.admission(db, path.vpc, family, port);
  const verdict = jointVerdict(view, path, admission);
  if (verdict.outcome) return verdict.outcome;
  const { joint, widest } = verdict;

  const sample = widest.start;
  const selection = route.selections.find((s) => s.clients.contains(sample));
  const entry = inbound.contributions.find((c) => c.clients.contains(sample));
  const reply = outbound.contributions.find((c) => c.clients.contains(sample));
  const rule = admission.rules.find((r) => r.clients.contains(sample));
  if (!selection || !entry || !reply || !rule || isUnknown(table) || isUnknown(acl)) {
    return { status: 'unknown', doubts: [new Unknown(`no single path could be named for ${subnet.address}`)] };
  }
  // Narrow the witness to clients that take exactly this path, unless that would let the VPC's own range swallow it.
  const uniform = [selection.clients, entry.clients, reply.clients, rule.clients].reduce((acc, s) => acc.intersect(s), joint.definite).blockAround(sample);
  const client = uniform && clearsCarveOuts(uniform, joint) ? uniform : widest;
  const witness: ExposureWitness = {
    family,
    client: formatBlock(client),
    port,
    subnet,
    hops: exposurePath({ target: db, subnet, client: formatBlock(client), port, table, selection, acl, entry, reply, rule }),
    ...(joint.carveOuts.length > 0 ? { caveat: `excluding the VPC's own address range, known only after apply` } : {}),
  };
  return { status: 'reachable', witness, doubts: [] };
}

interface JointVerdict {
  /** Set when the answer is `unreachable` or `unknown`: the same for every database with this subnet and these groups. */
  outcome?: Outcome;
  joint: UncertainSet;
  /** The broadest block of definitely admitted clients, when there is one. */
  widest: AddressBlock;
}

const JOINT_VERDICTS = new WeakMap<SubnetPath, WeakMap<SgAdmission, JointVerdict>>();

/** Intersects the subnet's share of the path with what the security groups admit; cached per (subnet path, admission) pair. */
function jointVerdict(view: NetworkView, path: SubnetPath, admission: SgAdmission): JointVerdict {
  let byAdmission = JOINT_VERDICTS.get(path);
  if (!byAdmission) {
    byAdmission = new WeakMap();
    JOINT_VERDICTS.set(path, byAdmission);
  }
  let verdict = byAdmission.get(admission);
  if (!verdict) {
    verdict = decideJoint(view, path, admission);
    byAdmission.set(admission, verdict);
  }
  return verdict;
}

function decideJoint(view: NetworkView, path: SubnetPath, admission: SgAdmission): JointVerdict {
  const joint = path.network.intersect(admission.clients);
  const none = { family: path.family, start: 0n, prefix: 0 };
  if (joint.possible.isEmpty()) return { outcome: { status: 'unreachable', doubts: [], blocker: blocker(view, path, admission) }, joint, widest: none };
  if (joint.definite.isEmpty()) {
    // Only the inputs whose Unknowns keep some possible client out of their definite set decide the answer.
    const components = [path.route.clients, admission.clients, path.inbound.clients, path.outbound.clients];
    const decisive = components.filter((c) => !c.definite.covers(joint.possible)).flatMap((c) => c.doubts);
    return { outcome: { status: 'unknown', doubts: decisive.length > 0 ? decisive : components.flatMap((c) => c.doubts) }, joint, widest: none };
  }
  const widest = joint.definite.largestBlock()!;
  if (!clearsCarveOuts(widest, joint)) return { outcome: { status: 'unknown', doubts: joint.carveOuts.map((c) => c.why) }, joint, widest };
  return { joint, widest };
}

/** True when the block is larger than all carve-outs together, so some of it survives wherever they land. */
function clearsCarveOuts(block: AddressBlock, joint: UncertainSet): boolean {
  if (joint.carveOuts.length === 0) return true;
  const hidden = joint.carveOuts.reduce((sum, c) => sum + blockSize(block.family, c.minPrefix), 0n);
  return hidden < blockSize(block.family, block.prefix);
}

/** The first check (in path order) that leaves no possible client, as one line. */
function blocker(view: NetworkView, path: SubnetPath, admission: SgAdmission): string {
  const { subnet, vpc, family, port } = path;
  const where = `${subnet.address} (${family})`;
  const world = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
  let clients = internetAddresses(family).intersect(path.route.clients.possible);
  if (clients.isEmpty()) {
    if (view.internetGateways.attachedTo(vpc).length === 0) return `${where}: no internet gateway is attached to ${vpc.address}`;
    const table = isUnknown(path.table) ? 'its route table' : path.table.table ? `${path.table.table.address} (${path.table.how})` : `the main route table of ${vpc.address}`;
    return `${where}: ${table} has no route to an internet gateway of ${vpc.address} for internet clients`;
  }
  clients = clients.intersect(admission.clients.possible);
  if (clients.isEmpty()) return `${where}: no attached security group allows TCP ${port} from ${world}`;
  const acl = isUnknown(path.acl) ? 'its network ACL' : path.acl.acl ? path.acl.acl.address : `the default network ACL of ${vpc.address}`;
  if (clients.intersect(path.inbound.clients.possible).isEmpty()) return `${where}: ${acl} denies inbound TCP ${port} from internet clients`;
  if (clients.intersect(path.outbound.clients.possible).isEmpty()) return `${where}: ${acl} allows no outbound reply to ports 1024-65535 of internet clients`;
  return `${where}: ${acl} admits TCP ${port} from some clients and replies to others, but no client passes both ways`;
}

function dedupe(doubts: Unknown[]): Unknown[] {
  const seen = new Set<string>();
  return doubts.filter((d) => (seen.has(d.reason) ? false : (seen.add(d.reason), true)));
}
