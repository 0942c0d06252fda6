import { describe, expect, it } from 'vitest';
import { loadHclDirectory } from '../../../src/engines/hcl/load-hcl.js';
import { sourceDir } from './hcl-helpers.js';

const module = `variable "name" {\n  type = string\n}\n\nresource "aws_security_group" "this" {\n  name = var.name\n}\n`;

async function problemsOf(call: string, extra: Record<string, string> = {}): Promise<string[]> {
  const { dir, cleanup } = sourceDir({ 'main.tf': call, 'modules/sg/main.tf': module, ...extra });
  try {
    return (await loadHclDirectory(dir, 'src', { cwd: dir })).problems.map((p) => p.message);
  } finally {
    cleanup();
  }
}

/** What a module call writes that its module cannot take: Terraform refuses it, so warden may not scan on as if it were not there. */
describe('module call arguments the module cannot take', () => {
  it('a nested block inside a module call is a coverage gap naming it', async () => {
    const problems = await problemsOf(
      `module "web" {\n  source = "./modules/sg"\n  name   = "web"\n\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`,
    );
    expect(problems).toEqual([expect.stringMatching(/^main\.tf:5:3: module "web" cannot take the block "ingress": .*Terraform refuses/)]);
  });

  it('an argument the module declares no variable for is a coverage gap naming it', async () => {
    const problems = await problemsOf(`module "web" {\n  source = "./modules/sg"\n  name   = "web"\n  ingres = []\n}\n`);
    expect(problems).toEqual([expect.stringMatching(/^main\.tf:4:3: module "web" has no variable "ingres"/)]);
  });

  it('arguments the module declares and meta-arguments are fine', async () => {
    expect(await problemsOf(`module "web" {\n  source = "./modules/sg"\n  count  = 1\n  name   = "web"\n  depends_on = []\n}\n`)).toEqual([]);
  });

  it('a module with a file that does not parse is not blamed for the variables that file may declare', async () => {
    const problems = await problemsOf(`module "web" {\n  source = "./modules/sg"\n  name   = "web"\n  extra  = 1\n}\n`, { 'modules/sg/broken.tf': 'variable "extra" {\n' });
    expect(problems.some((p) => p.includes('has no variable'))).toBe(false);
    expect(problems.some((p) => p.startsWith('modules/sg/broken.tf'))).toBe(true);
  });
});
