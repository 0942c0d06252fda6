import { afterAll, describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runScan } from '../../src/scan/run-scan.js';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';

const MAIN = `resource "aws_instance" "bastion" {
  ami       = "ami-0a1b2c3d4e5f60718"
  subnet_id = "subnet-0a1b2c3d4e5f60718"
}

resource "aws_eip" "bastion" {
  domain   = "vpc"
  instance = aws_instance.bastion.id
}

resource "aws_instance" "jump" {
  ami       = "ami-0a1b2c3d4e5f60718"
  subnet_id = "subnet-0a1b2c3d4e5f60718"
}

resource "aws_eip" "jump" {
  domain = "vpc"
}

resource "aws_eip_association" "jump" {
  allocation_id = aws_eip.jump.id
  instance_id   = aws_instance.jump.id
}
`;

const tree = sourceDir({ 'main.tf': MAIN });
afterAll(() => tree.cleanup());

describe('public-ip-by-default on an instance with an Elastic IP', () => {
  it('points at the attribute that attaches the address (what a reviewer removes), not at the instance block', async () => {
    const policies = selectPolicies(builtinPolicies, {}, { only: ['public-ip-by-default'] });
    const result = await runScan({ paths: [tree.dir], cwd: tree.dir, policies, config: {} });
    const located = result.findings
      .filter((f) => f.verdict === 'fail')
      .map((f) => [f.resource.address, f.location?.kind === 'source' ? f.location.startLine : undefined, f.evidence?.[0]?.path]);
    expect(located).toEqual([
      ['aws_instance.bastion', 8, 'aws_eip.bastion.instance'],
      ['aws_instance.jump', 22, 'aws_eip_association.jump.instance_id'],
    ]);
  });
});
