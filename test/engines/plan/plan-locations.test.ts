import { describe, expect, it } from 'vitest';
import { orderedAddressLines, planAddressLines } from '../../../src/engines/plan/plan-locations.js';
import { fixtureText, lineOf, loadFixture } from './plan-fixtures.js';

/** The 1-based line of the `"address": "<address>"` key of the resource's entry in `resource_changes`. */
function expectedLine(text: string, address: string): number {
  const lines = text.split('\n');
  const section = lines.findIndex((l) => l.includes('"resource_changes"'));
  const needle = `"address": ${JSON.stringify(address)}`;
  const found = lines.findIndex((l, i) => i > section && l.includes(needle));
  if (section === -1 || found === -1) throw new Error(`no resource_changes entry for ${address}`);
  return found + 1;
}

describe('plan locations', () => {
  for (const name of ['format-0.1.json', 'format-1.0.json', 'format-1.1.json', 'format-1.2-modules.json']) {
    it(`${name}: every evaluated resource points at the "address" line of its resource_changes entry`, async () => {
      const plan = await loadFixture(name);
      const text = fixtureText(name);
      const changed = (JSON.parse(text) as { resource_changes: { address: string }[] }).resource_changes.map((rc) => rc.address);
      const evaluated = plan.inventory.resources.filter((r) => changed.includes(r.address));
      expect(evaluated.length).toBeGreaterThan(1);
      for (const r of evaluated) {
        expect({ address: r.address, line: lineOf(plan, r.address) }).toEqual({ address: r.address, line: expectedLine(text, r.address) });
        expect(r.location).toMatchObject({ kind: 'source', file: name });
      }
    });
  }

  it('resource_drift entries listed before resource_changes do not capture the location', async () => {
    const text = fixtureText('format-1.0.json');
    const plan = await loadFixture('format-1.0.json');
    const driftLine = text.split('\n').findIndex((l) => l.includes('"resource_drift"')) + 1;
    expect(lineOf(plan, 'aws_security_group.api')).toBeGreaterThan(driftLine + 2);
    expect(lineOf(plan, 'aws_security_group.api')).toBe(expectedLine(text, 'aws_security_group.api'));
  });

  it('a minified plan maps every resource to line 1 with its column', async () => {
    const plan = await loadFixture('format-0.2.json');
    const text = fixtureText('format-0.2.json');
    const vpc = plan.inventory.byAddress('aws_vpc.etl')!;
    const column = text.indexOf('"address":"aws_vpc.etl"', text.indexOf('"resource_changes"')) + 1;
    expect(vpc.location).toEqual({ kind: 'source', file: 'format-0.2.json', startLine: 1, endLine: 1, startColumn: column });
  });

  it('addresses with escaped quotes (for_each keys) are matched', () => {
    const text = '{\n"resource_changes": [\n{\n"address": "module.a[\\"x\\"].aws_vpc.v"\n}\n]\n}';
    expect(planAddressLines(text, 0, 'p.json').get('module.a["x"].aws_vpc.v')).toMatchObject({ startLine: 4 });
  });

  it('an "address" attribute inside a value, and entries of deleted resources, are passed over', () => {
    const text = [
      '{"resource_changes": [',
      '{"address": "aws_db_instance.old", "mode": "managed", "change": {"actions": ["delete"]}},',
      '{"address": "aws_db_instance.db", "mode": "managed", "change": {"after": {"address": "aws_eip.ip", "port": 5432}}},',
      '{"address": "aws_eip.ip", "mode": "managed", "change": {"after": {}}}',
      ']}',
    ].join('\n');
    expect(orderedAddressLines(text, 0, 'p.json', ['aws_db_instance.db', 'aws_eip.ip'])).toEqual([
      { kind: 'source', file: 'p.json', startLine: 3, endLine: 3, startColumn: 2 },
      { kind: 'source', file: 'p.json', startLine: 4, endLine: 4, startColumn: 2 },
    ]);
  });

  it('entries out of the expected order, or with sorted keys (jq -S), are still found by value', () => {
    const sorted = '{"resource_changes": [\n{"address": "a.one", "change": {}, "mode": "managed"}\n]}';
    expect(orderedAddressLines(sorted, 0, 'p.json', ['a.one'])[0]).toMatchObject({ startLine: 2 });
    const text = '{"resource_changes": [\n{"address": "b.two", "mode": "managed"},\n{"address": "a.one", "mode": "managed"}\n]}';
    expect(orderedAddressLines(text, 0, 'p.json', ['a.one', 'b.two', 'c.missing']).map((l) => l?.startLine)).toEqual([3, 2, undefined]);
  });

  it('goes on with entries whose address is not their first key after those (as Terraform writes them) whose address is', () => {
    const text = [
      '{"resource_changes":[',
      '{"address":"a.one","mode":"managed"},',
      '{"action_reason":"replace_because_tainted","address":"b.two","mode":"managed"},',
      '{"address":"c.three","mode":"managed"}',
      ']}',
    ].join('\n');
    expect(orderedAddressLines(text, 0, 'p.json', ['a.one', 'b.two', 'c.three']).map((l) => [l?.startLine, l?.startColumn])).toEqual([
      [2, 2],
      [3, 44],
      [4, 2],
    ]);
  });

  it('compares escaped keys in place, and unescapes what encoders write differently (Go\'s \\u003c)', () => {
    const text = '{"resource_changes": [\n{"address": "module.a[\\"x\\"].aws_vpc.v", "module_address": "module.a[\\"x\\"]"},\n{"address": "aws_vpc.w[\\"\\u003cb\\u003e\\"]", "mode": "managed"}\n]}';
    expect(orderedAddressLines(text, 0, 'p.json', ['module.a["x"].aws_vpc.v', 'aws_vpc.w["<b>"]']).map((l) => l?.startLine)).toEqual([2, 3]);
  });
});
