import { describe, expect, it } from 'vitest';
import { loadHclDirectory } from '../../src/engines/hcl/load-hcl.js';
import { resolvePolicyOptions } from '../../src/rules/policy-options.js';
import { runPolicies } from '../../src/rules/runner.js';
import { dbInternetReachable } from '../../policies/db-internet-reachable.js';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';

/** A database with the whole path from the internet open; `route`, `nacl` and `port` vary one link. */
function network({ route = '0.0.0.0/0', naclCidr = '0.0.0.0/0', naclAction = 'allow', naclProtocol = '-1', naclFrom = 0, naclTo = 0 } = {}): string {
  return `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "b" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "${route}"
    gateway_id = aws_internet_gateway.igw.id
  }
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.public.id
}
resource "aws_route_table_association" "b" {
  subnet_id      = aws_subnet.b.id
  route_table_id = aws_route_table.public.id
}
resource "aws_network_acl" "db" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
  ingress {
    rule_no    = 100
    action     = "${naclAction}"
    protocol   = "${naclProtocol}"
    from_port  = ${naclFrom}
    to_port    = ${naclTo}
    cidr_block = "${naclCidr}"
  }
  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}
resource "aws_security_group" "db" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_db_subnet_group" "db" {
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
}
resource "aws_db_instance" "db" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  publicly_accessible    = true
  storage_encrypted      = true
  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;
}

async function reachability(tf: string): Promise<string[]> {
  const { dir, cleanup } = sourceDir({ 'main.tf': tf });
  try {
    const inventory = (await loadHclDirectory(dir, 'src', { cwd: dir })).inventories[0]!;
    const configured = [{ policy: dbInternetReachable, options: resolvePolicyOptions(dbInternetReachable, undefined, 'test') }];
    return runPolicies(inventory, configured, 'report').findings.map((f) => `${f.verdict}: ${f.reason ?? f.message}`);
  } finally {
    cleanup();
  }
}

/** A route or network ACL entry AWS would refuse cannot close the path silently: the verdict is unknown, naming it. */
describe('impossible network inputs on the path to a database', () => {
  it('the open path is reachable (the baseline the other cases change one link of)', async () => {
    expect(await reachability(network())).toEqual([expect.stringMatching(/^fail: /)]);
  });

  it.each([
    ['a route destination that is not a CIDR', { route: '0/0' }, /"0\/0" is not a CIDR block AWS accepts/],
    ['a network ACL entry whose CIDR has no address', { naclCidr: '/0' }, /"\/0" is not a CIDR block AWS accepts/],
    ['a network ACL entry whose action is neither allow nor deny', { naclAction: 'alow' }, /alow/],
    ['a network ACL entry whose tcp range is reversed', { naclProtocol: 'tcp', naclFrom: 6000, naclTo: 22 }, /from_port 6000 is above to_port 22/],
  ])('%s', async (_name, change, reason) => {
    const found = await reachability(network(change));
    expect(found).toEqual([expect.stringMatching(/^unknown: /)]);
    expect(found[0]).toMatch(reason);
  });
});
