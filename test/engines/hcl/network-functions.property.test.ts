import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { networkFunctions } from '../../../src/engines/hcl/functions/network.js';
import { propertyParameters } from '../../property/property-runs.js';

/** cidrsubnet computed the long way: ipaddr.js for the text, BigInt for the bits. */
function referenceSubnet(prefix: string, newBits: number, netNum: number): string {
  const [address, length] = ipaddr.parseCIDR(prefix);
  const hostBits = BigInt(32 - length);
  const n = (address.toByteArray().reduce((acc, byte) => acc * 256n + BigInt(byte), 0n) >> hostBits) << hostBits;
  const base = n | (BigInt(netNum) << BigInt(32 - length - newBits));
  const bytes = [24n, 16n, 8n, 0n].map((shift) => Number((base >> shift) & 0xffn));
  return `${ipaddr.fromByteArray(bytes).toString()}/${length + newBits}`;
}

describe('IPv4 prefixes in the network functions (read without BigInt per octet)', () => {
  it('cidrsubnet gives what the general arithmetic gives', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const case_ = fc.tuple(octet, octet, octet, octet, fc.integer({ min: 0, max: 32 })).chain(([a, b, c, d, length]) =>
      fc.integer({ min: 0, max: 32 - length }).chain((newBits) =>
        fc.record({ prefix: fc.constant(`${a}.${b}.${c}.${d}/${length}`), newBits: fc.constant(newBits), netNum: fc.integer({ min: 0, max: 2 ** Math.min(newBits, 30) - 1 }) }),
      ),
    );
    fc.assert(
      fc.property(case_, ({ prefix, newBits, netNum }) => {
        expect(networkFunctions['cidrsubnet']!([prefix, newBits, netNum])).toBe(referenceSubnet(prefix, newBits, netNum));
      }),
      propertyParameters(500),
    );
  });

  it('reads the edges of the address space', () => {
    expect(networkFunctions['cidrsubnet']!(['255.255.255.255/32', 0, 0])).toBe('255.255.255.255/32');
    expect(networkFunctions['cidrsubnet']!(['0.0.0.0/0', 1, 1])).toBe('128.0.0.0/1');
    expect(networkFunctions['cidrhost']!(['10.1.2.0/24', -1])).toBe('10.1.2.255');
    expect(networkFunctions['cidrnetmask']!(['10.0.0.0/12'])).toBe('255.240.0.0');
  });
});
