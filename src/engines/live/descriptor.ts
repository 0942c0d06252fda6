import type { TagMap } from '../../model/resource.js';
import type { Unknown } from '../../model/unknown.js';
import type { ValueObject } from '../../model/value.js';
import type { AwsObject } from './aws-object.js';
import type { Target } from './target.js';

/** The SDK service a descriptor lists from (the client package `@aws-sdk/client-<service>`). */
export type RegionalService = 'ec2' | 'rds' | 'eks' | 'opensearch' | 'elasticache';

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
  /** Fixed input of the list call, e.g. DescribeSnapshots' `{ OwnerIds: ['self'], RestorableByUserIds: ['all'] }`. */
  input?: Readonly<Record<string, unknown>>;
  /**
   * For services whose list call only names the resources (EKS ListClusters, OpenSearch ListDomainNames):
   * that call; `operation` is then the per-resource describe call, sent once per `batch` names through the
   * region's concurrency limit and counted like every call (docs/audit.md lists its cost).
   */
  listedBy?: ListedBy;
  /**
   * AWS Config resource type, e.g. `AWS::EC2::SecurityGroup`. Absent when Config does not record what
   * the descriptor reads (snapshot and AMI permissions): `--source config` then reports it as a gap.
   */
  configType?: string;
  /** Other Terraform types `map` returns besides `type` (the separately modelled associations, attachments). */
  alsoProduces?: readonly string[];
  /**
   * Terraform types that this type's items refer to and that must be read with it for a policy on it
   * to decide (a security-group rule or a route naming a managed prefix list).
   */
  needs?: readonly string[];
  /** The items of one page of the list response. */
  items(page: unknown): AwsObject[];
  /** Bare items → response pages of `operation`, where a page is not `{ <Listed>: items }` (hand-written recordings, cases). */
  pagesOf?(items: AwsObject[]): unknown[];
  /**
   * One item (a Describe item, or a Config `configuration` with its tags) → the resources it stands
   * for: the main one plus the ones Terraform models separately (associations, attachments).
   */
  map(item: AwsObject, context: MapContext): LiveDraft[];
}

/** The list call that names what a per-resource describe call (`ResourceDescriptor.operation`) reads. */
export interface ListedBy {
  operation: string;
  input?: Readonly<Record<string, unknown>>;
  pageSize?: number;
  /** The names (or ids) one page of the list call returns. */
  names(page: unknown): string[];
  /** Names per describe call (OpenSearch DescribeDomains takes 5; most take 1). */
  batch: number;
  /** The describe call's input for one batch of names. */
  describeInput(names: string[]): object;
}

/** What a mapping needs besides the item. */
export interface MapContext {
  target: Target;
  /** Entries of a managed prefix list read separately (API source), or Unknown with the reason. */
  prefixListEntries(prefixListId: string): AwsObject[] | Unknown;
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
  /** Terraform-shaped attributes (without id/arn/tags, which are added from the fields above). */
  values: ValueObject;
  /** Undefined when the API object carries no tags; Unknown when they could not be read. */
  tags?: TagMap | Unknown;
  /** The API object, for declarative JSONPath policies. */
  raw: unknown;
}
