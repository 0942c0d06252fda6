/**
 * Writes the network-path plans of db-internet-reachable and db-publicly-accessible to a folder
 * (`node dist/scripts/network-fixtures/generate.js [DIR]` after `npm run build`; default a temp
 * folder), one whole `terraform show -json` plan per way the path holds or breaks. The policies'
 * case tables hold compact plan fragments of these plans (scripts/convert-folder-cases.ts made
 * them); test/network/network-fixtures.test.ts runs the whole plans through the CLI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { casePath, caseText, type NetworkPolicyId } from './case-files.js';
import { NETWORK_CASES, PUBLICLY_ACCESSIBLE_ONLY_CASES } from './network-cases.js';

const out = resolve(process.argv[2] ?? join(tmpdir(), 'warden-network-fixtures'));

const plan: [NetworkPolicyId, typeof NETWORK_CASES][] = [
  ['db-internet-reachable', NETWORK_CASES],
  ['db-publicly-accessible', [...NETWORK_CASES.filter((c) => c.alsoForPubliclyAccessible), ...PUBLICLY_ACCESSIBLE_ONLY_CASES]],
];
for (const [policy, cases] of plan) {
  for (const c of cases) {
    const path = casePath(out, c, policy);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, caseText(c, policy));
  }
  process.stdout.write(`${policy}: ${cases.length} plans in ${join(out, policy)}\n`);
}
