import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../src/engines/plan/load-plan.js';
import { applyPlanMasks } from '../../../src/engines/plan/plan-values.js';
import { isSensitive } from '../../../src/model/sensitive.js';
import { isMarkedSensitive } from '../../../src/model/sensitive-marks.js';
import { isUnknown, Unknown } from '../../../src/model/unknown.js';
import { valueAt, type ValueObject } from '../../../src/model/value.js';
import { fixtureText, loadFixture, resource } from './plan-fixtures.js';

describe('after_unknown and after_sensitive', () => {
  it('an unknown attribute becomes Unknown naming the address and the attribute path', async () => {
    const plan = await loadFixture('format-1.2-modules.json');
    const rule = resource(plan, 'module.rules.aws_security_group_rule.ssh');
    const id = rule.values['security_group_id'];
    expect(id).toBeInstanceOf(Unknown);
    expect((id as Unknown).reason).toBe('module.rules.aws_security_group_rule.ssh.security_group_id is known only after apply');
  });

  it('unknown leaves inside nested lists keep their index in the path', () => {
    const values = applyPlanMasks(
      { ingress: [{ from_port: 22, cidr_blocks: ['10.0.0.0/8'] }, { from_port: 443 }] },
      { ingress: [{ cidr_blocks: [false] }, { cidr_blocks: true }] },
      {},
      'aws_security_group.x',
    );
    expect(valueAt(values, 'ingress.0.cidr_blocks')).toEqual(['10.0.0.0/8']);
    const unknown = valueAt(values, 'ingress.1.cidr_blocks');
    expect(isUnknown(unknown) && unknown.reason).toBe('aws_security_group.x.ingress.1.cidr_blocks is known only after apply');
  });

  it('a list element that is unknown and absent from after is filled in as Unknown', () => {
    const values = applyPlanMasks({ cidr_blocks: ['10.0.0.0/8'] }, { cidr_blocks: [false, true] }, undefined, 'r.x');
    const list = values['cidr_blocks'] as unknown[];
    expect(list[0]).toBe('10.0.0.0/8');
    expect(isUnknown(list[1])).toBe(true);
  });

  it('a whole block that is unknown and absent from after keeps its unknown parts', () => {
    const values = applyPlanMasks({ name: 'a' }, { timeouts: { create: true } }, undefined, 'r.x');
    expect(isUnknown(valueAt(values, 'timeouts.create'))).toBe(true);
  });

  it('a sensitive attribute keeps its value for policies, is marked, and the raw object prints "(sensitive)"', async () => {
    const plan = await loadFixture('format-1.2-modules.json');
    const db = resource(plan, 'aws_db_instance.main');
    // Policies compare the real value: marking it sensitive must never change a verdict.
    expect(db.values['password']).toBe('correct-horse-battery-staple');
    expect(isMarkedSensitive(db.sensitive, 'password')).toBe(true);
    expect(isMarkedSensitive(db.sensitive, 'username')).toBe(false);
    const after = (db.raw as { change: { after: Record<string, unknown> } }).change.after;
    expect(isSensitive(after['password'])).toBe(true);
    expect(JSON.stringify(db.raw)).toContain('"password":"(sensitive)"');
    expect(JSON.stringify(db.raw)).not.toContain('correct-horse-battery-staple');
    expect(`${String(after['password'])}`).toBe('(sensitive)');
  });

  it('sensitive leaves inside lists and maps are marked one by one', () => {
    const values = applyPlanMasks(
      { env: { API_KEY: 'k-123', MODE: 'prod' }, secrets: ['s1', 's2'] },
      {},
      { env: { API_KEY: true }, secrets: [true, false] },
      'aws_lambda_function.f',
    );
    expect(JSON.stringify(values)).toBe('{"env":{"API_KEY":"(sensitive)","MODE":"prod"},"secrets":["(sensitive)","s2"]}');
  });

  it('the raw change object a JSONPath policy reads never carries the cleartext either (before nor after)', async () => {
    const plan = await loadFixture('format-0.2.json');
    const token = resource(plan, 'aws_ssm_parameter.token');
    expect(token.values['value']).toBe('tok-5f1d9c0e7a');
    expect(JSON.stringify(token.raw)).not.toContain('tok-5f1d9c0e7a');

    const update = parsePlanText(
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          {
            address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db',
            change: {
              actions: ['update'],
              before: { password: 'old-secret-1', username: 'app' }, after: { password: 'new-secret-2', username: 'app' },
              after_unknown: {}, before_sensitive: { password: true }, after_sensitive: { password: true },
            },
          },
        ],
      }),
      'update.json',
    );
    const raw = JSON.stringify(resource(update, 'aws_db_instance.db').raw);
    expect(raw).not.toContain('old-secret-1');
    expect(raw).not.toContain('new-secret-2');
    expect(raw).toContain('"username":"app"');
  });

  it('tags_all that is unknown makes the tags Unknown; known tags_all carry default_tags', async () => {
    const plan = await loadFixture('format-1.2-modules.json');
    const rule = resource(plan, 'aws_vpc_security_group_ingress_rule.from_module');
    expect(isUnknown(rule.tags)).toBe(true);
    expect(resource(plan, 'aws_security_group.web').tags).toEqual({ Environment: 'prod', Owner: 'platform' });
    expect(resource(plan, 'aws_vpc.main').tags).toEqual({ Environment: 'prod', Owner: 'platform', Name: 'main' });
  });

  it('a plan value that is not an object (null after, masks of the wrong shape) does not throw', () => {
    expect(applyPlanMasks(null, true, true, 'r.x')).toEqual({});
    expect(applyPlanMasks({ a: [1, 2] }, { a: { b: true } }, { a: 'yes' }, 'r.x')).toEqual({ a: [1, 2] });
    expect(JSON.parse(fixtureText('format-0.1.json'))).toBeTruthy();
  });

  it('a mask key named __proto__ does not replace the prototype of the value', () => {
    const after = JSON.parse('{"name":"a"}') as unknown;
    const values = applyPlanMasks(after, JSON.parse('{"__proto__":true,"id":true}'), JSON.parse('{"__proto__":true}'), 'r.x');
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(isUnknown(values['id'])).toBe(true);
    expect(values['name']).toBe('a');
  });

  it('a value under a key named __proto__ or constructor is masked like any other: sensitive, unknown, tags', () => {
    const after = JSON.parse('{"env":{"__proto__":"s3cr3t","constructor":"c0nstr"},"tags":{"__proto__":"x","constructor":"y","n":1}}') as unknown;
    const values = applyPlanMasks(after, JSON.parse('{"extra":{"__proto__":true}}'), JSON.parse('{"env":{"__proto__":true,"constructor":true}}'), 'r.x');
    const env = values['env'] as Record<string, unknown>;
    expect(Object.keys(env)).toEqual(['__proto__', 'constructor']);
    expect(isSensitive(Object.getOwnPropertyDescriptor(env, '__proto__')?.value)).toBe(true);
    expect(isSensitive(env['constructor'])).toBe(true);
    expect(JSON.stringify(values)).not.toContain('s3cr3t');
    expect(isUnknown(Object.getOwnPropertyDescriptor(values['extra'], '__proto__')?.value)).toBe(true);

    const plan = parsePlanText(
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: { tags_all: after && (after as { tags: object }).tags }, after_unknown: {} } },
        ],
      }),
      'proto.json',
    );
    const tags = resource(plan, 'aws_s3_bucket.b').tags as Record<string, unknown>;
    expect(Object.keys(tags)).toEqual(['__proto__', 'constructor', 'n']);
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(valueAt({ t: tags as ValueObject }, 't.toString')).toBeUndefined();
  });
});
