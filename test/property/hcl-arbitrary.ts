import fc from 'fast-check';
import { oddString } from './hostile-values.js';

/**
 * Plausible Terraform source trees: variables with defaults and a tfvars file, locals, a VPC,
 * counted or for_each subnets, an internet gateway, a route table and its associations, security
 * groups with inline and dynamic rules, rule resources, a DB subnet group, DB instances with a
 * sensitive password, and a local module called with count or for_each. Written as HCL text with
 * odd strings escaped as Terraform requires, so the evaluator, the policies and the solver run.
 */

/** A Terraform quoted string: escapes, and `${`/`%{` doubled so odd text stays literal. */
export function hclString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // A function: in a replacement string `$$` stands for one `$`.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

const port = fc.constantFrom(0, 22, 80, 443, 3306, 5432, 3389, 1024, 65535);
const cidrs = fc.subarray(['0.0.0.0/0', '10.0.0.0/8', '203.0.113.0/24']);

const rule = fc.record({ from: port, to: port, protocol: fc.constantFrom('tcp', 'udp', '-1', 'all'), cidrs, description: oddString });
type Rule = typeof rule extends fc.Arbitrary<infer T> ? T : never;
const SSH_OPEN: Rule = { from: 22, to: 22, protocol: 'tcp', cidrs: ['0.0.0.0/0'], description: 'ssh' };

const sourceTree = fc.record({
  subnets: fc.integer({ min: 1, max: 3 }),
  subnetsByForEach: fc.boolean(),
  igw: fc.boolean(),
  routeToIgw: fc.boolean(),
  public: fc.boolean(),
  ports: fc.subarray([22, 443, 3306, 5432]),
  tags: fc.dictionary(fc.oneof(fc.constantFrom('Environment', 'Owner'), oddString), oddString, { maxKeys: 3 }),
  groups: fc.array(fc.record({ inline: fc.array(fc.oneof({ weight: 3, arbitrary: rule }, fc.constant(SSH_OPEN)), { maxLength: 3 }), dynamic: fc.boolean(), name: oddString }), { minLength: 1, maxLength: 3 }),
  rules: fc.array(fc.record({ group: fc.nat(), rule }), { maxLength: 2 }),
  databases: fc.array(fc.record({ engine: fc.constantFrom('mysql', 'postgres', 'sqlserver-ex'), port: fc.option(port), group: fc.nat(), encrypted: fc.boolean() }), { maxLength: 2 }),
  module: fc.constantFrom('none', 'count', 'for_each'),
  moduleRule: rule,
});

type SourceTree = typeof sourceTree extends fc.Arbitrary<infer T> ? T : never;

function ruleBlock(kind: string, r: Rule): string {
  return `  ${kind} {\n    from_port   = ${r.from}\n    to_port     = ${r.to}\n    protocol    = ${hclString(r.protocol)}\n    cidr_blocks = [${r.cidrs.map(hclString).join(', ')}]\n    description = ${hclString(r.description)}\n  }\n`;
}

function mainTf(tree: SourceTree): string {
  const out: string[] = [];
  const tags = `{ ${Object.entries(tree.tags).map(([k, v]) => `${hclString(k)} = ${hclString(v)}`).join(', ')} }`;
  out.push(`locals {\n  common_tags = merge(${tags}, { Owner = var.owner })\n  zones = toset([${Array.from({ length: tree.subnets }, (_, i) => hclString(`zone-${i}`)).join(', ')}])\n}\n`);
  out.push('resource "aws_vpc" "main" {\n  cidr_block = var.vpc_cidr\n  tags       = local.common_tags\n}\n');
  if (tree.igw) out.push('resource "aws_internet_gateway" "gw" {\n  vpc_id = aws_vpc.main.id\n}\n');
  const expansion = tree.subnetsByForEach ? '  for_each = local.zones\n' : `  count = ${tree.subnets}\n`;
  const netnum = tree.subnetsByForEach ? 'index(tolist(local.zones), each.key)' : 'count.index';
  out.push(`resource "aws_subnet" "private" {\n${expansion}  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, ${netnum})\n}\n`);
  if (tree.igw && tree.routeToIgw) {
    out.push('resource "aws_route_table" "public" {\n  vpc_id = aws_vpc.main.id\n  route {\n    cidr_block = "0.0.0.0/0"\n    gateway_id = aws_internet_gateway.gw.id\n  }\n}\n');
    const subnet = tree.subnetsByForEach ? 'aws_subnet.private[each.key].id' : 'aws_subnet.private[count.index].id';
    out.push(`resource "aws_route_table_association" "public" {\n${expansion}  subnet_id      = ${subnet}\n  route_table_id = aws_route_table.public.id\n}\n`);
  }
  tree.groups.forEach((group, i) => {
    const dynamic = group.dynamic
      ? '  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = var.allowed_cidrs\n    }\n  }\n'
      : '';
    out.push(`resource "aws_security_group" "sg${i}" {\n  name   = ${hclString(group.name)}\n  vpc_id = aws_vpc.main.id\n${group.inline.map((r) => ruleBlock('ingress', r)).join('')}${dynamic}  tags = local.common_tags\n}\n`);
  });
  tree.rules.forEach(({ group, rule: r }, i) => {
    out.push(`resource "aws_security_group_rule" "rule${i}" {\n  type              = "ingress"\n  security_group_id = aws_security_group.sg${group % tree.groups.length}.id\n  from_port         = ${r.from}\n  to_port           = ${r.to}\n  protocol          = ${hclString(r.protocol)}\n  cidr_blocks       = [${r.cidrs.map(hclString).join(', ')}]\n}\n`);
  });
  if (tree.databases.length > 0) {
    const ids = tree.subnetsByForEach ? '[for s in aws_subnet.private : s.id]' : 'aws_subnet.private[*].id';
    out.push(`resource "aws_db_subnet_group" "db" {\n  name       = "db"\n  subnet_ids = ${ids}\n}\n`);
  }
  tree.databases.forEach((db, i) => {
    out.push(
      `resource "aws_db_instance" "db${i}" {\n  engine                 = ${hclString(db.engine)}\n${db.port === null ? '' : `  port                   = ${db.port}\n`}  publicly_accessible    = var.public\n  storage_encrypted      = ${db.encrypted}\n  password               = var.db_password\n  vpc_security_group_ids = [aws_security_group.sg${db.group % tree.groups.length}.id]\n  db_subnet_group_name   = aws_db_subnet_group.db.name\n  tags                   = local.common_tags\n}\n`,
    );
  });
  if (tree.module !== 'none') {
    const expand = tree.module === 'count' ? '  count  = 2\n' : '  for_each = { web = 443, admin = 22 }\n';
    const port = tree.module === 'count' ? 'count.index == 0 ? 443 : 22' : 'each.value';
    out.push(`module "edge" {\n  source = "./modules/edge"\n${expand}  vpc_id = aws_vpc.main.id\n  port   = ${port}\n  tags   = local.common_tags\n}\n`);
  }
  return out.join('\n');
}

function variablesTf(tree: SourceTree): string {
  return [
    'variable "vpc_cidr" {\n  type    = string\n  default = "10.0.0.0/16"\n}\n',
    `variable "public" {\n  type    = bool\n  default = ${!tree.public}\n}\n`,
    `variable "ports" {\n  type    = list(number)\n  default = [${tree.ports.join(', ')}]\n}\n`,
    'variable "allowed_cidrs" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n',
    'variable "owner" {\n  type    = string\n  default = "platform"\n}\n',
    'variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "hunter2-generated"\n}\n',
  ].join('\n');
}

function moduleTf(tree: SourceTree): string {
  return [
    'variable "vpc_id" {}\nvariable "port" {\n  type = number\n}\nvariable "tags" {\n  type    = map(string)\n  default = {}\n}\n',
    `resource "aws_security_group" "this" {\n  vpc_id = var.vpc_id\n  ingress {\n    from_port   = var.port\n    to_port     = var.port\n    protocol    = ${hclString(tree.moduleRule.protocol)}\n    cidr_blocks = [${tree.moduleRule.cidrs.map(hclString).join(', ')}]\n  }\n  tags = var.tags\n}\n`,
  ].join('\n');
}

export interface GeneratedSource {
  /** Relative path → text. */
  files: Record<string, string>;
  /** Addresses of security groups with an inline rule opening TCP 22 to 0.0.0.0/0: sg-open-ingress must fail them. */
  openToSsh: string[];
}

export const sourceArbitrary: fc.Arbitrary<GeneratedSource> = sourceTree.map((tree) => ({
  files: {
    'main.tf': mainTf(tree),
    'variables.tf': variablesTf(tree),
    // The tfvars value wins over the default (which is its negation): evaluation order matters.
    'terraform.tfvars': `public = ${tree.public}\nowner  = ${hclString('team-a')}\n`,
    ...(tree.module === 'none' ? {} : { 'modules/edge/main.tf': moduleTf(tree) }),
  },
  openToSsh: tree.groups.flatMap((group, i) => (group.inline.some((r) => r.protocol === 'tcp' && r.from === 22 && r.to === 22 && r.cidrs.includes('0.0.0.0/0')) ? [`aws_security_group.sg${i}`] : [])),
}));

/** Damage to source text: cut short, a slice removed, a snippet inserted, a slice repeated (duplicate blocks and names). */
export type TextEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'repeat'; at: number; length: number };

const SNIPPETS = ['{', '}', '"', '${', '%{', '(', ')', '[', ']', '=', '\n', ',', '.', '*', '<<EOF\n', '<<-EOT\nx\n', '/*', '*/', '# warden:ignore sg-open-ingress until=2020-01-01\n',
  'resource "aws_vpc" {', 'module "m" {\n source = "../../../"\n}\n', 'count = -1', 'for_each = 5', '1e400', '99999999999999999999999999', 'var.nope', 'aws_vpc.main[7]',
  '\u0000', '\uFEFF', '\u202E', '\uD800', '\u200B', `${'('.repeat(3000)}1${')'.repeat(3000)}`];

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...SNIPPETS), oddString) }) },
  fc.record({ kind: fc.constant('repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 400 }) }),
);

export function editText(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = Math.floor(out.length * edit.at);
    switch (edit.kind) {
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + edit.length);
        break;
      case 'insert':
        out = out.slice(0, at) + edit.text + out.slice(at);
        break;
      case 'repeat':
        out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length);
        break;
    }
  }
  return out;
}
