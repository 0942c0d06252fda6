import { bool, field, objects, str, strings, tagMap, tagsOf, type AwsObject } from '../aws-object.js';
import type { ValueObject } from '../../../model/value.js';
import type { LiveDraft, ResourceDescriptor } from '../descriptor.js';
import { displayName, ec2Arn } from './naming.js';

/**
 * DescribeRouteTables → `aws_route_table` with its `route` list, plus one `aws_route_table_association`
 * per subnet (or gateway) association and an `aws_main_route_table_association` for the VPC's main
 * table, as Terraform models them.
 */
export const routeTableDescriptor: ResourceDescriptor = {
  type: 'aws_route_table',
  service: 'ec2',
  operation: 'DescribeRouteTables',
  alsoProduces: ['aws_route_table_association', 'aws_main_route_table_association'],
  needs: ['aws_ec2_managed_prefix_list'],
  pageSize: 100,
  configType: 'AWS::EC2::RouteTable',
  items: (page) => objects(page, 'RouteTables'),
  map(item, { target }) {
    const id = str(item, 'RouteTableId');
    if (!id) return [];
    const tags = tagsOf(item) ?? tagMap([]);
    const owner = str(item, 'OwnerId');
    const vpcId = str(item, 'VpcId');
    const arn = ec2Arn(target, owner, 'route-table', id);
    const table: LiveDraft = {
      type: 'aws_route_table',
      id,
      arn,
      name: displayName(tags, id),
      values: {
        vpc_id: vpcId,
        owner_id: owner ?? target.account,
        route: objects(item, 'Routes').map(route),
        propagating_vgws: strings(item, 'PropagatingVgws', 'GatewayId'),
      },
      tags,
      raw: item,
    };
    const associations = objects(item, 'Associations')
      .filter((a) => {
        const state = str(field(a, 'AssociationState'), 'State');
        return state === null || state === 'associated';
      })
      .flatMap((a): LiveDraft[] => association(a, id, vpcId, arn));
    return [table, ...associations];
  },
};

/** One API route → one element of Terraform's `route` list (gateway endpoints go to `vpc_endpoint_id`). */
function route(r: AwsObject): ValueObject {
  const gateway = str(r, 'GatewayId');
  const endpoint = gateway?.startsWith('vpce-') ? gateway : null;
  return {
    cidr_block: str(r, 'DestinationCidrBlock'),
    ipv6_cidr_block: str(r, 'DestinationIpv6CidrBlock'),
    destination_prefix_list_id: str(r, 'DestinationPrefixListId'),
    gateway_id: endpoint ? null : gateway,
    vpc_endpoint_id: endpoint,
    nat_gateway_id: str(r, 'NatGatewayId'),
    transit_gateway_id: str(r, 'TransitGatewayId'),
    vpc_peering_connection_id: str(r, 'VpcPeeringConnectionId'),
    egress_only_gateway_id: str(r, 'EgressOnlyInternetGatewayId'),
    network_interface_id: str(r, 'NetworkInterfaceId'),
    carrier_gateway_id: str(r, 'CarrierGatewayId'),
    local_gateway_id: str(r, 'LocalGatewayId'),
    core_network_arn: str(r, 'CoreNetworkArn'),
    /** `active` or `blackhole` (the target is gone): not a Terraform attribute, kept so reachability can ignore dead routes. */
    state: str(r, 'State'),
  };
}

function association(a: AwsObject, routeTableId: string, vpcId: string | null, tableArn: string): LiveDraft[] {
  const id = str(a, 'RouteTableAssociationId');
  if (!id) return [];
  if (bool(a, 'Main') === true) {
    return [
      {
        type: 'aws_main_route_table_association',
        id,
        locationArn: tableArn,
        name: id,
        values: { vpc_id: vpcId, route_table_id: routeTableId },
        raw: a,
      },
    ];
  }
  const subnetId = str(a, 'SubnetId');
  const gatewayId = str(a, 'GatewayId');
  if (!subnetId && !gatewayId) return [];
  return [
    {
      type: 'aws_route_table_association',
      id,
      locationArn: tableArn,
      name: id,
      values: { subnet_id: subnetId, gateway_id: gatewayId, route_table_id: routeTableId },
      raw: a,
    },
  ];
}
