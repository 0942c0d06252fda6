import { isUnknown, type Unknown } from '../model/unknown.js';
import { AddressSet, type Family } from './address-set.js';
import { cidrSet } from './cidr.js';
import type { NaclRule } from './network-acls.js';
import { UncertainSet } from './uncertain-set.js';

/** The clients one entry is the deciding allow for (first match), and the ports it decides them on. */
export interface NaclContribution {
  rule: NaclRule;
  clients: AddressSet;
  ports: readonly [number, number];
}

/** What one direction of an ACL lets through for one family: the client set and which entry decides each client. */
export interface NaclReach {
  clients: UncertainSet;
  contributions: NaclContribution[];
}

/** The ephemeral ports a client may use for the reply (DESIGN §3). */
export const EPHEMERAL_PORTS = [1024, 65535] as const;

type Match = 'yes' | 'no' | 'maybe';

/** Inbound: which clients may open TCP `port` (entries in ascending rule number, first match wins, implicit deny). */
export function naclInbound(rules: readonly NaclRule[], doubts: readonly Unknown[], family: Family, port: number): NaclReach {
  if (doubts.length > 0) return unknownReach(family, doubts);
  return evaluate(ordered(rules, false), family, port, [port, port]);
}

/**
 * Inbound, for a question about the ACL itself rather than a path: the entry that lets the whole
 * internet of a family (a /0 source) open TCP `port`, i.e. an allow entry for /0 that first-match
 * still decides for some clients; undefined when none does; Unknown when an entry of unknown number,
 * source, protocol, ports or presence (or an unknown entry list) may be such an entry.
 */
export function naclWholeInternetEntry(rules: readonly NaclRule[], doubts: readonly Unknown[], family: Family, port: number): NaclRule | undefined | Unknown {
  const reach = naclInbound(rules, doubts, family, port);
  const deciding = reach.contributions.find((c) => c.rule.cidr !== undefined && 'cidr' in c.rule.cidr && c.rule.cidr.cidr.prefix === 0);
  if (deciding) return deciding.rule;
  const [doubt] = reach.clients.doubts;
  if (!doubt || reach.clients.possible.isEmpty()) return undefined;
  if (doubts.length > 0) return doubts[0]!;
  const candidate = ordered(rules, false).find((rule) => mayBeWholeInternetAllow(rule, family, port));
  return candidate ? (doubtsOf(candidate)[0] ?? doubt) : undefined;
}

function mayBeWholeInternetAllow(rule: NaclRule, family: Family, port: number): boolean {
  const cidr = rule.cidr;
  if (!cidr || rule.action === 'deny' || protocolMatch(rule) === 'no' || portMatch(rule, port) === 'no') return false;
  return 'cidr' in cidr ? cidr.cidr.family === family && cidr.cidr.prefix === 0 : cidr.family === family;
}

/**
 * Outbound: to which clients the reply may go, on **some** TCP port in the ephemeral range. The range
 * is cut where any entry's port range starts or ends, so each piece is decided by the same entries,
 * and the pieces' answers are joined.
 */
export function naclOutboundEphemeral(rules: readonly NaclRule[], doubts: readonly Unknown[], family: Family): NaclReach {
  if (doubts.length > 0) return unknownReach(family, doubts);
  const egress = ordered(rules, true);
  const [low, high] = EPHEMERAL_PORTS;
  const cuts = new Set<number>([low, high + 1]);
  for (const rule of egress) {
    if (rule.protocol === '-1') continue;
    for (const edge of [rule.fromPort, isUnknown(rule.toPort) ? rule.toPort : rule.toPort + 1]) {
      if (typeof edge === 'number' && edge > low && edge <= high) cuts.add(edge);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: NaclReach[] = [];
  for (let i = 0; i + 1 < points.length; i++) pieces.push(evaluate(egress, family, points[i]!, [points[i]!, points[i + 1]! - 1]));
  const definite = AddressSet.unionAll(family, pieces.map((p) => p.clients.definite));
  const possible = AddressSet.unionAll(family, pieces.map((p) => p.clients.possible));
  return {
    clients: new UncertainSet(definite, possible, dedupe(pieces.flatMap((p) => p.clients.doubts))),
    contributions: pieces.flatMap((p) => p.contributions),
  };
}

/** Entries of one direction, ascending by rule number; an entry of Unknown number is taken first (the cautious place). */
function ordered(rules: readonly NaclRule[], egress: boolean): NaclRule[] {
  const rank = (r: NaclRule): number => (isUnknown(r.ruleNumber) ? -1 : r.ruleNumber);
  return rules.filter((r) => r.egress === egress).sort((a, b) => rank(a) - rank(b));
}

/**
 * First match wins, three-valued: a client is definitely allowed by an entry that surely matches it
 * and surely allows, when no earlier entry might match and deny it; it is possibly allowed by an
 * entry that might match and allow, when no earlier entry surely matched it.
 */
function evaluate(rules: readonly NaclRule[], family: Family, port: number, piece: readonly [number, number]): NaclReach {
  const all = AddressSet.all(family);
  let surelyMatched = AddressSet.empty(family);
  let mayDeny = AddressSet.empty(family);
  const allowed: AddressSet[] = [];
  const possible: AddressSet[] = [];
  const contributions: NaclContribution[] = [];
  const doubts: Unknown[] = [];
  for (const rule of rules) {
    const cidr = rule.cidr;
    if (!cidr) continue;
    if ('cidr' in cidr ? cidr.cidr.family !== family : cidr.family !== family) continue;
    const protocol = protocolMatch(rule);
    const ports = protocol === 'no' ? 'no' : portMatch(rule, port);
    if (protocol === 'no' || ports === 'no') continue;
    const block = 'cidr' in cidr ? cidrSet(cidr.cidr) : undefined;
    const sure = protocol === 'yes' && ports === 'yes' && block !== undefined && rule.presence === true && !isUnknown(rule.ruleNumber);
    const maybe = block ?? all;
    for (const doubt of doubtsOf(rule)) doubts.push(doubt);
    const mayAllow = rule.action !== 'deny';
    const surelyAllows = rule.action === 'allow';
    if (mayAllow) possible.push(maybe.subtract(surelyMatched));
    if (sure && surelyAllows) {
      // Clients an earlier entry surely matched are decided there, not here.
      const clients = block!.subtract(mayDeny).subtract(surelyMatched);
      if (!clients.isEmpty()) {
        allowed.push(clients);
        contributions.push({ rule, clients, ports: portsOf(rule, piece) });
      }
    }
    if (sure) surelyMatched = surelyMatched.union(block!);
    if (rule.action !== 'allow') mayDeny = mayDeny.union(maybe);
  }
  return {
    clients: new UncertainSet(AddressSet.unionAll(family, [AddressSet.empty(family), ...allowed]), AddressSet.unionAll(family, [AddressSet.empty(family), ...possible]), dedupe(doubts)),
    contributions,
  };
}

function protocolMatch(rule: NaclRule): Match {
  if (isUnknown(rule.protocol)) return 'maybe';
  return rule.protocol === '-1' || rule.protocol === 'tcp' ? 'yes' : 'no';
}

function portMatch(rule: NaclRule, port: number): Match {
  if (rule.protocol === '-1') return 'yes';
  if (isUnknown(rule.fromPort) || isUnknown(rule.toPort)) return 'maybe';
  return rule.fromPort <= port && port <= rule.toPort ? 'yes' : 'no';
}

/** The ports of a piece an entry covers (all of it for protocol -1). */
function portsOf(rule: NaclRule, piece: readonly [number, number]): readonly [number, number] {
  if (rule.protocol === '-1' || isUnknown(rule.fromPort) || isUnknown(rule.toPort)) return piece;
  return [Math.max(piece[0], rule.fromPort), Math.min(piece[1], rule.toPort)];
}

function doubtsOf(rule: NaclRule): Unknown[] {
  const out: Unknown[] = [];
  for (const value of [rule.ruleNumber, rule.action, rule.protocol, rule.fromPort, rule.toPort, rule.presence]) if (isUnknown(value)) out.push(value);
  if (rule.cidr && 'unknown' in rule.cidr) out.push(rule.cidr.unknown);
  return out;
}

function unknownReach(family: Family, doubts: readonly Unknown[]): NaclReach {
  return { clients: new UncertainSet(AddressSet.empty(family), AddressSet.all(family), dedupe([...doubts])), contributions: [] };
}

function dedupe(doubts: Unknown[]): Unknown[] {
  const seen = new Set<string>();
  return doubts.filter((d) => (seen.has(d.reason) ? false : (seen.add(d.reason), true)));
}

