import { beforeAll, describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/report-text.js';
import { jsonReport, JSON_SCHEMA_VERSION } from '../../src/report/json/json-report.js';
import { createBaseline } from '../../src/rules/baseline.js';
import { applyBaseline } from '../../src/scan/apply-baseline.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { REPORT_SCHEMA as schema, schemaErrors, validateReport as validate } from '../support/report-schemas.js';
import { CONTEXT, PLAN_FIXTURE, scanFixturePlan, syntheticResult } from './report-fixtures.js';

type Doc = Record<string, any>;

function render(result: ScanResult): Doc {
  return JSON.parse(wholeText(jsonReport(result, CONTEXT))) as Doc;
}

function expectValid(doc: unknown): void {
  expect(validate(doc), schemaErrors(validate)).toBe(true);
}

let scanned: ScanResult;
beforeAll(async () => {
  scanned = await scanFixturePlan([PLAN_FIXTURE, 'test/fixtures/report/missing.plan.json']);
});

describe('JSON report against schemas/warden-report.schema.json', () => {
  it('is a strict schema ajv compiles', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accepts the report of a real scan', () => {
    const doc = render(scanned);
    expectValid(doc);
    expect(doc['schemaVersion']).toBe(JSON_SCHEMA_VERSION);
    expect(doc['findings'].map((f: Doc) => f['verdict'])).toEqual(['fail', 'unknown', 'suppressed']);
    expect(doc['inputs'][1]).toMatchObject({ path: 'test/fixtures/report/missing.plan.json', status: 'error', kind: 'unknown' });
    expect(doc['coverage']['complete']).toBe(false);
  });

  it('accepts a report with every verdict, source and location kind', () => {
    expectValid(render(syntheticResult()));
  });

  it('accepts the report of a run under a baseline, which counts the baselined findings', () => {
    const doc = render(applyBaseline(scanned, createBaseline(scanned.findings.slice(0, 1), scanned.tool, '2026-01-02')));
    expectValid(doc);
    expect(doc['summary']).toMatchObject({ findings: 2, baselined: 1 });
    expect(render(scanned)['summary']).not.toHaveProperty('baselined');
  });

  it('writes source and live locations, trace locations included, in the documented shapes', () => {
    const doc = render(syntheticResult());
    const [db, unknown, , untagged, live] = doc['findings'] as Doc[];
    expect(db!['location']).toEqual({ file: 'plans/prod.json', startLine: 120, endLine: 120, startColumn: 7 });
    expect(db!['trace'][1]).toEqual({
      label: 'igw-main',
      resource: { type: 'aws_internet_gateway', address: 'aws_internet_gateway.main' },
      location: { file: 'plans/prod.json', startLine: 40, endLine: 40 },
    });
    expect(unknown!['reason']).toBe('cidr_blocks depends on aws_subnet.app.cidr_block, known after apply');
    expect(untagged!['location']).toBeUndefined();
    expect(untagged!['evidence']).toEqual([{ path: 'tags.Owner', value: null }]);
    expect(live!['location']).toEqual({ account: '123456789012', region: 'eu-west-1', arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc' });
    expect(live!['resource']).toEqual({
      type: 'aws_security_group',
      address: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc',
      source: 'live',
      input: '123456789012/eu-west-1',
    });
  });

  it('accepts an audit: live inputs, API call counts and located read failures', () => {
    const result = syntheticResult();
    result.command = 'audit';
    result.inputs = [
      { path: '123456789012/eu-west-1', kind: 'live', status: 'scanned', resources: 12, details: { source: 'api' } },
      { path: '123456789012/ap-east-1', kind: 'live', status: 'error', error: '123456789012/ap-east-1: OptInRequired' },
    ];
    result.coverage = {
      complete: false,
      gaps: [{ scope: 'region', target: '123456789012/ap-east-1', message: '123456789012/ap-east-1: OptInRequired', account: '123456789012', region: 'ap-east-1', service: 'ec2', operations: ['DescribeVpcs'], errorCode: 'OptInRequired' }],
      apiCalls: { total: 9, retries: 1, byService: { ec2: { calls: 7, retries: 1 }, rds: { calls: 2, retries: 0 } }, byOperation: { 'ec2:DescribeVpcs': 2 }, byTarget: { '123456789012/eu-west-1': 9 } },
    };
    expectValid(render(result));
  });

  it('writes an absent evidence value as null', () => {
    const result = syntheticResult();
    result.findings[0]!.evidence = [{ path: 'kms_key_id', value: undefined }];
    const doc = render(result);
    expectValid(doc);
    expect(doc['findings'][0]['evidence']).toEqual([{ path: 'kms_key_id', value: null }]);
  });

  it.each([
    ['an unexpected finding property', (d: Doc) => (d['findings'][0]['line'] = 3)],
    ['an unknown verdict', (d: Doc) => (d['findings'][0]['verdict'] = 'warn')],
    ['an unknown severity', (d: Doc) => (d['findings'][0]['severity'] = 'severe')],
    ['an unknown without its reason', (d: Doc) => delete d['findings'][1]['reason']],
    ['a suppressed finding without its suppression', (d: Doc) => delete d['findings'][2]['suppression']],
    ['a location mixing file and ARN', (d: Doc) => (d['findings'][0]['location']['arn'] = 'arn:aws:x')],
    ['a start line without an end line', (d: Doc) => delete d['findings'][0]['location']['endLine']],
    ['a missing fingerprint', (d: Doc) => delete d['findings'][0]['fingerprint']],
    ['a malformed fingerprint', (d: Doc) => (d['findings'][0]['fingerprint'] = 'abc')],
    ['a bad resource source', (d: Doc) => (d['findings'][0]['resource']['source'] = 'cloud')],
    ['a missing summary count', (d: Doc) => delete d['summary']['byVerdict']['pass']],
    ['an input error without its message', (d: Doc) => delete d['inputs'][2]['error']],
    ['a different schema version', (d: Doc) => (d['schemaVersion'] = '2.0')],
  ])('rejects %s', (_name, mutate) => {
    const doc = render(syntheticResult());
    expectValid(doc);
    mutate(doc);
    expect(validate(doc)).toBe(false);
  });
});
