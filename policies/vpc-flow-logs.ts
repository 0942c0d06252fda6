import { definePolicy, isUnknown, Unknown, type Inventory, type Resource } from '../src/api.js';

/** Flow log traffic types that record rejected packets. */
const CAPTURES_REJECTED = new Set(['ALL', 'REJECT']);
const VPC_TYPES = ['aws_vpc', 'aws_default_vpc'];

/** What the flow logs of the input say about one VPC. */
interface Coverage {
  /** A flow log recording rejected traffic of this VPC. */
  capturing?: Resource;
  /** A flow log of this VPC whose traffic type or state is known only after apply. */
  undecided?: { flowLog: Resource; reason: Unknown };
  /** Flow logs of this VPC that do not record rejected traffic (ACCEPT only, or not ACTIVE). */
  insufficient: string[];
}

export const vpcFlowLogs = definePolicy({
  id: 'vpc-flow-logs',
  title: 'VPC has no flow log capturing rejected traffic',
  severity: 'medium',
  description:
    'A VPC (aws_vpc, aws_default_vpc; live: every VPC of the region, the default VPC included) has no flow log that ' +
    'records at least rejected traffic: an aws_flow_log whose vpc_id is the VPC (by a reference such as aws_vpc.main.id, ' +
    'or by its id) with traffic_type REJECT or ALL. A flow log of ACCEPT traffic only, or of a subnet or network ' +
    'interface, does not count (CIS 3.7 and FSBP EC2.6 ask for the VPC). A VPC created in the configuration without ' +
    'such a flow log fails. Unknown at plan time: a flow log whose traffic_type is known only after apply, and a flow ' +
    'log whose vpc_id is known only after apply and names no resource of the configuration (it may cover any VPC, so ' +
    'every VPC not otherwise covered is unknown). Live: DescribeFlowLogs, counting only flow logs whose FlowLogStatus ' +
    'is ACTIVE. Security Hub EC2.6 passes on any flow log with REJECT or ALL; so does this policy, but it also reports ' +
    'which flow log covers the VPC.',
  remediation:
    'Add an aws_flow_log with vpc_id = the VPC\'s id and traffic_type = "REJECT" (or "ALL"), delivered to CloudWatch Logs ' +
    '(log_destination_type = "cloud-watch-logs" with an iam_role_arn) or to S3. In a live account: VPC console → Flow logs → ' +
    'Create flow log, filter Reject or All.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['3.7'],
    'AWS Foundational Security Best Practices': ['EC2.6'],
    'PCI DSS 4.0': ['10.2.1'],
  },
  tags: ['logging', 'network'],
  resourceTypes: ['aws_vpc', 'aws_default_vpc', 'aws_flow_log'],
  messages: {
    covered: '{{vpc}} has a flow log recording {{traffic}} traffic ({{flowLog}})',
    noFlowLog: '{{vpc}} has no flow log recording rejected traffic{{detail}}',
    flowLogUndecided: '{{vpc}}: cannot tell whether {{flowLog}} records its rejected traffic',
    vpcIdUnknown: '{{vpc}}: {{flowLog}} names a VPC known only after apply, which may be this one',
  },
  check({ inventory, pass, fail, unknown }) {
    const { byVpc, unmatched } = flowLogsByVpc(inventory);
    for (const vpc of inventory.ofType(...VPC_TYPES)) {
      if (vpc.mode !== 'managed') continue;
      const coverage = byVpc.get(vpc) ?? byVpc.get(idOf(vpc)) ?? { insufficient: [] };
      const data = { vpc: vpc.address };
      if (coverage.capturing) {
        pass({ resource: vpc, messageId: 'covered', data: { ...data, traffic: String(coverage.capturing.values['traffic_type']), flowLog: coverage.capturing.address } });
      } else if (coverage.undecided) {
        const { flowLog, reason } = coverage.undecided;
        unknown({ resource: vpc, locationOf: flowLog, path: 'traffic_type', messageId: 'flowLogUndecided', data: { ...data, flowLog: flowLog.address }, reason });
      } else if (unmatched[0]) {
        const { flowLog, reason } = unmatched[0];
        unknown({ resource: vpc, locationOf: flowLog, path: 'vpc_id', messageId: 'vpcIdUnknown', data: { ...data, flowLog: flowLog.address }, reason });
      } else {
        const detail = coverage.insufficient.length > 0 ? ` (${coverage.insufficient.join('; ')})` : '';
        fail({
          resource: vpc,
          messageId: 'noFlowLog',
          data: { ...data, detail },
          evidence: [{ path: 'aws_flow_log.vpc_id', value: null, note: coverage.insufficient.length > 0 ? coverage.insufficient.join('; ') : 'no aws_flow_log names this VPC' }],
        });
      }
    }
  },
});

/**
 * Every VPC flow log, indexed once by the VPC resource (reference or id) or by a known VPC id that
 * no resource of the input has; flow logs whose VPC cannot be told at all are `unmatched`.
 */
function flowLogsByVpc(inventory: Inventory): { byVpc: Map<Resource | string, Coverage>; unmatched: { flowLog: Resource; reason: Unknown }[] } {
  const byVpc = new Map<Resource | string, Coverage>();
  const unmatched: { flowLog: Resource; reason: Unknown }[] = [];
  for (const flowLog of inventory.ofType('aws_flow_log')) {
    if (flowLog.mode !== 'managed') continue;
    const vpcId = flowLog.values['vpc_id'];
    if (vpcId === null || vpcId === undefined || vpcId === '') continue; // a subnet, interface or transit gateway flow log
    const vpcs = inventory.resolve(flowLog, 'vpc_id', VPC_TYPES);
    if (isUnknown(vpcs)) {
      unmatched.push({ flowLog, reason: vpcs });
      continue;
    }
    const keys: (Resource | string)[] = vpcs.length > 0 ? vpcs : typeof vpcId === 'string' ? [vpcId] : [];
    for (const key of keys) {
      const coverage = byVpc.get(key) ?? { insufficient: [] };
      byVpc.set(key, coverage);
      record(coverage, flowLog);
    }
  }
  return { byVpc, unmatched };
}

function record(coverage: Coverage, flowLog: Resource): void {
  const traffic = flowLog.values['traffic_type'];
  const status = flowLog.values['flow_log_status'];
  if (isUnknown(traffic)) {
    coverage.undecided ??= { flowLog, reason: traffic };
  } else if (typeof traffic !== 'string' || !CAPTURES_REJECTED.has(traffic.toUpperCase())) {
    coverage.insufficient.push(`${flowLog.address} records ${typeof traffic === 'string' ? traffic : 'no traffic type'} only`);
  } else if (typeof status === 'string' && status !== 'ACTIVE') {
    coverage.insufficient.push(`${flowLog.address} is ${status}`);
  } else {
    coverage.capturing ??= flowLog;
  }
}

function idOf(vpc: Resource): string {
  const id = vpc.values['id'];
  return typeof id === 'string' ? id : '';
}
