import { isDefaultRedshiftParameterGroup } from '../../../model/redshift-parameter-groups.js';
import { isUnknown, type Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { objects, str, tagsOf, type AwsObject } from '../aws-object.js';
import type { MapContext, ResourceDescriptor } from '../descriptor.js';

const PARAMETERS_KEY = 'redshift:DescribeClusterParameters';

/** A non-default group's name as the request of its DescribeClusterParameters (default groups need no call). */
function parametersRequest(item: AwsObject): Record<string, string> | undefined {
  const name = str(item, 'ParameterGroupName');
  return name && !isDefaultRedshiftParameterGroup(name) ? { ParameterGroupName: name } : undefined;
}

/**
 * Redshift DescribeClusterParameterGroups → `aws_redshift_parameter_group` (`id` = name, as in
 * Terraform). The list names the groups only, so each non-default group costs one paginated
 * DescribeClusterParameters (its `parameter` blocks: require_ssl for Redshift.2). A default group's
 * parameters are the engine defaults, which Terraform shows as no `parameter` block: no call.
 */
export const redshiftParameterGroupDescriptor: ResourceDescriptor = {
  type: 'aws_redshift_parameter_group',
  service: 'redshift',
  operation: 'DescribeClusterParameterGroups',
  pageSize: 100,
  configType: 'AWS::Redshift::ClusterParameterGroup',
  details: [{ operation: 'DescribeClusterParameters', pageSize: 100, request: parametersRequest }],
  items: (page) => objects(page, 'ParameterGroups'),
  map(item, context) {
    const name = str(item, 'ParameterGroupName');
    if (!name) return [];
    const tags = tagsOf(item);
    const { target } = context;
    return [
      {
        type: 'aws_redshift_parameter_group',
        id: name,
        arn: `arn:${target.partition}:redshift:${target.region}:${target.account}:parametergroup:${name}`,
        name,
        values: {
          name,
          family: str(item, 'ParameterGroupFamily'),
          description: str(item, 'Description'),
          parameter: isDefaultRedshiftParameterGroup(name) ? [] : parametersOf(context, name),
        },
        ...(tags ? { tags } : {}),
        raw: item,
      },
    ];
  },
};

/** `parameter`: `[{ name, value }]` from every page of DescribeClusterParameters; Unknown when not read (denied; the Config source does not call it). */
function parametersOf(context: MapContext, name: string): Value | Unknown {
  const pages = context.detailPages(PARAMETERS_KEY, { ParameterGroupName: name });
  if (isUnknown(pages)) return pages;
  return pages.flatMap((page) => objects(page, 'Parameters')).flatMap(parameterBlock);
}

function parameterBlock(parameter: AwsObject): { name: string; value: string | null }[] {
  const name = str(parameter, 'ParameterName');
  return name ? [{ name, value: str(parameter, 'ParameterValue') }] : [];
}
