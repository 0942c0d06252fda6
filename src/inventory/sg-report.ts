import type { ResourceRef } from './network-inventory.js';

/**
 * The security-group report (`--sg-report FILE`): per input, every security group with what it is
 * attached to, each rule in plain words, who on the internet can reach what it guards, and the
 * findings the same run's policies made on it (schemas/warden-sg-report.schema.json). Values are
 * display text: Unknown values read `(known after apply)`, sensitive ones `(sensitive)`.
 */
export const SG_REPORT_SCHEMA_VERSION = '1';

export interface SgRule {
  direction: 'ingress' | 'egress';
  /** `tcp 5432 from sg-0abc (app-tier)`, `all traffic to 0.0.0.0/0`. */
  text: string;
  /** Where it is written: the group's address with the block (`aws_security_group.db.ingress.0`), or the rule resource. */
  writtenIn: string;
}

/** Whether the internet reaches one attached resource through the group, by the network path model. */
export interface SgReach {
  resource: string;
  status: 'reachable' | 'not-reachable' | 'unknown';
  /** The path that holds, the link that breaks it, or what could not be told. */
  detail: string;
}

export interface SgInternet {
  /** Ingress rules whose source is the whole internet (0.0.0.0/0, ::/0, or a prefix list holding one). */
  admits: string[];
  /** Per attached resource behind a group that admits the internet (databases: always). */
  reach: SgReach[];
}

/** A finding of this run on the group or on one of its rule resources. */
export interface SgFlag {
  ruleId: string;
  severity: string;
  verdict: string;
  message: string;
  /** The finding's resource address (the group, or a rule resource of it). */
  address: string;
  fingerprint: string;
}

export interface SgEntry extends ResourceRef {
  vpc: string | null;
  /** A VPC's default group (aws_default_security_group, or the group AWS named `default`). */
  isDefault: boolean;
  attachedTo: ResourceRef[];
  rules: SgRule[];
  internet: SgInternet;
  flags: SgFlag[];
  /** Addresses of the resources its rules are written in, for matching findings; not part of the JSON. */
  ruleResources?: string[];
}

export interface SgReportInput {
  input: string;
  source: 'plan' | 'hcl' | 'live' | 'empty';
  groups: SgEntry[];
}

export interface SgReportDocument {
  schemaVersion: typeof SG_REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  inputs: SgReportInput[];
}
