import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { planConfiguration } from './plan-configuration.js';
import * as r from './plan-resources.js';
import type { BuildContext, ChangeValues, JsonObject } from './plan-resources.js';

/**
 * Writes a realistic `terraform show -json` plan (format 1.2, Terraform 1.9, AWS provider 5.x) of
 * about `size` resource instances: environments (`module.env["envNN"]`, for_each) each with a VPC,
 * subnets, route tables and associations (count), and services (`module.env[…].module.service["svcNN"]`)
 * each with security groups (inline rules, aws_security_group_rule, aws_vpc_security_group_ingress_rule),
 * instances, a database (sensitive password), an S3 bucket and its configuration resources. Four in
 * five services exist already (no-op, known ids, in prior_state); the rest are created, with ids
 * unknown so rules attach to their groups only through configuration references. Every 10th service
 * opens SSH to the internet and every 7th lacks the Owner tag, so the policies have findings to report.
 * Minified, as Terraform writes it; streamed, so 50k resources need no giant string.
 */
export const SERVICES_PER_ENV = 35;
const RESOURCES_PER_ENV = 19 + SERVICES_PER_ENV * 14;
const PROVIDER = 'registry.terraform.io/hashicorp/aws';
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const DEFAULT_TAGS = { ManagedBy: 'terraform', CostCenter: 'cc-4711' };
const TERRAFORM_VERSION = '1.9.5';

interface Entry {
  address: string;
  moduleAddress: string;
  type: string;
  name: string;
  index?: number;
  existing: boolean;
  values: ChangeValues;
}

interface ModuleInstance {
  address: string;
  entries: Entry[];
  children: ModuleInstance[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Number of environments for a target size (each has RESOURCES_PER_ENV resources). */
export function environmentsFor(size: number): number {
  return Math.max(1, Math.round(size / RESOURCES_PER_ENV));
}

function buildEnvironment(e: number, environments: number): ModuleInstance {
  const envKey = `env${pad(e)}`;
  const envAddress = `module.env["${envKey}"]`;
  // The last environment is new (unless it is the only one): its whole network is created.
  const existing = e < environments - 1 || environments === 1;
  const serialBase = e * 100_000;
  let serial = serialBase;
  const entries: Entry[] = [];
  const envTags = { Environment: envKey, Owner: 'platform-team' };
  const context = (refs: BuildContext['refs'], tags: Record<string, string> = envTags, isExisting = existing): BuildContext => ({
    existing: isExisting, serial: ++serial, region: REGION, account: ACCOUNT, tags, tagsAll: { ...DEFAULT_TAGS, ...tags }, refs,
  });
  const add = (moduleAddress: string, type: string, name: string, index: number | undefined, values: ChangeValues, isExisting = existing): Entry => {
    const entry: Entry = {
      address: `${moduleAddress}.${type}.${name}${index === undefined ? '' : `[${index}]`}`,
      moduleAddress, type, name, ...(index === undefined ? {} : { index }), existing: isExisting, values,
    };
    entries.push(entry);
    return entry;
  };
  const idOf = (entry: Entry): string | undefined => (entry.existing ? (entry.values.after['id'] as string) : undefined);

  const second = e % 250;
  const vpc = add(envAddress, 'aws_vpc', 'this', undefined, r.vpc(context({}), `10.${second}.0.0/16`));
  const vpcRef = { vpc_id: idOf(vpc) };
  const igw = add(envAddress, 'aws_internet_gateway', 'this', undefined, r.internetGateway(context(vpcRef)));
  const publicSubnets = AZS.map((az, i) => add(envAddress, 'aws_subnet', 'public', i, r.subnet(context(vpcRef), `10.${second}.${i}.0/24`, az, true)));
  const privateSubnets = AZS.map((az, i) => add(envAddress, 'aws_subnet', 'private', i, r.subnet(context(vpcRef), `10.${second}.${10 + i}.0/24`, az, false)));
  const publicTable = add(envAddress, 'aws_route_table', 'public', undefined, r.routeTable(context(vpcRef), [{ cidr: '0.0.0.0/0', gatewayId: idOf(igw) }]));
  add(envAddress, 'aws_route', 'public_internet', undefined, r.route(context({ gateway_id: idOf(igw), route_table_id: idOf(publicTable) }), '0.0.0.0/0'));
  const privateTables = AZS.map((_az, i) => add(envAddress, 'aws_route_table', 'private', i, r.routeTable(context(vpcRef), [])));
  publicSubnets.forEach((s, i) => add(envAddress, 'aws_route_table_association', 'public', i, r.routeTableAssociation(context({ route_table_id: idOf(publicTable), subnet_id: idOf(s) }))));
  privateSubnets.forEach((s, i) => add(envAddress, 'aws_route_table_association', 'private', i, r.routeTableAssociation(context({ route_table_id: idOf(privateTables[i]!), subnet_id: idOf(s) }))));
  const privateSubnetIds = existing ? privateSubnets.map((s) => idOf(s)!) : undefined;

  const children: ModuleInstance[] = [];
  for (let s = 0; s < SERVICES_PER_ENV; s++) {
    const serviceKey = `svc${pad(s)}`;
    const address = `${envAddress}.module.service["${serviceKey}"]`;
    const serviceExisting = existing && s % 5 !== 4;
    const tags: Record<string, string> = s % 7 === 3 ? { Environment: envKey, Service: serviceKey } : { Environment: envKey, Owner: `team-${serviceKey}`, Service: serviceKey };
    const ctx = (refs: BuildContext['refs']): BuildContext => context(refs, tags, serviceExisting);
    const at = (type: string, name: string, index: number | undefined, values: ChangeValues): Entry => add(address, type, name, index, values, serviceExisting);
    const name = `${envKey}-${serviceKey}`;
    const app = at('aws_security_group', 'app', undefined, r.securityGroup(ctx({ vpc_id: idOf(vpc) }), `${name}-app`, 'application servers', [
      { from: 443, to: 443, protocol: 'tcp', cidrs: ['0.0.0.0/0'], description: 'https' },
      { from: 22, to: 22, protocol: 'tcp', cidrs: ['10.0.0.0/8'], description: 'ssh from the corporate network' },
    ], true));
    const db = at('aws_security_group', 'db', undefined, r.securityGroup(ctx({ vpc_id: idOf(vpc) }), `${name}-db`, 'database', [], false));
    const extra = s % 10 === 6 ? [{ port: 8443, cidr: '10.0.0.0/8' }, { port: 22, cidr: '0.0.0.0/0' }] : [{ port: 8080, cidr: '10.0.0.0/8' }, { port: 8443, cidr: '10.0.0.0/8' }];
    extra.forEach((x, i) => at('aws_security_group_rule', 'app_extra', i, r.securityGroupRule(ctx({ security_group_id: idOf(app) }), 'ingress', x.port, x.port, [x.cidr], 'extra ports')));
    at('aws_vpc_security_group_ingress_rule', 'db_admin', undefined, r.vpcIngressRule(ctx({ security_group_id: idOf(db) }), 5432, { cidr: '203.0.113.0/24' }, 'admin network'));
    at('aws_vpc_security_group_ingress_rule', 'db_from_app', undefined, r.vpcIngressRule(ctx({ security_group_id: idOf(db), referenced_security_group_id: idOf(app) }), 5432, { group: true }, 'app to db'));
    for (let i = 0; i < 2; i++) {
      at('aws_instance', 'app', i, r.instance(ctx({ subnet_id: privateSubnetIds?.[i], vpc_security_group_ids: idOf(app) ? [idOf(app)!] : undefined }), 'ami-0c55b159cbfafe1f0', 'm6i.large'));
    }
    at('aws_db_subnet_group', 'db', undefined, r.dbSubnetGroup(ctx({ subnet_ids: privateSubnetIds }), name));
    at('aws_db_instance', 'db', undefined, r.dbInstance(ctx({ db_subnet_group_name: serviceExisting ? name : undefined, vpc_security_group_ids: idOf(db) ? [idOf(db)!] : undefined }), name, `pw-${r.hexId('s', serial, 20)}`));
    const bucketName = `${name}-assets-${ACCOUNT}`;
    at('aws_s3_bucket', 'assets', undefined, r.bucket(ctx({}), bucketName));
    const bucketRef = { bucket: serviceExisting ? bucketName : undefined };
    at('aws_s3_bucket_public_access_block', 'assets', undefined, r.publicAccessBlock(ctx(bucketRef)));
    at('aws_s3_bucket_server_side_encryption_configuration', 'assets', undefined, r.bucketEncryption(ctx(bucketRef)));
    at('aws_s3_bucket_versioning', 'assets', undefined, r.bucketVersioning(ctx(bucketRef)));
    children.push({ address, entries: [], children: [] });
  }

  // Terraform lists each module's resources sorted by address, child modules after.
  const byModule = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byModule.get(entry.moduleAddress) ?? [];
    list.push(entry);
    byModule.set(entry.moduleAddress, list);
  }
  const sorted = (list: Entry[]): Entry[] => list.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  for (const child of children) child.entries = sorted(byModule.get(child.address) ?? []);
  return { address: envAddress, entries: sorted(byModule.get(envAddress) ?? []), children };
}

/** Buffered writes to a file descriptor. */
class Sink {
  #parts: string[] = [];
  #size = 0;
  constructor(private readonly fd: number) {}
  write(text: string): void {
    this.#parts.push(text);
    this.#size += text.length;
    if (this.#size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.#parts.length > 0) writeSync(this.fd, this.#parts.join(''));
    this.#parts = [];
    this.#size = 0;
  }
}

function resourceHead(entry: Entry, moduleAddressKey: boolean): string {
  return `"address":${JSON.stringify(entry.address)},${moduleAddressKey ? `"module_address":${JSON.stringify(entry.moduleAddress)},` : ''}"mode":"managed","type":"${entry.type}","name":"${entry.name}",${entry.index === undefined ? '' : `"index":${entry.index},`}"provider_name":"${PROVIDER}"`;
}

function writeValuesModule(sink: Sink, module: ModuleInstance, pick: (e: Entry) => boolean): void {
  const resources = module.entries.filter(pick);
  const children = module.children.filter((c) => c.entries.some(pick) || c.children.length > 0);
  sink.write('{');
  if (resources.length > 0) {
    sink.write('"resources":[');
    resources.forEach((e, i) => {
      sink.write(`${i ? ',' : ''}{${resourceHead(e, false)},"schema_version":0,"values":${JSON.stringify(e.values.after)},"sensitive_values":${JSON.stringify(e.values.afterSensitive)}}`);
    });
    sink.write('],');
  }
  sink.write(`"address":${JSON.stringify(module.address)}`);
  if (children.length > 0) {
    sink.write(',"child_modules":[');
    children.forEach((c, i) => {
      if (i) sink.write(',');
      writeValuesModule(sink, c, pick);
    });
    sink.write(']');
  }
  sink.write('}');
}

function writeChange(sink: Sink, entry: Entry, first: boolean): void {
  const { after, afterUnknown, afterSensitive } = entry.values;
  const change = entry.existing
    ? `{"actions":["no-op"],"before":${JSON.stringify(after)},"after":${JSON.stringify(after)},"after_unknown":${JSON.stringify(afterUnknown)},"before_sensitive":${JSON.stringify(afterSensitive)},"after_sensitive":${JSON.stringify(afterSensitive)}}`
    : `{"actions":["create"],"before":null,"after":${JSON.stringify(after)},"after_unknown":${JSON.stringify(afterUnknown)},"before_sensitive":false,"after_sensitive":${JSON.stringify(afterSensitive)}}`;
  sink.write(`${first ? '' : ','}{${resourceHead(entry, true)},"change":${change}}`);
}

function everyEnvironment(environments: number, visit: (env: ModuleInstance, index: number) => void): void {
  for (let e = 0; e < environments; e++) visit(buildEnvironment(e, environments), e);
}

/** Writes the plan to `path` (through a temporary file) and returns the number of resource instances. */
export function generatePlan(path: string, size: number): number {
  const environments = environmentsFor(size);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  const sink = new Sink(fd);
  let count = 0;
  try {
    const envMap = Object.fromEntries(Array.from({ length: environments }, (_, e) => [`env${pad(e)}`, { cidr: `10.${e % 250}.0.0/16` }]));
    sink.write(`{"format_version":"1.2","terraform_version":"${TERRAFORM_VERSION}","variables":${JSON.stringify({
      azs: { value: AZS }, db_password: { value: 'bench-not-a-real-password' }, environments: { value: envMap }, region: { value: REGION },
    })},"planned_values":{"outputs":{"vpc_ids":{"sensitive":false}},"root_module":{"child_modules":[`);
    everyEnvironment(environments, (env, e) => {
      if (e) sink.write(',');
      writeValuesModule(sink, env, () => true);
    });
    sink.write(']}},"resource_changes":[');
    everyEnvironment(environments, (env) => {
      for (const module of [env, ...env.children]) {
        for (const entry of module.entries) {
          writeChange(sink, entry, count === 0);
          count++;
        }
      }
    });
    sink.write(`],"output_changes":{"vpc_ids":{"actions":["no-op"],"before":null,"after":null,"after_unknown":true,"before_sensitive":false,"after_sensitive":false}},`);
    sink.write(`"prior_state":{"format_version":"1.0","terraform_version":"${TERRAFORM_VERSION}","values":{"outputs":{},"root_module":{"child_modules":[`);
    let firstPrior = true;
    everyEnvironment(environments, (env) => {
      if (!env.entries.some((e) => e.existing)) return;
      if (!firstPrior) sink.write(',');
      firstPrior = false;
      writeValuesModule(sink, env, (e) => e.existing);
    });
    sink.write(']}}},');
    const configuration: JsonObject = planConfiguration(DEFAULT_TAGS);
    sink.write(`"configuration":${JSON.stringify(configuration)},`);
    sink.write('"relevant_attributes":[{"resource":"module.env.aws_vpc.this","attribute":["id"]}],');
    sink.write(`"timestamp":"2024-09-02T08:15:30Z","applyable":true,"complete":true,"errored":false}`);
    sink.flush();
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return count;
}
