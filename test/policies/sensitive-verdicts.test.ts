import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import type { Finding } from '../../src/rules/finding.js';
import { readCaseTable, type TableCase } from '../../src/testing/case-table.js';
import { formatCaseResult } from '../../src/testing/policy-cases.js';
import { runTableCase } from '../../src/testing/run-table-case.js';

/**
 * Marking a value sensitive never changes a verdict (DESIGN §2): every plan form in the case tables of the policies that
 * read rules, reachability and tags is run again with `after_sensitive` masks over the values they
 * decide on, and must give the same findings: verdict, severity and resource (messages differ, they
 * say `(sensitive)` where the unmasked ones quote the value, and so do fingerprints that would hash it).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Masker = (after: { [key: string]: Json }) => { [key: string]: Json };

const RULE_CIDRS = ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6'];

/** Masks named top-level attributes as wholes. */
const whole = (...names: string[]): Masker => (after) => Object.fromEntries(names.filter((name) => name in after).map((name) => [name, true]));

/** Masks the CIDR lists of inline rules one by one, and a rule resource's own CIDR attributes. */
const cidrsOnly: Masker = (after) => {
  const mask: { [key: string]: Json } = {};
  for (const name of RULE_CIDRS) if (name in after) mask[name] = true;
  for (const direction of ['ingress', 'egress', 'entry']) {
    const blocks = after[direction];
    if (!Array.isArray(blocks)) continue;
    mask[direction] = blocks.map((block) => (typeof block === 'object' && block !== null && !Array.isArray(block) ? Object.fromEntries(RULE_CIDRS.filter((n) => n in block).map((n) => [n, true])) : false));
  }
  return mask;
};

const MASKS: Record<string, Masker> = {
  'the whole ingress list': whole('ingress', 'egress'),
  'each rule\'s cidr_blocks': cidrsOnly,
  'publicly_accessible': whole('publicly_accessible'),
  'tags and tags_all': whole('tags', 'tags_all'),
};

const POLICIES = ['sg-open-ingress', 'db-internet-reachable', 'db-publicly-accessible', 'required-tags'];

function masked(document: { resource_changes?: Json[] }, masker: Masker): unknown {
  for (const change of document.resource_changes ?? []) {
    const body = (change as { change?: { after?: Json; after_sensitive?: Json } }).change;
    if (!body || typeof body.after !== 'object' || body.after === null || Array.isArray(body.after)) continue;
    body.after_sensitive = masker(body.after);
  }
  return document;
}

function identity(finding: Finding): string {
  return `${finding.verdict} ${finding.severity} ${finding.resource.address}`;
}

for (const id of POLICIES) {
  const policy = builtinPolicies.find((p) => p.id === id)!;
  const table = await readCaseTable(fileURLToPath(new URL(`../../policies/${id}.cases.yaml`, import.meta.url)), id);
  const planCases = (table?.cases ?? []).filter((c) => c.plan !== undefined).map((c): TableCase => ({ name: c.name, expect: c.expect, ...(c.options ? { options: c.options } : {}), plan: c.plan! }));
  describe(`${id}: the same verdicts when the plan masks values as sensitive`, () => {
    for (const [maskName, masker] of Object.entries(MASKS)) {
      it(`masking ${maskName}`, async () => {
        expect(planCases.length).toBeGreaterThan(0);
        for (const planCase of planCases) {
          const [plain] = await runTableCase(policy, table!, planCase);
          expect(plain!.ok, formatCaseResult(plain!)).toBe(true);
          const hidden = { ...planCase, plan: masked(structuredClone(planCase.plan!) as { resource_changes?: Json[] }, masker) as TableCase['plan'] };
          const [outcome] = await runTableCase(policy, table!, hidden);
          expect(outcome!.findings.map(identity).sort(), planCase.name).toEqual(plain!.findings.map(identity).sort());
        }
      });
    }
  });
}
