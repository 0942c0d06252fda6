/**
 * `npm run docs:policies`: writes docs/policies/<id>.md for every built-in policy and the index, from
 * the policies' metadata and cases, and removes pages of policies that are gone. A test
 * (test/docs/policy-docs.test.ts) regenerates them in memory and fails when the committed ones differ.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPolicyDocs, POLICY_DOCS_DIR } from '../src/cli/policy-docs/policy-docs.js';
import { wardenPackageRoot } from '../src/rules/loading/warden-package.js';

const root = wardenPackageRoot();
const files = await builtinPolicyDocs();
mkdirSync(join(root, POLICY_DOCS_DIR), { recursive: true });
for (const name of readdirSync(join(root, POLICY_DOCS_DIR))) {
  if (!files.has(`${POLICY_DOCS_DIR}/${name}`)) rmSync(join(root, POLICY_DOCS_DIR, name));
}
for (const [path, content] of files) writeFileSync(join(root, path), content);
process.stdout.write(`wrote ${files.size} files in ${POLICY_DOCS_DIR}\n`);
