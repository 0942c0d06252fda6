import { definePolicy, isUnknown, knownString, listOf, type PolicyContext, type Resource, type Severity } from '../src/api.js';

/** A resource type that can make a snapshot or image public, and how. */
interface Sharing {
  type: string;
  what: string;
  severity: Severity;
  /** The attribute whose value `all` means everyone. */
  attribute: 'group' | 'shared_accounts';
  control: string;
}

const SHARINGS: readonly Sharing[] = [
  { type: 'aws_snapshot_create_volume_permission', what: 'EBS snapshot', severity: 'critical', attribute: 'group', control: 'EC2.1' },
  { type: 'aws_ami_launch_permission', what: 'AMI', severity: 'high', attribute: 'group', control: 'AMI shared with all' },
  { type: 'aws_db_snapshot', what: 'RDS DB snapshot', severity: 'critical', attribute: 'shared_accounts', control: 'RDS.1' },
  { type: 'aws_db_cluster_snapshot', what: 'RDS DB cluster snapshot', severity: 'critical', attribute: 'shared_accounts', control: 'RDS.1' },
];

/** The attribute naming the snapshot or image, whichever the type has. */
const ID_ATTRIBUTES = ['image_id', 'snapshot_id', 'db_snapshot_identifier', 'db_cluster_snapshot_identifier'];

export const snapshotPublic = definePolicy({
  id: 'snapshot-public',
  title: 'Snapshot or AMI is public',
  severity: 'critical',
  description:
    'A snapshot or machine image can be restored or launched by every AWS account. EBS snapshots (FSBP EC2.1, ' +
    'critical): an aws_snapshot_create_volume_permission with group = "all"; live, DescribeSnapshots(OwnerIds self, ' +
    'RestorableByUserIds all), one paginated call per region. AMIs (high; Security Hub has no control, Trusted Advisor ' +
    'and Prowler flag it): an aws_ami_launch_permission with group = "all"; live, DescribeImages(Owners self, ' +
    'ExecutableUsers all). RDS DB and cluster snapshots (FSBP RDS.1, critical): aws_db_snapshot / aws_db_cluster_snapshot ' +
    'whose shared_accounts contains "all"; live, the restore attribute of each manual snapshot (RDS has no list call ' +
    'that returns it: one Describe{DB,DBCluster}SnapshotAttributes call per manual snapshot, bounded). Sharing with ' +
    'named accounts passes (with the accounts in the pass text). Note that the provider\'s ' +
    'aws_snapshot_create_volume_permission takes only account_id, so in Terraform source a public EBS snapshot shows ' +
    'only if a group attribute is written; live audits find them all. Unknown: a group or shared_accounts known only ' +
    'after apply, and, with --source config, everything (AWS Config records no snapshot or AMI permissions: a gap).',
  remediation:
    'Remove the public permission: delete the aws_ami_launch_permission / aws_snapshot_create_volume_permission with ' +
    'group = "all" (or share with account_id / organization_arn instead) and remove "all" from shared_accounts. Live: ' +
    'aws ec2 modify-snapshot-attribute --attribute createVolumePermission --operation-type remove --group-names all; ' +
    'aws ec2 modify-image-attribute --launch-permission "Remove=[{Group=all}]"; aws rds ' +
    'modify-db-snapshot-attribute --attribute-name restore --values-to-remove all. Turn on block public access for ' +
    'EBS snapshots and AMIs in every region.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['EC2.1', 'RDS.1'],
    'PCI DSS 4.0': ['1.4.4', '7.2.1'],
  },
  tags: ['public-access', 'storage'],
  resourceTypes: SHARINGS.map((s) => s.type),
  messages: {
    public: '{{resource}} makes the {{what}} {{target}} public: every AWS account may use it ({{control}})',
    notPublic: '{{resource}}: the {{what}} {{target}} is shared with {{with}}, not with everyone',
    undecided: '{{resource}}: cannot tell whether the {{what}} {{target}} is public',
  },
  check(context) {
    for (const sharing of SHARINGS) {
      for (const resource of context.inventory.ofType(sharing.type)) if (resource.mode === 'managed') checkSharing(context, resource, sharing);
    }
  },
});

function checkSharing(context: PolicyContext<object>, resource: Resource, sharing: Sharing): void {
  const { attribute } = sharing;
  const value = resource.values[attribute];
  const id = ID_ATTRIBUTES.map((name) => resource.values[name]).find((v) => v !== undefined && v !== null);
  const data = { resource: resource.address, what: sharing.what, target: knownString(id) ?? '(id known after apply)', control: sharing.control };
  const values = attribute === 'group' ? (isUnknown(value) ? value : [value]) : listOf(value);
  if (isUnknown(values)) {
    context.unknown({ resource, severity: sharing.severity, path: attribute, messageId: 'undecided', data, reason: values });
    return;
  }
  const unknownEntry = values.find(isUnknown);
  if (values.includes('all')) {
    context.fail({ resource, severity: sharing.severity, path: attribute, element: `${attribute} all`, messageId: 'public', data, evidence: [{ path: attribute, value: value ?? null }] });
  } else if (unknownEntry) {
    context.unknown({ resource, severity: sharing.severity, path: attribute, messageId: 'undecided', data, reason: unknownEntry });
  } else {
    const accounts = attribute === 'group' ? [resource.values['account_id'], resource.values['organization_arn'], resource.values['organizational_unit_arn']] : values;
    const named = accounts.filter((a): a is string => typeof a === 'string' && a !== '');
    context.pass({ resource, messageId: 'notPublic', data: { ...data, with: named.length > 0 ? named.join(', ') : 'no one' } });
  }
}
