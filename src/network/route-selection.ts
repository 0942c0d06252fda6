import type { Resource } from '../model/resource.js';
import { Unknown, isUnknown } from '../model/unknown.js';
import { AddressSet, type Family } from './address-set.js';
import { cidrSet } from './cidr.js';
import type { GatewayAttachment, InternetGateways } from './internet-gateways.js';
import type { Route } from './routes.js';
import { UncertainSet, type CarveOut } from './uncertain-set.js';
import type { LocalRanges } from './vpcs.js';

/** The broadest CIDR block AWS allows for a VPC: an Unknown VPC CIDR is at most this large. */
export const WIDEST_VPC_PREFIX: Record<Family, number> = { ipv4: 16, ipv6: 44 };

/** The internet gateway a route sends to: one of the inventory (with its attachment), or an `igw-…` id AWS only accepts when attached. */
export type GatewayRef = { resource: Resource; attachment: GatewayAttachment } | { id: string };

/** The client addresses whose replies one internet-gateway route carries (longest-prefix match picks it). */
export interface GatewaySelection {
  route: Route;
  gateway: GatewayRef;
  /** The destination that selects it (one CIDR of the route; prefix lists have several). */
  destination: string;
  clients: AddressSet;
}

/** The route-table part of the path for one family: which clients are routed back through an internet gateway. */
export interface RouteReach {
  clients: UncertainSet;
  selections: GatewaySelection[];
}

type Verdict = 'yes' | 'no' | 'maybe';

interface Entry {
  route: Route;
  destination: string;
  prefix: number;
  set: AddressSet | undefined;
  unknownDestination?: Unknown;
  internet: Verdict;
  gateway?: GatewayRef;
  doubt?: Unknown;
  present: boolean;
}

/**
 * Longest-prefix-match over a route table, for the question "for which client addresses does the
 * reply leave through an internet gateway attached to this VPC?". Exact for known routes; for routes
 * with Unknown parts, `definite` keeps only clients no such route could divert and `possible` adds the
 * clients such a route could send to the gateway. A more specific route (NAT, TGW, peering, local)
 * for a client wins over the gateway route, as in AWS.
 */
export function internetRoutes(
  routes: readonly Route[],
  tableDoubts: readonly Unknown[],
  vpc: Resource,
  family: Family,
  gateways: InternetGateways,
  local: LocalRanges,
): RouteReach {
  if (tableDoubts.length > 0) return { clients: new UncertainSet(AddressSet.empty(family), AddressSet.all(family), tableDoubts), selections: [] };
  const entries: Entry[] = [];
  const doubts: Unknown[] = [];
  for (const route of routes) {
    const target = classify(route, vpc, gateways);
    if (target.doubt) doubts.push(target.doubt);
    const present = route.presence === true;
    if (!present) doubts.push(route.presence as Unknown);
    for (const destination of route.destinations) {
      if ('cidr' in destination) {
        if (destination.cidr.family !== family) continue;
        entries.push({
          route, destination: destination.cidr.text, prefix: destination.cidr.prefix, set: cidrSet(destination.cidr), present, ...target,
        });
      } else if (destination.family === undefined || destination.family === family) {
        doubts.push(destination.unknown);
        entries.push({ route, destination: '(known after apply)', prefix: 0, set: undefined, unknownDestination: destination.unknown, present, ...target });
      }
    }
  }
  for (const cidr of local.cidrs) {
    entries.push({ route: localRoute(vpc), destination: cidr.text, prefix: cidr.prefix, set: cidrSet(cidr), internet: 'no', present: true });
  }
  // A local route whose CIDR is known only after apply hides one block of bounded size, wherever it lands.
  const carveOuts: CarveOut[] = local.unknown.map((why) => ({ minPrefix: WIDEST_VPC_PREFIX[family], why }));

  const certain = new Set(entries.filter((e) => e.set && e.present && e.internet !== 'maybe'));
  const wins = longestPrefixMatch([...certain]);
  let shadowedEverywhere = false;
  for (const entry of entries) {
    // An uncertain route to the gateway can only add clients.
    if (certain.has(entry) || entry.internet === 'yes') continue;
    if (!entry.set) {
      shadowedEverywhere = true;
      continue;
    }
    for (const win of wins) if (win.entry.prefix <= entry.prefix) win.clients = win.clients.subtract(entry.set);
  }
  const selections: GatewaySelection[] = shadowedEverywhere
    ? []
    : wins.filter((w) => !w.clients.isEmpty()).map((w) => ({ route: w.entry.route, gateway: w.entry.gateway!, destination: w.entry.destination, clients: w.clients }));
  const definite = AddressSet.unionAll(family, [AddressSet.empty(family), ...selections.map((s) => s.clients)]);

  let possible: AddressSet;
  const hopeful = entries.filter((e) => e.internet !== 'no' && !e.set);
  if (certain.size === entries.length) possible = definite;
  else if (hopeful.length > 0) possible = AddressSet.all(family);
  else {
    const optimistic = entries.filter((e) => e.set && (e.internet !== 'no' || e.present)).map((e) => (e.internet === 'maybe' ? { ...e, internet: 'yes' as const } : e));
    possible = AddressSet.unionAll(family, [definite, ...longestPrefixMatch(optimistic).map((w) => w.clients)]);
  }
  return { clients: new UncertainSet(definite, possible, dedupe(doubts), carveOuts), selections };
}

/** Which clients each gateway route wins, longest prefix first (the first of two equal destinations wins); entries are present with known destinations. */
function longestPrefixMatch(entries: readonly Entry[]): { entry: Entry; clients: AddressSet }[] {
  const family = entries[0]?.set?.family;
  if (!family) return [];
  const sorted = [...entries].sort((a, b) => b.prefix - a.prefix);
  const out: { entry: Entry; clients: AddressSet }[] = [];
  let covered = AddressSet.empty(family);
  for (const entry of sorted) {
    const wins = entry.set!.subtract(covered);
    covered = covered.union(entry.set!);
    if (entry.internet === 'yes' && !wins.isEmpty()) out.push({ entry, clients: wins });
  }
  return out;
}

function classify(route: Route, vpc: Resource, gateways: InternetGateways): Pick<Entry, 'internet' | 'gateway' | 'doubt'> {
  const target = route.target;
  switch (target.kind) {
    case 'internet-gateway': {
      const attachment = gateways.attachment(target.gateway, vpc);
      if (attachment === false) return { internet: 'no' };
      if (isUnknown(attachment)) return { internet: 'maybe', gateway: { resource: target.gateway, attachment: pendingAttachment(target.gateway, vpc) }, doubt: attachment };
      return { internet: 'yes', gateway: { resource: target.gateway, attachment } };
    }
    case 'internet-gateway-id':
      return { internet: 'yes', gateway: { id: target.id } };
    case 'unknown':
      return { internet: 'maybe', doubt: new Unknown(`the target of route ${route.destinationText} in ${route.origin.address} is not known (${target.why.reason})`) };
    default:
      return { internet: 'no' };
  }
}

function pendingAttachment(gateway: Resource, vpc: Resource): GatewayAttachment {
  return { gateway, vpc, via: gateway, attribute: 'vpc_id' };
}

const LOCAL_ROUTES = new WeakMap<Resource, Route>();

/** The implicit `local` route of a VPC, written nowhere but implied by the VPC's CIDR blocks. */
function localRoute(vpc: Resource): Route {
  let route = LOCAL_ROUTES.get(vpc);
  if (!route) {
    route = { origin: vpc, path: 'cidr_block', destinationText: 'the VPC CIDR', destinations: [], target: { kind: 'local' }, presence: true };
    LOCAL_ROUTES.set(vpc, route);
  }
  return route;
}

function dedupe(doubts: Unknown[]): Unknown[] {
  const seen = new Set<string>();
  return doubts.filter((d) => (seen.has(d.reason) ? false : (seen.add(d.reason), true)));
}
