import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definePolicy, isSensitive, TERRAFORM_BACKEND_TYPE } from '../../../src/api.js';
import { maskCredentials } from '../../../src/engines/state/backend-part.js';
import { FORMATS, loadReporter } from '../../../src/report/reporter.js';
import { wholeText } from '../../../src/report/report-text.js';
import { selectPolicies } from '../../../src/rules/select-policies.js';
import { runScan } from '../../../src/scan/run-scan.js';
import { runMain } from '../../support/run-main.js';
import { sourceDir } from '../hcl/hcl-helpers.js';

/** Issue 13 §3: backend settings that hold credentials are masked wherever they could be printed. */

const CREDENTIALS: Record<string, string> = {
  access_key: 'cred-access-key-A1',
  secret_key: 'cred-secret-key-B2',
  token: 'cred-token-C3',
  access_token: 'cred-access-token-D4',
  sas_token: 'cred-sas-token-E5',
  conn_str: 'postgres://u:cred-conn-F6@db/tf',
  credentials: '{"private_key":"cred-json-G7"}',
  encryption_key: 'cred-encryption-key-H8',
  password: 'cred-password-I9',
  client_secret: 'cred-client-secret-J10',
  client_certificate_password: 'cred-cert-password-K11',
  client_certificate: 'cred-client-cert-L12',
  security_token: 'cred-security-token-M13',
  secret_id: 'cred-secret-id-N14',
  sse_customer_key: 'cred-sse-key-O15',
  client_private_key_pem: 'cred-pem-P16',
};

/** What a policy needs to decide: never masked. */
const SETTINGS = { bucket: 'state', key: 'app.tfstate', region: 'eu-west-1', encrypt: true, kms_key_id: 'alias/state', dynamodb_table: 'locks', use_lockfile: true };

describe('backend credentials', () => {
  it('are Sensitive at any depth; the settings policies decide on are not', () => {
    const masked = maskCredentials({ ...SETTINGS, ...CREDENTIALS, assume_role: { role_arn: 'arn:aws:iam::1:role/x', external_id: 'e', session_token: 'cred-nested-Q17' } });
    for (const key of Object.keys(CREDENTIALS)) expect(isSensitive(masked[key]), key).toBe(true);
    expect(isSensitive((masked['assume_role'] as Record<string, unknown>)['session_token'])).toBe(true);
    for (const [key, value] of Object.entries(SETTINGS)) expect(masked[key], key).toBe(value);
  });

  it('never reach an output, even from a policy that reveals them and quotes the backend in its message', async () => {
    const block = Object.entries({ ...CREDENTIALS, bucket: 'state', key: 'app.tfstate' }).map(([k, v]) => `    ${k} = ${JSON.stringify(v)}`).join('\n');
    const { dir, cleanup } = sourceDir({ 'main.tf': `terraform {\n  backend "s3" {\n${block}\n  }\n}\n` });
    try {
      mkdirSync(join(dir, 'init'));
      writeFileSync(join(dir, 'init', 'main.tf'), '# backend given with -backend-config only\n');
      mkdirSync(join(dir, 'init', '.terraform'));
      writeFileSync(join(dir, 'init', '.terraform', 'terraform.tfstate'), JSON.stringify({ version: 3, backend: { type: 'azurerm', config: { storage_account_name: 'acct', ...CREDENTIALS } } }));
      const nosy = definePolicy({
        id: 'nosy-backend',
        title: 'prints its backend',
        severity: 'high',
        description: 'test',
        remediation: 'none',
        check({ inventory, fail }) {
          for (const backend of inventory.ofType(TERRAFORM_BACKEND_TYPE)) {
            const revealed = Object.fromEntries(Object.entries(backend.values).map(([k, v]) => [k, isSensitive(v) ? v.reveal() : v]));
            fail({
              resource: backend,
              message: `${backend.address} is ${JSON.stringify(revealed)} (${JSON.stringify(backend.raw)})`,
              evidence: [{ path: '', value: backend.values }, ...Object.keys(CREDENTIALS).map((key) => ({ path: key, value: revealed[key], note: String(revealed[key]) }))],
            });
          }
        },
      });
      const result = await runScan({ paths: ['.', 'init'], cwd: dir, policies: selectPolicies([nosy], {}, {}), config: {}, passMode: 'report', today: '2025-06-01' });
      expect([...new Set(result.findings.map((f) => f.resource.address))].sort()).toEqual(['terraform_backend.azurerm', 'terraform_backend.s3']);
      for (const format of FORMATS) {
        const output = wholeText((await loadReporter(format))(result, { color: false, cwd: dir }));
        for (const [key, secret] of Object.entries(CREDENTIALS)) expect(output, `${key} in ${format}`).not.toContain(/cred-[a-z-]+-[A-Z]\d+/.exec(secret)![0]);
        expect(output, format).toContain('(sensitive)');
      }
    } finally {
      cleanup();
    }
  });

  it('a broken .terraform/terraform.tfstate is reported without quoting it', async () => {
    const { dir, cleanup } = sourceDir({ 'main.tf': 'terraform {\n  backend "s3" {}\n}\n' });
    try {
      mkdirSync(join(dir, '.terraform'));
      writeFileSync(join(dir, '.terraform', 'terraform.tfstate'), 'credbroken');
      const run = await runMain(['scan', '.', '--format', 'json'], dir);
      expect(run.stderr).toMatch(/^warden: \.terraform\/terraform\.tfstate: not valid JSON \([^)]+\)\n$/);
      expect(run.stderr).not.toContain('credbroken');
      expect(run.stdout).not.toContain('credbroken');
    } finally {
      cleanup();
    }
  });
});
