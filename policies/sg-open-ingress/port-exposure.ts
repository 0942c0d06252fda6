import { isUnknown, type SecurityGroupRule, type Severity, type Unknown } from '../../src/api.js';

/** What a rule lets through, whatever the sources. */
export type Traffic =
  | { kind: 'all' }
  | { kind: 'ports'; protocol: string; from: number; to: number }
  /** ICMP (type/code kept in from/to, -1 = any) or another IP protocol, which has no ports. */
  | { kind: 'protocol'; protocol: string; from: number; to: number };

export interface PortLists {
  allowPorts: readonly number[];
  adminPorts: readonly number[];
  databasePorts: readonly number[];
}

export interface Exposure {
  severity: Severity;
  /** Admin or database ports inside the exposed range, with their service names. */
  notable: number[];
}

const PORTED = new Set(['tcp', 'udp']);

/** The traffic a rule admits, or the Unknown that hides it. */
export function trafficOf(rule: SecurityGroupRule): Traffic | Unknown {
  const { protocol, fromPort, toPort } = rule;
  if (isUnknown(protocol)) return protocol;
  if (protocol === '-1') return { kind: 'all' };
  if (isUnknown(fromPort)) return fromPort;
  if (isUnknown(toPort)) return toPort;
  if (!PORTED.has(protocol)) return { kind: 'protocol', protocol, from: fromPort, to: toPort };
  // The inventory's view makes a range AWS would refuse (reversed, outside 0–65535) Unknown: no guessing here.
  return { kind: 'ports', protocol, from: fromPort, to: toPort };
}

/**
 * How bad the exposure is: every port → critical; a range holding an admin or database port → high;
 * anything else → medium. Null when every exposed port is in the allow-list (nothing to report).
 */
export function assessExposure(traffic: Traffic, lists: PortLists): Exposure | null {
  if (traffic.kind === 'all') return { severity: 'critical', notable: [] };
  if (traffic.kind === 'protocol') return { severity: 'medium', notable: [] };
  const { from, to } = traffic;
  if (coversEveryPort(traffic)) return { severity: 'critical', notable: [] };
  if (to - from + 1 <= lists.allowPorts.length && rangeWithin(from, to, lists.allowPorts)) return null;
  const notable = [...new Set([...lists.adminPorts, ...lists.databasePorts])].filter((p) => p >= from && p <= to).sort((a, b) => a - b);
  return { severity: notable.length > 0 ? 'high' : 'medium', notable };
}

/** A stable, compact form for fingerprints: `all`, `tcp 22`, `tcp 0-1024`, `icmp 8/-1`, `50`. */
export function trafficKey(traffic: Traffic): string {
  if (traffic.kind === 'all') return 'all';
  if (traffic.kind === 'protocol') return isIcmp(traffic.protocol) ? `${traffic.protocol} ${traffic.from}/${traffic.to}` : traffic.protocol;
  return `${traffic.protocol} ${portRange(traffic.from, traffic.to)}`;
}

/** Words for messages: `all traffic (every protocol and port)`, `tcp 22 (SSH)`, `tcp 0-65535 (every port)`. */
export function describeTraffic(traffic: Traffic): string {
  if (traffic.kind === 'all') return 'all traffic (every protocol and port)';
  if (traffic.kind === 'protocol') {
    if (!isIcmp(traffic.protocol)) return `IP protocol ${traffic.protocol} (all of it)`;
    if (traffic.from === -1) return `${traffic.protocol} (every type)`;
    return `${traffic.protocol} type ${traffic.from}${traffic.to === -1 ? '' : ` code ${traffic.to}`}`;
  }
  const range = `${traffic.protocol} ${portRange(traffic.from, traffic.to)}`;
  if (coversEveryPort(traffic)) return `${range} (every port)`;
  const name = traffic.from === traffic.to ? SERVICE_NAMES[traffic.from] : undefined;
  return name ? `${range} (${name})` : range;
}

/** `SSH (22)`, `port 8443`. */
export function describePort(port: number): string {
  const name = SERVICE_NAMES[port];
  return name ? `${name} (${port})` : `port ${port}`;
}

function coversEveryPort(traffic: { from: number; to: number }): boolean {
  return traffic.from <= 1 && traffic.to >= 65535;
}

function rangeWithin(from: number, to: number, allowed: readonly number[]): boolean {
  for (let port = from; port <= to; port++) if (!allowed.includes(port)) return false;
  return true;
}

function portRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}-${to}`;
}

function isIcmp(protocol: string): boolean {
  return protocol === 'icmp' || protocol === 'icmpv6';
}

/** Names for the ports a reader most often needs spelled out. */
const SERVICE_NAMES: Record<number, string> = {
  20: 'FTP data', 21: 'FTP', 22: 'SSH', 23: 'Telnet', 25: 'SMTP', 53: 'DNS', 80: 'HTTP', 110: 'POP3', 135: 'MS RPC',
  139: 'NetBIOS', 143: 'IMAP', 443: 'HTTPS', 445: 'SMB', 1433: 'SQL Server', 1521: 'Oracle', 2049: 'NFS', 2375: 'Docker API',
  3306: 'MySQL', 3389: 'RDP', 5432: 'PostgreSQL', 5439: 'Redshift', 5601: 'Kibana', 5900: 'VNC', 5984: 'CouchDB', 6379: 'Redis',
  8080: 'HTTP alternate', 8182: 'Neptune', 9042: 'Cassandra', 9200: 'Elasticsearch', 11211: 'Memcached', 27017: 'MongoDB',
};
