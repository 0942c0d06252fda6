import { bool, field } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * GetEbsEncryptionByDefault (one call per region, not paged) → one `aws_ebs_encryption_by_default`
 * record for the (account, region), the Terraform type that manages the setting, so that policies read
 * it like any resource. It has no ARN: the address names account and region. AWS Config records no
 * such item, so `--source config` does not read it.
 */
export const ebsEncryptionByDefaultDescriptor: ResourceDescriptor = {
  type: 'aws_ebs_encryption_by_default',
  service: 'ec2',
  operation: 'GetEbsEncryptionByDefault',
  items: (page) => (typeof field(page, 'EbsEncryptionByDefault') === 'boolean' ? [page as Record<string, unknown>] : []),
  map(item, { target }) {
    const address = `ebs-encryption-by-default/${target.account}/${target.region}`;
    return [
      {
        type: 'aws_ebs_encryption_by_default',
        id: target.region,
        address,
        locationArn: address,
        name: `EBS encryption by default (${target.region})`,
        values: { enabled: bool(item, 'EbsEncryptionByDefault') ?? false },
        raw: item,
      },
    ];
  },
};
