import { field, num, str } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * GetInstanceMetadataDefaults (one call per region, not paged) → one `aws_ec2_instance_metadata_defaults`
 * record for the (account, region): the IMDS settings a launch gets when neither its parameters nor
 * its AMI set them. `no-preference` is kept as AWS says it (no default). No ARN, no Config item.
 */
export const instanceMetadataDefaultsDescriptor: ResourceDescriptor = {
  type: 'aws_ec2_instance_metadata_defaults',
  service: 'ec2',
  operation: 'GetInstanceMetadataDefaults',
  items: (page) => (field(page, 'AccountLevel') !== undefined ? [page as Record<string, unknown>] : []),
  map(item, { target }) {
    const settings = field(item, 'AccountLevel');
    const address = `instance-metadata-defaults/${target.account}/${target.region}`;
    return [
      {
        type: 'aws_ec2_instance_metadata_defaults',
        id: target.region,
        address,
        locationArn: address,
        name: `instance metadata defaults (${target.region})`,
        values: {
          http_tokens: str(settings, 'HttpTokens') ?? 'no-preference',
          http_endpoint: str(settings, 'HttpEndpoint') ?? 'no-preference',
          http_put_response_hop_limit: num(settings, 'HttpPutResponseHopLimit') ?? -1,
          instance_metadata_tags: str(settings, 'InstanceMetadataTags') ?? 'no-preference',
        },
        raw: item,
      },
    ];
  },
};
