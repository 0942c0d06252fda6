import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

/**
 * Issue 16's list mixed into one realistic tree (test/fixtures/catalogue/issue16-bad), scanned through
 * the CLI as a user would: every misconfiguration must come out once, at its line, and nothing else;
 * the same stack fixed (issue16-good) must come out clean. The table is written from the issue and
 * the policy descriptions, not from the output.
 */
const BAD = 'test/fixtures/catalogue/issue16-bad';
const GOOD = 'test/fixtures/catalogue/issue16-good';

/** policy, severity, file:line, resource, the attribute the finding names (its first evidence path). */
type Row = readonly [string, string, string, string, string];

const EXPECTED_BAD: readonly Row[] = [
  // network.tf
  ['vpc-flow-logs', 'medium', 'network.tf:1', 'aws_vpc.main', 'aws_flow_log.vpc_id'],
  ['public-ip-by-default', 'low', 'network.tf:19', 'aws_subnet.public_a', 'map_public_ip_on_launch'],

  // network-acls.tf: the three ACL shapes; aws_network_acl.app denies 22 and 3389 before its allow-all
  // and passes, and so does 3389 on aws_network_acl.public (rule 90 before the ephemeral range). Each
  // finding points at the open entry's cidr_block, inline or in the aws_network_acl_rule.
  ['nacl-admin-ports-open', 'high', 'network-acls.tf:10', 'aws_default_network_acl.default', 'ingress.0'],
  ['nacl-admin-ports-open', 'high', 'network-acls.tf:45', 'aws_network_acl.public', 'ingress.1'],
  ['nacl-admin-ports-open', 'high', 'network-acls.tf:156', 'aws_network_acl.data', 'aws_network_acl_rule.data_vendor_rdp'],

  // security-groups.tf: each rule of the default group is one finding.
  ['default-sg-restricts-all', 'high', 'security-groups.tf:6', 'aws_default_security_group.default', 'ingress.0'],
  ['default-sg-restricts-all', 'high', 'security-groups.tf:13', 'aws_default_security_group.default', 'egress.0'],
  // By design (DESIGN §3, instance-admin-port-reachable and db-internet-reachable descriptions):
  // sg-open-ingress reports the rule itself, the reachability policies the proven path to a target.
  // Both it and db-tier-admits-cidr point at the rule's cidr_ipv4 line.
  ['sg-open-ingress', 'high', 'security-groups.tf:84', 'aws_security_group.bastion', 'aws_vpc_security_group_ingress_rule.bastion_ssh.cidr_ipv4'],
  ['sg-open-ingress', 'high', 'security-groups.tf:167', 'aws_security_group.redshift', 'aws_vpc_security_group_ingress_rule.redshift_bi.cidr_ipv4'],
  // Three-tier isolation is about CIDR sources of any kind (db-tier-admits-cidr description: "whether
  // the range is private does not matter"), so the world-open Redshift rule is one too.
  ['db-tier-admits-cidr', 'medium', 'security-groups.tf:167', 'aws_redshift_cluster.analytics', 'cidr_ipv4'],
  ['db-tier-admits-cidr', 'medium', 'security-groups.tf:195', 'aws_docdb_cluster_instance.catalogue', 'cidr_ipv4'],

  // compute.tf
  ['ebs-encryption-by-default', 'medium', 'compute.tf:3', 'aws_ebs_encryption_by_default.this', 'enabled'],
  ['instance-admin-port-reachable', 'critical', 'compute.tf:6', 'aws_instance.bastion', 'aws_eip.bastion.instance'],
  ['public-ip-by-default', 'low', 'compute.tf:25', 'aws_instance.bastion', 'aws_eip.bastion.instance'],
  ['public-ip-by-default', 'low', 'compute.tf:34', 'aws_instance.web', 'associate_public_ip_address'],
  ['imdsv2-required', 'high', 'compute.tf:55', 'aws_instance.app', 'metadata_options.0.http_tokens'],
  ['ebs-unencrypted', 'medium', 'compute.tf:60', 'aws_instance.app', 'root_block_device.0.encrypted'],
  ['snapshot-public', 'critical', 'compute.tf:87', 'aws_snapshot_create_volume_permission.reports_partner', 'group'],
  ['snapshot-public', 'high', 'compute.tf:97', 'aws_ami_launch_permission.app_marketplace', 'group'],
  ['public-ip-by-default', 'low', 'compute.tf:106', 'aws_launch_template.workers', 'network_interfaces.0.associate_public_ip_address'],
  ['imdsv2-required', 'high', 'compute.tf:111', 'aws_launch_template.workers', 'metadata_options.0.http_tokens'],
  // encrypted is not set: the device follows encryption by default, which compute.tf:3 turns off.
  ['launch-block-device-unencrypted', 'medium', 'compute.tf:117', 'aws_launch_template.workers', 'block_device_mappings.0.ebs.0.encrypted'],
  // http_tokens is not set and the AMI is a literal id: AWS allows IMDSv1.
  ['imdsv2-required', 'high', 'compute.tf:146', 'aws_launch_configuration.batch', 'metadata_options.0.http_tokens'],

  // data-stores.tf: the Redshift path is proven (public subnets, the NACL's ephemeral range admits
  // 5439), so db-internet-reachable fails and db-publicly-accessible stays silent; the Neptune
  // instance is public in subnets without an internet route: the latent exposure, and only that.
  ['db-internet-reachable', 'critical', 'data-stores.tf:39', 'aws_redshift_cluster.analytics', 'publicly_accessible'],
  // No cluster_parameter_group_name: default.redshift-1.0, where require_ssl is false (Redshift.2).
  ['redshift-require-ssl', 'medium', 'data-stores.tf:30', 'aws_redshift_cluster.analytics', 'cluster_parameter_group_name'],
  ['db-publicly-accessible', 'medium', 'data-stores.tf:62', 'aws_neptune_cluster_instance.graph', 'publicly_accessible'],
  ['encryption-in-transit', 'medium', 'data-stores.tf:101', 'aws_elasticache_replication_group.sessions', 'transit_encryption_enabled'],
  ['opensearch-outside-vpc', 'high', 'data-stores.tf:105', 'aws_opensearch_domain.logs', 'vpc_options'],
  ['encryption-in-transit', 'medium', 'data-stores.tf:124', 'aws_opensearch_domain.logs', 'node_to_node_encryption.0.enabled'],

  // eks.tf: neither endpoint_public_access nor public_access_cidrs is set (public, from 0.0.0.0/0).
  ['eks-endpoint-public', 'high', 'eks.tf:11', 'aws_eks_cluster.platform', 'vpc_config.0.public_access_cidrs'],

  // load-balancers.tf
  ['alb-drop-invalid-headers', 'medium', 'load-balancers.tf:1', 'aws_lb.web', 'drop_invalid_header_fields'],
  ['lb-http-not-redirected', 'medium', 'load-balancers.tf:32', 'aws_lb_listener.http', 'default_action.0.type'],
  ['lb-tls-policy-outdated', 'medium', 'load-balancers.tf:41', 'aws_lb_listener.https', 'ssl_policy'],
  ['elb-classic-listener-not-tls', 'medium', 'load-balancers.tf:59', 'aws_elb.legacy', 'listener.0.lb_protocol'],
];

interface JsonFinding {
  ruleId: string;
  severity: string;
  verdict: string;
  message: string;
  resource: { address: string };
  location?: { file: string; startLine: number };
  evidence?: { path: string }[];
}

interface JsonReport {
  inputs: { status: string }[];
  coverage: { complete: boolean };
  findings: JsonFinding[];
}

async function scan(tree: string): Promise<{ code: number; report: JsonReport }> {
  const run = await runMain(['scan', tree, '--format', 'json'], REPO);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

/** Every finding that is not a pass, as a table row (the verdict is checked separately). */
function rows(report: JsonReport, tree: string): Row[] {
  return report.findings.map((f) => [
    f.ruleId,
    f.severity,
    `${(f.location?.file ?? '?').replace(`${tree}/`, '')}:${f.location?.startLine ?? '?'}`,
    f.resource.address,
    f.evidence?.[0]?.path ?? '',
  ]);
}

const byPlace = (a: Row, b: Row): number => a.join('|').localeCompare(b.join('|'));

describe('issue 16, mixed into one source tree', () => {
  let bad: { code: number; report: JsonReport };
  let good: { code: number; report: JsonReport };
  beforeAll(async () => {
    bad = await scan(BAD);
    good = await scan(GOOD);
  });

  it('the bad tree gives exactly the expected table: each misconfiguration once, at its line', () => {
    expect(bad.report.inputs.map((i) => i.status)).toEqual(['scanned']);
    expect(bad.report.coverage.complete).toBe(true);
    expect(bad.report.findings.filter((f) => f.verdict !== 'fail').map((f) => `${f.ruleId} ${f.resource.address}: ${f.message}`)).toEqual([]);
    expect(rows(bad.report, BAD).sort(byPlace)).toEqual([...EXPECTED_BAD].sort(byPlace));
    expect(bad.code).toBe(1);
  });

  it('a publicly accessible database fails in exactly one of db-internet-reachable and db-publicly-accessible', () => {
    const pair = bad.report.findings.filter((f) => f.ruleId === 'db-internet-reachable' || f.ruleId === 'db-publicly-accessible');
    const perDatabase = new Map<string, string[]>();
    for (const f of pair) perDatabase.set(f.resource.address, [...(perDatabase.get(f.resource.address) ?? []), f.ruleId]);
    expect(Object.fromEntries(perDatabase)).toEqual({
      'aws_redshift_cluster.analytics': ['db-internet-reachable'],
      'aws_neptune_cluster_instance.graph': ['db-publicly-accessible'],
    });
  });

  it('the fixed tree gives no finding at all, and exits 0', () => {
    expect(good.report.inputs.map((i) => i.status)).toEqual(['scanned']);
    expect(good.report.coverage.complete).toBe(true);
    expect(rows(good.report, GOOD)).toEqual([]);
    expect(good.code).toBe(0);
  });
});
