import { mkdirSync, symlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';
import { hostileScratch, QUIET_RESOURCES, QUIET_TF } from './hostile-scratch.js';

// The checkout is attacker-controlled: links in it must never make warden read (or print) files outside it.
const scratch = hostileScratch('root');
afterAll(() => scratch.cleanup());

/** Something outside every scanned tree: a secret the runner holds. */
const SECRET = 'AKIA-OUTSIDE-SECRET-7731';
const outside = scratch.write('outside/secret.tf', `resource "aws_security_group" "leak" {\n  description = "${SECRET}"\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`);
const outsideVars = scratch.write('outside/secret.tfvars', `name = "${SECRET}"\n`);
const outsideJson = scratch.write('outside/secret.json', `{"Modules":[{"Key":"net","Dir":"${SECRET}"}], "backend": {"type": "s3", "config": {"bucket": "${SECRET}"}}}`);
const outsideDir = scratch.path('outside');
const NAME_VAR = `variable "name" {\n  type = string\n  default = "x"\n}\n`;

/** `warden scan DIR` from the scratch directory: exit code, stderr lines, the JSON report and all output as one text. */
async function scan(...args: string[]) {
  const run = await runMain(['scan', ...args, '--format', 'json'], scratch.dir);
  return { code: run.code, stderr: run.stderr.split('\n').filter(Boolean), report: JSON.parse(run.stdout || '{}'), all: run.stdout + run.stderr };
}

/** The gap line for a link, as the user sees it: it names the link, never where it leads. */
const refused = (link: string) => `warden: ${link}: refused: its real path is outside the scan root (a symbolic link or \`..\` leaves the repository)`;

describe('the scan root is the boundary', () => {
  it('a .tf linked to a file outside the scanned tree is a gap naming the link; its resources and text stay unread', async () => {
    scratch.write('tf-link/main.tf', QUIET_TF);
    symlinkSync(outside, scratch.path('tf-link/leak.tf'));
    const { code, stderr, report, all } = await scan('tf-link');
    expect(stderr).toEqual([refused('tf-link/leak.tf')]);
    expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(outsideDir);
    expect(code).toBe(3);
  });

  it('a terraform.tfvars linked outside is a gap; the value it would give is never read', async () => {
    scratch.write('vars-link/main.tf', NAME_VAR + QUIET_TF);
    symlinkSync(outsideVars, scratch.path('vars-link/terraform.tfvars'));
    const { code, stderr, all } = await scan('vars-link');
    expect(stderr).toEqual([refused('vars-link/terraform.tfvars')]);
    expect(all).not.toContain(SECRET);
    expect(code).toBe(3);
  });

  it('a --var-file named on the command line may lie outside (the user chose it), but its text is never quoted in a syntax error', async () => {
    scratch.write('var-file/main.tf', NAME_VAR + QUIET_TF);
    const broken = scratch.write('outside/broken.tfvars', `${SECRET} = = =\n`);
    const { stderr, all } = await scan('var-file', '--var-file', broken);
    expect(stderr).toEqual([`warden: outside/broken.tfvars:1:1: syntax error`]);
    expect(all).not.toContain(SECRET);
  });

  it.each([
    ['manifest-link', '.terraform/modules/modules.json'],
    ['state-link', '.terraform/terraform.tfstate'],
  ])('%s: %s linked outside is a gap; the manifest or recorded backend it holds is not read', async (dir, file) => {
    scratch.write(`${dir}/main.tf`, QUIET_TF);
    mkdirSync(scratch.path(`${dir}/${file.slice(0, file.lastIndexOf('/'))}`), { recursive: true });
    symlinkSync(outsideJson, scratch.path(`${dir}/${file}`));
    const { code, stderr, all } = await scan(dir);
    expect(stderr).toEqual([refused(`${dir}/${file}`)]);
    expect(all).not.toContain(SECRET);
    expect(code).toBe(3);
  });

  it('a module directory linked outside is a gap naming the module call and the link', async () => {
    scratch.write('module-link/main.tf', `module "net" {\n  source = "./modules/net"\n}\n${QUIET_TF}`);
    mkdirSync(scratch.path('module-link/modules'));
    symlinkSync(outsideDir, scratch.path('module-link/modules/net'));
    const { code, stderr, all } = await scan('module-link');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^warden: module-link\/main\.tf:1:1: module "net": source directory module-link\/modules\/net: refused: its real path is outside the scan root/);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(outsideDir);
    expect(code).toBe(3);
  });

  it('a `../` module source that leaves the scanned directory is refused outside a git work tree…', async () => {
    scratch.write('loose/modules/net/main.tf', QUIET_TF);
    scratch.write('loose/envs/prod/main.tf', `module "net" {\n  source = "../../modules/net"\n}\n`);
    const { code, stderr } = await scan('loose/envs/prod');
    expect(stderr).toEqual([expect.stringMatching(/^warden: loose\/envs\/prod\/main\.tf:1:1: module "net": refused: /)]);
    expect(code).toBe(3);
  });

  it('…and read when the git work tree holding the directory holds it too (a `.git` found upward, git not run)', async () => {
    scratch.write('repo/modules/net/main.tf', QUIET_TF);
    scratch.write('repo/envs/prod/main.tf', `module "net" {\n  source = "../../modules/net"\n}\n`);
    mkdirSync(scratch.path('repo/.git'));
    const { code, stderr, report } = await scan('repo/envs/prod');
    expect(stderr).toEqual([]);
    expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
    expect(code).toBe(0);
  });

  it('a .tf linked to /proc/self/environ never prints a byte of the environment, syntax error or not', async () => {
    scratch.write('environ/main.tf', QUIET_TF);
    symlinkSync('/proc/self/environ', scratch.path('environ/env.tf'));
    process.env['WARDEN_TEST_SECRET'] = SECRET;
    try {
      const { stderr, all } = await scan('environ');
      expect(stderr).toEqual([refused('environ/env.tf')]);
      expect(all).not.toContain(SECRET);
      expect(all).not.toContain('PATH=');
    } finally {
      delete process.env['WARDEN_TEST_SECRET'];
    }
  });

  it('a `self -> .` link does not defeat the recursion check: the module calling itself is caught at once, on real paths', async () => {
    scratch.write('self-loop/main.tf', `module "again" {\n  source = "./self"\n}\n${QUIET_TF}`);
    symlinkSync('.', scratch.path('self-loop/self'));
    const { code, stderr } = await scan('self-loop');
    expect(stderr).toEqual(['warden: self-loop/main.tf:1:1: module "again" calls itself (or nests deeper than 16 modules)']);
    expect(code).toBe(3);
  });

  it('policy folders named by a committed warden.yaml stay inside its work tree: a folder or a policy file linked out is not loaded', async () => {
    const policy = (id: string) => `id: ${id}\ntitle: t\nseverity: high\ndescription: d\nremediation: r\nresourceTypes: [aws_vpc]\nfailWhen:\n  path: $.values.cidr_block\n  exists: true\nmessage: "${SECRET}"\n`;
    scratch.write('outside-policies/evil.policy.yaml', policy('evil'));
    const linkedFile = scratch.write('outside/linked.policy.yaml', policy('linked'));
    scratch.write('policy-repo/main.tf', QUIET_TF);
    scratch.write('policy-repo/warden.yaml', 'policyDirs: [../outside-policies, policies]\n');
    mkdirSync(scratch.path('policy-repo/.git'));
    mkdirSync(scratch.path('policy-repo/policies'));
    symlinkSync(linkedFile, scratch.path('policy-repo/policies/linked.policy.yaml'));
    const run = await runMain(['scan', '.', '--format', 'json'], scratch.path('policy-repo'));
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    // A policy that cannot be loaded is a configuration error: the run stops before scanning (exit 2).
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toEqual([expect.stringMatching(/^warden: policy not loaded: .*outside-policies: refused: its real path is outside the scan root/), expect.stringMatching(/^warden: policy not loaded: policies\/linked\.policy\.yaml: refused: its real path is outside the scan root/)]);
    expect(run.code).toBe(2);
  });
});

describe('content that names a path elsewhere', () => {
  it('a modules.json inside the root whose module Dir leads out of it is a gap naming the module', async () => {
    scratch.write('manifest-dir/main.tf', `module "net" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n${QUIET_TF}`);
    scratch.write('manifest-dir/.terraform/modules/modules.json', JSON.stringify({ Modules: [{ Key: 'net', Dir: outsideDir }] }));
    const { code, stderr, all } = await scan('manifest-dir');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^warden: manifest-dir\/main\.tf:1:1: module "net": refused: its real path is outside the scan root/);
    expect(all).not.toContain(outsideDir);
    expect(all).not.toContain(SECRET);
    expect(code).toBe(3);
  });

  it('a discovered warden.yaml linked out of the work tree is refused (exit 2), its text unread', async () => {
    scratch.write('config-link/main.tf', QUIET_TF);
    const elsewhere = scratch.write('outside/warden.yaml', `failOn: ${SECRET}\n`);
    mkdirSync(scratch.path('config-link/.git'));
    symlinkSync(elsewhere, scratch.path('config-link/warden.yaml'));
    const run = await runMain(['scan', '.'], scratch.path('config-link'));
    expect(run.stderr).toMatch(/^warden: .*config-link\/warden\.yaml: refused: its real path is outside the scan root/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.code).toBe(2);
  });
});

describe('errors never quote a file whose real path leaves the scan root', () => {
  it('a baseline named by a committed warden.yaml must lie inside its work tree: /proc/self/environ is refused, unread (exit 2)', async () => {
    scratch.write('baseline-repo/main.tf', QUIET_TF);
    scratch.write('baseline-repo/warden.yaml', 'baseline: /proc/self/environ\n');
    mkdirSync(scratch.path('baseline-repo/.git'));
    process.env['WARDEN_TEST_SECRET'] = SECRET;
    try {
      const run = await runMain(['scan', '.', '--format', 'json'], scratch.path('baseline-repo'));
      expect(run.stderr).toBe('warden: baseline /proc/self/environ: refused: its real path is outside the scan root (a symbolic link or `..` leaves the repository)\n');
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      expect(run.code).toBe(2);
    } finally {
      delete process.env['WARDEN_TEST_SECRET'];
    }
  });

  it('a baseline that is not JSON is named without the slice of it V8 quotes', async () => {
    scratch.write('baseline-bad/main.tf', QUIET_TF);
    scratch.write('baseline-bad/base.json', `${SECRET}\n`);
    const run = await runMain(['scan', '.', '--baseline', 'base.json'], scratch.path('baseline-bad'));
    expect(run.stderr).toBe('warden: baseline base.json: not valid JSON: unexpected character\n');
    expect(run.code).toBe(2);
  });

  it('a plan.json linked out of its directory is read (the user named it) but its error shows none of its text', async () => {
    const credentials = scratch.write('outside/credentials', `[default]\n{"aws_secret_access_key": ${SECRET}}\n`);
    mkdirSync(scratch.path('plan-link'));
    symlinkSync(credentials, scratch.path('plan-link/plan.json'));
    const { code, stderr, all } = await scan('plan-link/plan.json');
    expect(stderr).toEqual(['warden: plan-link/plan.json:1:2: not a readable plan or saved inventory (none of its text is shown: its real path is outside the scan root)']);
    expect(all).not.toContain(SECRET.slice(0, 4));
    expect(code).toBe(2);
  });

  it('a plan inside the scan root still gets the precise reason', async () => {
    scratch.write('plan-here/plan.json', `{"format_version": AKIA}\n`);
    const { stderr } = await scan('plan-here/plan.json');
    expect(stderr).toEqual(['warden: plan-here/plan.json:1:20: not valid JSON: expected a value, found "A"']);
  });

  it('a saved inventory that is not JSON gets the precise reason and place, without the slice of it V8 quotes', async () => {
    scratch.write('saved/inventory.json', `{"warden_inventory": 1, ${SECRET}}`);
    const { stderr, all } = await scan('saved/inventory.json');
    expect(stderr).toEqual(['warden: saved/inventory.json:1:25: saved inventory is not valid JSON: expected a property name in double quotes, found "A"']);
    expect(all).not.toContain(SECRET);
  });

  it('a .tfvars.json or .terraform/terraform.tfstate error names the problem without the slice of input V8 quotes', async () => {
    scratch.write('json-errors/main.tf', NAME_VAR + QUIET_TF);
    scratch.write('json-errors/terraform.tfvars.json', `{"name": ${SECRET}}`);
    scratch.write('json-errors/.terraform/terraform.tfstate', `{"backend": ${SECRET}}`);
    const { stderr, all } = await scan('json-errors');
    expect(stderr).toEqual(['warden: json-errors/terraform.tfvars.json:1:10: not valid JSON: expected a value, found "A"', 'warden: json-errors/.terraform/terraform.tfstate: not valid JSON (unexpected character)']);
    expect(all).not.toContain(SECRET);
  });
});
