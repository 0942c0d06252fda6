import { definePolicy, networkOf, isUnknown } from '../src/api.js';
import { DB_EXPOSURE_FRAMEWORKS, DB_EXPOSURE_TAGS, DB_RESOURCE_TYPES } from './db-internet-reachable.js';

export const dbPubliclyAccessible = definePolicy({
  id: 'db-publicly-accessible',
  title: 'Database publicly accessible (latent exposure)',
  severity: 'medium',
  description:
    'A database (aws_db_instance, aws_rds_cluster_instance, a Multi-AZ DB cluster: aws_rds_cluster with ' +
    'db_cluster_instance_class, aws_redshift_cluster, aws_neptune_cluster_instance) has publicly_accessible = true, so AWS gives it a ' +
    'public IP address, but the full path from the internet is not proven. It fails when the path is broken today (no ' +
    'internet gateway route, a network ACL or security group in the way: one route-table or security-group change away ' +
    'from exposure; the message names the broken link) and when the path cannot be decided (the DB subnet group, its ' +
    'network or a rule is not in the inventory or known only after apply, or the instance sits in the default VPC; the ' +
    'message and evidence name the unknown link, and db-internet-reachable reports its unknown beside it). When the whole ' +
    'path is proven, db-internet-reachable fails instead and this policy stays silent: at most one failing finding per ' +
    'database from the two policies. When publicly_accessible itself is known only after apply, the verdict is unknown; ' +
    'so it is for a Redshift cluster that leaves publicly_accessible unset in source (provider v5 defaults it to true, v6 to ' +
    'false). Together with db-internet-reachable this covers FSBP RDS.2 and Redshift.1, which check the attribute alone.',
  remediation:
    'Set publicly_accessible = false unless clients outside the VPC must connect directly; reach the database through ' +
    'private networking (VPN, Direct Connect, peering, AWS Systems Manager port forwarding or a bastion).',
  frameworks: DB_EXPOSURE_FRAMEWORKS,
  tags: DB_EXPOSURE_TAGS,
  resourceTypes: DB_RESOURCE_TYPES,
  messages: {
    notPublic: '{{database}} is not publicly accessible',
    pathUnknown: '{{database}} is publicly accessible; whether the internet reaches it cannot be decided: {{doubt}}',
    publicUnknown: 'cannot tell whether {{database}} is publicly accessible (no network path from the internet today: {{blocker}})',
    latentExposure: '{{database}} is publicly accessible, though not reachable from the internet today: {{blocker}}',
  },
  check(context) {
    const network = networkOf(context.inventory);
    for (const db of network.databases) {
      const publiclyAccessible = db.publiclyAccessible;
      const address = db.resource.address;
      if (publiclyAccessible === false) {
        context.pass({ resource: db.resource, messageId: 'notPublic', data: { database: address } });
        continue;
      }
      const exposure = network.exposureOf(db);
      // A proven path is db-internet-reachable's failure (critical); so is any verdict on an undecided publicly_accessible.
      if (exposure.status === 'reachable') continue;
      if (exposure.status === 'unknown') {
        if (isUnknown(publiclyAccessible)) continue;
        // Public, and the path undecided: a public address is exposure enough to fail, naming what is unknown.
        const doubts = exposure.doubts.map((d) => d.reason);
        context.fail({
          resource: db.resource,
          path: 'publicly_accessible',
          messageId: 'pathUnknown',
          data: { database: address, doubt: doubts[0] ?? 'the network path is not known' },
          evidence: [
            { path: 'publicly_accessible', value: publiclyAccessible },
            ...doubts.map((doubt) => ({ path: 'network path', value: 'unknown', note: doubt })),
          ],
        });
        continue;
      }
      const why = exposure.blockers[0] ?? 'the network path does not hold';
      const evidence = [
        { path: 'publicly_accessible', value: publiclyAccessible },
        ...exposure.blockers.map((blocker) => ({ path: 'network path', value: 'broken', note: blocker })),
      ];
      if (isUnknown(publiclyAccessible)) {
        context.unknown({
          resource: db.resource,
          path: 'publicly_accessible',
          messageId: 'publicUnknown',
          data: { database: address, blocker: why },
          reason: publiclyAccessible,
          evidence,
        });
        continue;
      }
      context.fail({
        resource: db.resource,
        path: 'publicly_accessible',
        messageId: 'latentExposure',
        data: { database: address, blocker: why },
        evidence,
      });
    }
  },
});
