import { field, num, str } from '../aws-object.js';
import type { Value } from '../../../model/value.js';

/**
 * An API `MetadataOptions` object (instances, launch template data, launch configurations) → the
 * Terraform `metadata_options` block list; no object is no block (the launch leaves it to the AMI and
 * the account's instance metadata defaults).
 */
export function metadataOptionsBlock(item: unknown): Value {
  const metadata = field(item, 'MetadataOptions');
  if (metadata === undefined || metadata === null) return [];
  return [
    {
      http_endpoint: str(metadata, 'HttpEndpoint'),
      http_tokens: str(metadata, 'HttpTokens'),
      http_put_response_hop_limit: num(metadata, 'HttpPutResponseHopLimit'),
      instance_metadata_tags: str(metadata, 'InstanceMetadataTags'),
    },
  ];
}
