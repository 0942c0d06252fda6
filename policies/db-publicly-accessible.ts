import { definePolicy, isUnknown } from '../src/api.js';
import { DB_EXPOSURE_FRAMEWORKS, DB_EXPOSURE_TAGS, DB_RESOURCE_TYPES } from './db-internet-reachable.js';

export const dbPubliclyAccessible = definePolicy({
  id: 'db-publicly-accessible',
  title: 'Database publicly accessible (latent exposure)',
  severity: 'medium',
  description:
    'A database instance (aws_db_instance, aws_rds_cluster_instance) has publicly_accessible = true, so RDS gives it a ' +
    'public IP address, but the rest of the path from the internet does not hold today (no internet gateway route, a ' +
    'network ACL or security group in the way). One route-table or security-group change away from exposure. Only one ' +
    'of this policy and db-internet-reachable reports a database: when the full path holds, or when it cannot be decided ' +
    '(a value known only after apply), db-internet-reachable reports it (fail or unknown) and this policy stays silent.',
  remediation:
    'Set publicly_accessible = false unless clients outside the VPC must connect directly; reach the database through ' +
    'private networking (VPN, Direct Connect, peering, AWS Systems Manager port forwarding or a bastion).',
  frameworks: DB_EXPOSURE_FRAMEWORKS,
  tags: DB_EXPOSURE_TAGS,
  resourceTypes: DB_RESOURCE_TYPES,
  check(context) {
    const network = context.inventory.network;
    for (const db of network.databases) {
      const publiclyAccessible = db.publiclyAccessible;
      const address = db.resource.address;
      if (publiclyAccessible === false) {
        context.pass({ resource: db.resource, message: `${address} is not publicly accessible` });
        continue;
      }
      const exposure = network.exposureOf(db);
      // Reachable or undecided: db-internet-reachable reports this database.
      if (exposure.status !== 'unreachable') continue;
      const why = exposure.blockers[0] ?? 'the network path does not hold';
      const evidence = [
        { path: 'publicly_accessible', value: publiclyAccessible },
        ...exposure.blockers.map((blocker) => ({ path: 'network path', value: 'broken', note: blocker })),
      ];
      if (isUnknown(publiclyAccessible)) {
        context.unknown({
          resource: db.resource,
          path: 'publicly_accessible',
          message: `cannot tell whether ${address} is publicly accessible (no network path from the internet today: ${why})`,
          reason: publiclyAccessible,
          evidence,
        });
        continue;
      }
      context.fail({
        resource: db.resource,
        path: 'publicly_accessible',
        message: `${address} is publicly accessible, though not reachable from the internet today: ${why}`,
        evidence,
      });
    }
  },
});
