import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';
import type { NetworkView } from '../network/network-view.js';

/** Whether a subnet is public: its route table (explicit, else the VPC main table) has a route to an internet gateway. */
export interface SubnetExposure {
  exposure: 'public' | 'private' | 'unknown';
  reason?: string;
  routeTable: Resource | undefined;
}

export function subnetExposure(view: NetworkView, subnet: Resource, vpc: Resource): SubnetExposure {
  const choice = view.routeTables.tableOf(subnet, vpc);
  if (isUnknown(choice)) return { exposure: 'unknown', reason: choice.reason, routeTable: undefined };
  // The main table AWS creates with a new VPC holds only the local routes.
  if (!choice.table) return { exposure: 'private', routeTable: undefined };
  const { routes, doubts } = view.routeTables.routesOf(choice.table);
  const toGateway = routes.filter((r) => r.target.kind === 'internet-gateway' || r.target.kind === 'internet-gateway-id');
  if (toGateway.some((r) => r.presence === true)) return { exposure: 'public', routeTable: choice.table };
  const doubt = doubts[0] ?? routes.map((r) => (r.target.kind === 'unknown' ? r.target.why : isUnknown(r.presence) ? r.presence : undefined)).find((u) => u !== undefined);
  if (doubt) return { exposure: 'unknown', reason: doubt.reason, routeTable: choice.table };
  return { exposure: 'private', routeTable: choice.table };
}
