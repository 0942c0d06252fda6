import type { TagMap } from '../../model/resource.js';
import type { Unknown } from '../../model/unknown.js';
import type { ValueObject } from '../../model/value.js';
import type { AwsObject } from './aws-object.js';
import type { Target } from './target.js';

/** The SDK service a descriptor lists from (the client package `@aws-sdk/client-<service>`). */
export type RegionalService = 'ec2' | 'rds' | 'kms' | 'cloudtrail' | 'config' | 'autoscaling' | 'redshift' | 'elbv2' | 'elb' | 'eks' | 'opensearch' | 'elasticache'
  | 'sqs'
  | 'sns'
  | 'dynamodb'
  | 'efs'
  | 'logs'
  | 'secretsmanager'
  | 'kinesis';

/**
 * One AWS resource type, described as data (Cloud Custodian style): which paginated list call returns
 * it, where the items are in a page, its AWS Config type, and how one item maps onto the Terraform
 * vocabulary of the Inventory. The generic collector (collect/collect-region.ts) and the inventory
 * builder (build-inventories.ts) are driven by a table of these.
 */
export interface ResourceDescriptor {
  /** Terraform type of the main resource, e.g. `aws_security_group`. */
  type: string;
  service: RegionalService;
  /** The list operation, e.g. `DescribeSecurityGroups`; the collector calls `paginate<operation>` (or `<operation>Command` when the API has no pages). */
  operation: string;
  /** Page size asked for (MaxResults / MaxRecords), within the API's limits. Absent: the API does not page. */
  pageSize?: number;
  /** The list call's request, when it takes one (DescribeTrails: `includeShadowTrails`). */
  input?: object;
  /**
   * AWS Config resource type, e.g. `AWS::EC2::SecurityGroup`. Absent: the Config source does not query
   * it (the recorder's own settings, which collect-config.ts reads with the Config API instead), or
   * Config does not record what the descriptor reads (snapshot and AMI permissions): `--source config`
   * then reports it as a gap.
   */
  configType?: string;
  /**
   * Region-wide calls made once beside the list call (Config's recorder status and delivery channels),
   * recorded under `service:Operation` and read in `map`/`summarise` through `MapContext.detail`.
   */
  companions?: readonly string[];
  /**
   * Per-item calls, where no list call returns what a policy needs (a KMS key's rotation status). They
   * run after the list, through the region's concurrency limit and the API call counter; each answer is
   * recorded as `{ ...response, ...request }` under `service:Operation`, so that the request's fields
   * find it again when the recording is mapped, offline.
   */
  details?: readonly DetailCall[];
  /**
   * The region's items taken together → resources about the region itself (its configuration recorder
   * coverage, the multi-region trails that log it), which exist even when the list is empty: an absence
   * has no item of its own. Called whenever the list call was read.
   */
  summarise?(items: AwsObject[], context: MapContext): LiveDraft[];
  /** Other Terraform types `map` returns besides `type` (the separately modelled associations, attachments). */
  alsoProduces?: readonly string[];
  /**
   * Terraform types that this type's items refer to and that must be read with it for a policy on it
   * to decide (a security-group rule or a route naming a managed prefix list).
   */
  needs?: readonly string[];
  /**
   * The descriptor whose detail call `operation` lists this type's items (an ALB's DescribeListeners):
   * this descriptor makes no list call of its own; its items are the pages of that detail call, recorded
   * under this descriptor's key. The lister may be one that maps nothing itself (EKS ListClusters, which
   * only names clusters); it is read whenever this type is, and its detail call only then.
   */
  listedBy?: ResourceDescriptor;
  /** The items of one page of the list response. */
  items(page: unknown): AwsObject[];
  /**
   * One item (a Describe item, or a Config `configuration` with its tags) → the resources it stands
   * for: the main one plus the ones Terraform models separately (associations, attachments).
   */
  map(item: AwsObject, context: MapContext): LiveDraft[];
}

/** One per-item call of a descriptor (see `ResourceDescriptor.details`). */
export interface DetailCall {
  operation: string;
  /**
   * The request for one listed item, or undefined when the item needs no such call (an AWS managed
   * KMS key has no rotation to read); `earlier` gives the answers of the detail calls listed before,
   * by `service:Operation`.
   */
  request(item: AwsObject, earlier: (operation: string) => AwsObject | Unknown, target: Target): Record<string, string> | undefined;
  /** Page size, when the call pages (DescribeListeners): every page is recorded, each with the request. */
  pageSize?: number;
  /**
   * The attributes of the descriptor's type that only this call fills (GetKeyRotationStatus:
   * `enable_key_rotation`): the call is skipped when no selected policy reads the type whole or one of
   * them (a policy's `readsTypes` entry `type.attribute`), and they are then Unknown. Absent: always made
   * (its answer also decides other calls, or fills what every reader needs).
   */
  fills?: readonly string[];
  /** Several items per call, where the API takes them (OpenSearch DescribeDomains: 5 names). */
  batch?: DetailBatch;
  /**
   * The SDK request for one item's request, where the call needs more than the strings that find its
   * answer again (SQS GetQueueAttributes: the list of attribute names). Default: the request itself.
   */
  input?(request: Record<string, string>): object;
}

/** How one call answers several items (see `DetailCall.batch`). */
export interface DetailBatch {
  size: number;
  /** The one request for a batch of the items' requests. */
  input(requests: readonly Record<string, string>[]): object;
  /** One response → an answer per item, each carrying its item's request fields (a DomainStatus has DomainName). */
  answers(response: AwsObject): AwsObject[];
}

/** What a mapping needs besides the item. */
export interface MapContext {
  target: Target;
  /**
   * The recorded answer of a detail call (`request`: its request fields) or a companion call (no
   * request), by `service:Operation`: the response body, or Unknown saying why there is none (not
   * called, failed with a code).
   */
  detail(key: string, request?: Record<string, string>): AwsObject | Unknown;
  /** Entries of a managed prefix list read separately (API source), or Unknown with the reason. */
  prefixListEntries(prefixListId: string): AwsObject[] | Unknown;
  /** The stale permissions DescribeStaleSecurityGroups listed for a group of a VPC (none: empty lists), or Unknown when they were not read. */
  staleRules(vpcId: string, groupId: string): StaleRules | Unknown;
  /** Every recorded page of a paginated detail call made with this request (DescribeListeners), or Unknown as `detail` says. */
  detailPages(key: string, request: Record<string, string>): AwsObject[] | Unknown;
}

/** A group's rules whose referenced group is gone (deleted, or its VPC peering is). */
export interface StaleRules {
  ingress: AwsObject[];
  egress: AwsObject[];
}

/** A resource as a descriptor produces it; live-resource.ts turns it into an Inventory Resource. */
export interface LiveDraft {
  type: string;
  /** The AWS id (`sg-…`, bucket name, DB subnet group name): becomes `values.id`. */
  id: string;
  /** The ARN, when AWS defines one: becomes `values.arn` and the address. */
  arn?: string;
  /** The address when the draft has no ARN of its own and its id alone would not be unique (bucket sub-resources). */
  address?: string;
  /** The ARN the location points at when the draft has none (an association → its route table). */
  locationArn?: string;
  /** Display name: the Name tag, the group name, or the id. */
  name: string;
  /**
   * `data` (default `managed`): a read-only copy of an account-wide setting recorded in another region,
   * or a resource nobody in the account can manage (an AWS managed KMS key), which policies that judge
   * managed resources leave out, as they leave out Terraform data sources.
   */
  mode?: 'data';
  /** Terraform-shaped attributes (without id/arn/tags, which are added from the fields above). */
  values: ValueObject;
  /** Undefined when the API object carries no tags; Unknown when they could not be read. */
  tags?: TagMap | Unknown;
  /** The API object, for declarative JSONPath policies. */
  raw: unknown;
}
