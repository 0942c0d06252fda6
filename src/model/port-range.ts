/**
 * What is wrong with a TCP/UDP port range that AWS refuses (a port outside 0–65535, `-1`, from above
 * to), or undefined for a range AWS takes. Security-group rules and network ACL entries alike: such a
 * range cannot be what it claims, so readers make it Unknown rather than guess what was meant.
 */
export function portRangeProblem(protocol: string, from: number, to: number): string | undefined {
  if (protocol !== 'tcp' && protocol !== 'udp') return undefined;
  for (const port of [from, to]) {
    if (port === -1) return `port -1 on ${protocol} (only protocol -1, all traffic, takes it)`;
    if (!Number.isInteger(port) || port < 0 || port > 65535) return `${protocol} port ${port} is outside 0–65535`;
  }
  return from > to ? `from_port ${from} is above to_port ${to}` : undefined;
}
