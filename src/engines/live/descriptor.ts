import type { TagMap } from '../../model/resource.js';
import type { Unknown } from '../../model/unknown.js';
import type { ValueObject } from '../../model/value.js';
import type { AwsObject } from './aws-object.js';
import type { Target } from './target.js';

/** The SDK service a descriptor lists from (the client package `@aws-sdk/client-<service>`). */
export type RegionalService = 'ec2' | 'rds' | 'elbv2' | 'elb';

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
  /** AWS Config resource type, e.g. `AWS::EC2::SecurityGroup`. */
  configType: string;
  /** Other Terraform types `map` returns besides `type` (the separately modelled associations, attachments). */
  alsoProduces?: readonly string[];
  /**
   * Terraform types that this type's items refer to and that must be read with it for a policy on it
   * to decide (a security-group rule or a route naming a managed prefix list).
   */
  needs?: readonly string[];
  /**
   * Calls made once per listed item, where AWS has no account-wide list call (a load balancer's
   * listeners and attributes). Each page is recorded under `service:operation` with the request's
   * parameters merged in, so a page says which resource it answers.
   */
  followUps?: readonly FollowUp[];
  /**
   * The Terraform type whose descriptor's follow-up call lists this type's items: this descriptor
   * makes no list call of its own and only maps those pages (listeners, read per load balancer).
   */
  listedBy?: string;
  /** The items of one page of the list response. */
  items(page: unknown): AwsObject[];
  /**
   * One item (a Describe item, or a Config `configuration` with its tags) → the resources it stands
   * for: the main one plus the ones Terraform models separately (associations, attachments).
   */
  map(item: AwsObject, context: MapContext): LiveDraft[];
}

/** A call made once per item of a descriptor's list (paginated when the SDK has a paginator for it). */
export interface FollowUp {
  operation: string;
  /** The request parameters for one listed item; undefined when the item needs no such call. */
  request(item: AwsObject): Record<string, string> | undefined;
  pageSize?: number;
}

/** What a mapping needs besides the item. */
export interface MapContext {
  target: Target;
  /** Entries of a managed prefix list read separately (API source), or Unknown with the reason. */
  prefixListEntries(prefixListId: string): AwsObject[] | Unknown;
  /**
   * The recorded pages of a follow-up call (`elbv2:DescribeLoadBalancerAttributes`) made with these
   * request parameters; a failed call is one page `{ Error: { Code, Message } }`. Undefined when the
   * call was not made or not recorded (AWS Config items, a scope that did not need it).
   */
  followUpPages(operationKey: string, request: Record<string, string>): unknown[] | undefined;
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
