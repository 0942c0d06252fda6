import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../../src/engines/load-input.js';
import { isUnknown } from '../../../src/model/unknown.js';

const ESTATE = fileURLToPath(new URL('../../../fixtures/live-estate/inventory.json', import.meta.url));

/** How the seeded estate's API responses land in the Terraform vocabulary the policies and the network model read. */
describe('live mapping of the seeded estate', async () => {
  const { inventory } = await loadInput(ESTATE, 'inventory.json');
  const one = (type: string, id: string) => inventory.ofType(type).find((r) => r.values['id'] === id)!;

  it('models route tables, their associations and the VPC main table as Terraform does', () => {
    const table = one('aws_route_table', 'rtb-0a2b4c6d8e0f1a3b5');
    expect(table.values['route']).toContainEqual(expect.objectContaining({ cidr_block: '0.0.0.0/0', gateway_id: 'igw-0e2b7d4c6a8f1b3d5', nat_gateway_id: null, state: 'active' }));
    expect(table.values['route']).toContainEqual(expect.objectContaining({ ipv6_cidr_block: '::/0', gateway_id: 'igw-0e2b7d4c6a8f1b3d5' }));
    expect(inventory.ofType('aws_route_table_association').map((a) => [a.values['subnet_id'], a.values['route_table_id']])).toEqual([
      ['subnet-0a1e3c5b7d9f2a4c6', 'rtb-0a2b4c6d8e0f1a3b5'],
      ['subnet-0b2f4d6c8e0a3b5d7', 'rtb-0a2b4c6d8e0f1a3b5'],
    ]);
    expect(inventory.ofType('aws_main_route_table_association').map((a) => a.values)).toEqual([
      { id: 'rtbassoc-0a1b2c3d4e5f60718', vpc_id: 'vpc-0c4f2a7e9b1d3a5c7', route_table_id: 'rtb-0f1a3c5e7b9d2f4a6' },
    ]);
    const vpc = one('aws_vpc', 'vpc-0c4f2a7e9b1d3a5c7');
    expect(vpc.values).toMatchObject({
      main_route_table_id: 'rtb-0f1a3c5e7b9d2f4a6',
      default_network_acl_id: 'acl-0b3d5f7a9c1e2b4d6',
      default_security_group_id: 'sg-0a1b2c3d4e5f60718',
      ipv6_cidr_block: '2a05:d018:1a2b:3c00::/56',
    });
    expect(one('aws_internet_gateway', 'igw-0e2b7d4c6a8f1b3d5').values['vpc_id']).toBe('vpc-0c4f2a7e9b1d3a5c7');
  });

  it('models the default network ACL with its entries and subnets', () => {
    const acl = one('aws_default_network_acl', 'acl-0b3d5f7a9c1e2b4d6');
    expect(acl.values['subnet_ids']).toHaveLength(4);
    expect(acl.values['ingress']).toEqual([
      { rule_no: 100, action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0', ipv6_cidr_block: null, icmp_type: null, icmp_code: null },
      { rule_no: 101, action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: null, ipv6_cidr_block: '::/0', icmp_type: null, icmp_code: null },
      { rule_no: 32767, action: 'deny', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0', ipv6_cidr_block: null, icmp_type: null, icmp_code: null },
      { rule_no: 32768, action: 'deny', protocol: '-1', from_port: 0, to_port: 0, cidr_block: null, ipv6_cidr_block: '::/0', icmp_type: null, icmp_code: null },
    ]);
  });

  it('reads entries of the prefix lists rules refer to, and leaves the others Unknown and AWS\'s untagged', () => {
    expect(one('aws_ec2_managed_prefix_list', 'pl-0a5c7e9b1d3f5a7c9').values['entry']).toEqual([
      { cidr: '198.51.100.0/24', description: 'head office' },
      { cidr: '192.0.2.64/27', description: 'VPN' },
    ]);
    const s3 = one('aws_ec2_managed_prefix_list', 'pl-6da54004');
    expect(isUnknown(s3.values['entry'])).toBe(true);
    expect(s3.tags).toBeUndefined();
  });

  it('maps an RDS instance with its port, subnet group and groups, and its interface without tags', () => {
    expect(one('aws_db_instance', 'db-ORDERS7Q2W3E4R5T6Y7U8I9O0P').values).toMatchObject({
      identifier: 'orders',
      port: 5432,
      publicly_accessible: true,
      db_subnet_group_name: 'public-db',
      vpc_security_group_ids: ['sg-0d4e5f60718293a41'],
      endpoint: 'orders.c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com:5432',
    });
    expect(one('aws_db_subnet_group', 'public-db').values['subnet_ids']).toEqual(['subnet-0a1e3c5b7d9f2a4c6', 'subnet-0b2f4d6c8e0a3b5d7']);
    const eni = one('aws_network_interface', 'eni-0b2d4f6c8e0a3b5d7');
    expect(eni.values['association']).toEqual([expect.objectContaining({ public_ip: '203.0.113.10' })]);
    expect(eni.tags).toBeUndefined();
  });

  it('maps buckets with their settings as separate resources, by name', () => {
    const state = inventory.resources.filter((r) => r.values['bucket'] === 'acme-tf-state-111122223333');
    expect(state.map((r) => [r.type, r.address])).toEqual([
      ['aws_s3_bucket', 'arn:aws:s3:::acme-tf-state-111122223333'],
      ['aws_s3_bucket_server_side_encryption_configuration', 'arn:aws:s3:::acme-tf-state-111122223333#server-side-encryption-configuration'],
      ['aws_s3_bucket_versioning', 'arn:aws:s3:::acme-tf-state-111122223333#versioning'],
      ['aws_s3_bucket_acl', 'arn:aws:s3:::acme-tf-state-111122223333#acl'],
      ['aws_s3_bucket_ownership_controls', 'arn:aws:s3:::acme-tf-state-111122223333#ownership-controls'],
      ['aws_s3_bucket_logging', 'arn:aws:s3:::acme-tf-state-111122223333#logging'],
    ]);
    expect(state[4]!.values['rule']).toEqual([{ object_ownership: 'BucketOwnerEnforced' }]);
    expect(state[5]!.values).toMatchObject({ target_bucket: 'acme-logs-111122223333', target_prefix: 'tf-state/' });
    // acme-logs has a bucket policy (kept as its JSON text) and grants the log delivery group; the state bucket has neither policy nor logging of its own target.
    const logs = inventory.buckets.find((b) => b.name === 'acme-logs-111122223333')!;
    expect(JSON.parse(String(logs.policy?.document)).Statement[0].Sid).toBe('DenyInsecureTransport');
    expect(logs.acls[0]!.grants).toEqual(expect.arrayContaining([expect.objectContaining({ uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery', permission: 'WRITE' })]));
    expect(logs.logging).toBeUndefined();
    expect(state[1]!.values['rule']).toEqual([{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256', kms_master_key_id: null }], bucket_key_enabled: false }]);
    expect(state[2]!.values['versioning_configuration']).toEqual([{ status: 'Disabled', mfa_delete: 'Disabled' }]);
    expect(inventory.resolveId('acme-logs-111122223333', ['aws_s3_bucket_public_access_block'])).toHaveLength(1);
    // The us-east-1 bucket is outside the audited region: listed, not read further, not mapped.
    expect(inventory.resources.some((r) => r.values['bucket'] === 'acme-us-archive-111122223333')).toBe(false);
  });
});
