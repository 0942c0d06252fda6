import { describe, expect, it } from 'vitest';
import { isSensitive } from '../../../src/model/sensitive.js';
import { isMarkedSensitive } from '../../../src/model/sensitive-marks.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { parsePlanText } from '../../../src/engines/plan/load-plan.js';
import { addresses, fixtureText, loadFixture, resource } from './plan-fixtures.js';

describe('plan format versions', () => {
  it('0.1 (Terraform 0.12): short provider names, no sensitivity marks, no tags_all', async () => {
    const plan = await loadFixture('format-0.1.json');
    expect(plan.formatVersion).toBe('0.1');
    expect(plan.terraformVersion).toBe('0.12.31');
    expect(addresses(plan)).toEqual([
      'aws_s3_bucket.reports',
      'aws_security_group.bastion',
      'module.db.aws_db_instance.this',
      'data.aws_vpc.default',
    ]);
    const group = resource(plan, 'aws_security_group.bastion');
    expect(group.values['ingress']).toEqual([expect.objectContaining({ cidr_blocks: ['0.0.0.0/0'], from_port: 22, to_port: 22, protocol: 'tcp' })]);
    expect(group.tags).toEqual({ Name: 'bastion' });
    expect(isUnknown(group.values['id'])).toBe(true);
    const db = resource(plan, 'module.db.aws_db_instance.this');
    expect(db.modulePath).toBe('module.db');
    expect(db.tags).toBeUndefined();
    // The data source comes from prior_state and resolves the group's VPC by id.
    expect(resource(plan, 'data.aws_vpc.default').mode).toBe('data');
    expect(plan.inventory.resolve(group, 'vpc_id')).toEqual([resource(plan, 'data.aws_vpc.default')]);
  });

  it('0.2 (Terraform 1.0): minified on one line, after_sensitive, default_tags in tags_all, no prior_state', async () => {
    const plan = await loadFixture('format-0.2.json');
    expect(plan.formatVersion).toBe('0.2');
    expect(plan.terraformVersion).toBe('1.0.11');
    expect(plan.document.prior_state).toBeUndefined();
    expect(addresses(plan)).toEqual(['aws_security_group.etl', 'aws_ssm_parameter.token', 'aws_vpc.etl']);
    const token = resource(plan, 'aws_ssm_parameter.token');
    expect(isMarkedSensitive(token.sensitive, 'value')).toBe(true);
    expect(isSensitive((token.raw as { change: { after: Record<string, unknown> } }).change.after['value'])).toBe(true);
    expect(token.tags).toEqual({ Environment: 'staging', Owner: 'team-data' });
    const group = resource(plan, 'aws_security_group.etl');
    expect(group.tags).toEqual({ Environment: 'staging', Owner: 'team-data', Project: 'etl' });
    expect(group.values['egress']).toEqual([expect.objectContaining({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] })]);
    expect(group.references).toEqual({ vpc_id: ['aws_vpc.etl'] });
    expect(plan.inventory.resolve(group, 'vpc_id', ['aws_vpc'])).toEqual([resource(plan, 'aws_vpc.etl')]);
  });

  it('1.0 (Terraform 1.1): resource_drift is not mistaken for the planned change', async () => {
    const plan = await loadFixture('format-1.0.json');
    expect(plan.formatVersion).toBe('1.0');
    expect(addresses(plan)).toEqual(['aws_eip.nat', 'aws_security_group.api']);
    const group = resource(plan, 'aws_security_group.api');
    expect(group.action).toBe('update');
    // The after-state has the new world-open rule; the drifted state (before) does not.
    expect(group.values['ingress']).toHaveLength(2);
    expect(group.values['ingress']).toContainEqual(expect.objectContaining({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }));
    expect(group.values['id']).toBe('sg-0123abcd');
    expect(resource(plan, 'aws_eip.nat').action).toBe('no-op');
  });

  it('1.1 (Terraform 1.4): create-before-destroy replace is evaluated; delete is not; a pending data read is', async () => {
    const plan = await loadFixture('format-1.1.json');
    expect(plan.formatVersion).toBe('1.1');
    expect(addresses(plan)).toEqual(['aws_launch_template.workers', 'data.aws_ami.worker']);
    const template = resource(plan, 'aws_launch_template.workers');
    expect(template.action).toBe('replace');
    expect(template.values['image_id']).toBe('ami-0222');
    expect(template.tags).toEqual({ Owner: 'ops', Environment: 'prod' });
    expect(resource(plan, 'data.aws_ami.worker').action).toBe('read');
    expect(plan.inventory.byAddress('aws_sqs_queue.jobs')).toBeUndefined();
  });

  it('1.2 (Terraform 1.9): modules, count and for_each instances, timestamp/applyable keys', async () => {
    const plan = await loadFixture('format-1.2-modules.json');
    expect(plan.formatVersion).toBe('1.2');
    expect(plan.terraformVersion).toBe('1.9.5');
    expect(addresses(plan)).toEqual([
      'aws_db_instance.main',
      'aws_instance.app',
      'aws_security_group.g[0]',
      'aws_security_group.g[1]',
      'aws_security_group.web',
      'aws_security_group_rule.pinned',
      'aws_security_group_rule.r[0]',
      'aws_security_group_rule.r[1]',
      'aws_vpc.main',
      'aws_vpc_security_group_ingress_rule.from_module',
      'module.a["x"].module.b[0].aws_security_group.deep',
      'module.a["x"].module.b[0].aws_security_group_rule.deep_rule',
      'module.a["y"].module.b[0].aws_security_group.deep',
      'module.a["y"].module.b[0].aws_security_group_rule.deep_rule',
      'module.net.aws_security_group.other',
      'module.net.aws_security_group.this',
      'module.rules.aws_security_group_rule.ssh',
      'data.aws_caller_identity.current',
    ]);
    const g1 = resource(plan, 'aws_security_group.g[1]');
    expect(g1).toMatchObject({ type: 'aws_security_group', name: 'g', index: 1, modulePath: '' });
    const deep = resource(plan, 'module.a["x"].module.b[0].aws_security_group.deep');
    expect(deep).toMatchObject({ name: 'deep', modulePath: 'module.a["x"].module.b[0]' });
    expect(deep.index).toBeUndefined();
  });

  it('reads a plan from planned_values alone when resource_changes is absent', async () => {
    const document = JSON.parse(fixtureText('format-0.1.json')) as Record<string, unknown>;
    delete document['resource_changes'];
    const trimmed = parsePlanText(JSON.stringify(document), 'trimmed.json');
    expect(addresses(trimmed)).toEqual(['aws_s3_bucket.reports', 'aws_security_group.bastion', 'module.db.aws_db_instance.this', 'data.aws_vpc.default']);
    expect(resource(trimmed, 'module.db.aws_db_instance.this').modulePath).toBe('module.db');
  });
});
