import { num, objects, str, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/** Which Terraform attribute of aws_flow_log names the resource a flow log watches, by the id's prefix. */
const ATTACHED_TO: readonly [string, string][] = [
  ['vpc-', 'vpc_id'],
  ['subnet-', 'subnet_id'],
  ['eni-', 'eni_id'],
  ['tgw-attach-', 'transit_gateway_attachment_id'],
  ['tgw-', 'transit_gateway_id'],
];

/**
 * DescribeFlowLogs → `aws_flow_log`. `ResourceId` becomes `vpc_id`, `subnet_id`, `eni_id` … by its
 * prefix, as Terraform writes it; `flow_log_status` (ACTIVE, or not) has no Terraform attribute and is
 * only known live.
 */
export const flowLogDescriptor: ResourceDescriptor = {
  type: 'aws_flow_log',
  service: 'ec2',
  operation: 'DescribeFlowLogs',
  pageSize: 1000,
  configType: 'AWS::EC2::FlowLog',
  items: (page) => objects(page, 'FlowLogs'),
  map(item, { target }) {
    const id = str(item, 'FlowLogId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const watched = str(item, 'ResourceId');
    const attachment: Record<string, string | null> = Object.fromEntries(ATTACHED_TO.map(([, attribute]) => [attribute, null]));
    const match = watched ? ATTACHED_TO.find(([prefix]) => watched.startsWith(prefix)) : undefined;
    if (match) attachment[match[1]] = watched;
    return [
      {
        type: 'aws_flow_log',
        id,
        arn: ec2Arn(target, null, 'vpc-flow-log', id),
        name: displayName(tags, id),
        values: {
          ...attachment,
          traffic_type: str(item, 'TrafficType'),
          log_destination_type: str(item, 'LogDestinationType'),
          log_destination: str(item, 'LogDestination'),
          log_group_name: str(item, 'LogGroupName'),
          iam_role_arn: str(item, 'DeliverLogsPermissionArn'),
          max_aggregation_interval: num(item, 'MaxAggregationInterval'),
          log_format: str(item, 'LogFormat'),
          flow_log_status: str(item, 'FlowLogStatus'),
          deliver_logs_status: str(item, 'DeliverLogsStatus'),
        },
        tags,
        raw: item,
      },
    ];
  },
};
