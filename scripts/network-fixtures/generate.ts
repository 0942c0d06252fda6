/**
 * Writes the network-path fixtures of db-internet-reachable and db-publicly-accessible
 * (`node dist/scripts/network-fixtures/generate.js` after `npm run build`). The files are committed;
 * test/network/network-fixtures.test.ts checks they match this generator and runs them through the CLI.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { casePath, caseText, type NetworkPolicyId } from './case-files.js';
import { NETWORK_CASES, PUBLICLY_ACCESSIBLE_ONLY_CASES } from './network-cases.js';
import { GENERATED_TIMESTAMP } from './plan-builder.js';

const repo = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../' : '../../', import.meta.url));

const plan: [NetworkPolicyId, typeof NETWORK_CASES][] = [
  ['db-internet-reachable', NETWORK_CASES],
  ['db-publicly-accessible', [...NETWORK_CASES.filter((c) => c.alsoForPubliclyAccessible), ...PUBLICLY_ACCESSIBLE_ONLY_CASES]],
];
for (const [policy, cases] of plan) {
  // Start clean so a renamed case leaves no stale file behind; hand-written cases beside them stay.
  for (const kind of ['pass', 'fail', 'unknown']) {
    const dir = join(repo, 'policies', policy, 'cases', kind);
    let files: string[];
    try {
      files = readdirSync(dir).filter((file) => file.endsWith('.json'));
    } catch {
      continue; // no such folder yet
    }
    for (const file of files) if (isGenerated(join(dir, file))) rmSync(join(dir, file));
  }
  for (const c of cases) {
    const path = casePath(repo, c, policy);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, caseText(c, policy));
  }
  process.stdout.write(`${policy}: ${cases.length} cases\n`);
}

function isGenerated(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { timestamp?: unknown }).timestamp === GENERATED_TIMESTAMP;
  } catch {
    return false;
  }
}
