import type { AwsObject } from '../aws-object.js';
import type { LiveDraft } from '../descriptor.js';

/**
 * The `group = "all"` permission a public listing proves (`aws_snapshot_create_volume_permission`,
 * `aws_ami_launch_permission`), addressed under the snapshot's or image's ARN.
 */
export function everyonePermission(type: string, kind: string, target: { attribute: string; id: string; arn: string; name: string }, raw: AwsObject): LiveDraft {
  return {
    type,
    id: `${target.id}-all`,
    address: `${target.arn}#${kind}/all`,
    locationArn: target.arn,
    name: `${target.name}: anyone`,
    values: { [target.attribute]: target.id, group: 'all', account_id: null },
    raw,
  };
}
