import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ocsfReport } from '../../src/report/ocsf/ocsf-report.js';
import { wholeText } from '../../src/report/report-text.js';
import { detectionFindingSchemaText, REFERENCE_EXPORT, SCHEMA_FILE } from '../../scripts/ocsf/build-detection-finding-schema.js';
import { validateOcsf } from '../support/report-schemas.js';
import { CONTEXT, scanFixturePlan, SYNTHETIC_SECRET, syntheticResult } from './report-fixtures.js';

const TIME = 1_767_225_600_000;

type Event = Record<string, any>;

function render(result = syntheticResult()): Event[] {
  return JSON.parse(wholeText(ocsfReport(result, { ...CONTEXT, time: TIME }))) as Event[];
}

function schemaErrors(event: unknown): string[] {
  return validateOcsf(event) ? [] : (validateOcsf.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('OCSF report', () => {
  it('writes every finding, of every verdict and source, as a Detection Finding valid against the OCSF 1.8.0 schema', async () => {
    const events = [...render(), ...render(await scanFixturePlan())];
    expect(events.length).toBeGreaterThan(8);
    for (const event of events) expect(schemaErrors(event)).toEqual([]);
  });

  it('the schema rejects what OCSF does not define, so the validation above can fail', () => {
    const [event] = render();
    expect(schemaErrors({ ...event, compliance_status: 'FAILED' })).not.toEqual([]);
    expect(schemaErrors({ ...event, severity_id: 7 })).not.toEqual([]);
    const { cloud: _cloud, ...withoutCloud } = event!;
    expect(schemaErrors(withoutCloud)).not.toEqual([]);
  });

  it('maps a live failure: class, severity, status, finding, resource, cloud account and region, remediation, controls', () => {
    const event = render().find((e) => e['finding_info'].uid === '00000000000000000000000000000005')!;
    expect(event).toMatchObject({
      class_uid: 2004,
      category_uid: 2,
      activity_id: 1,
      type_uid: 200401,
      severity_id: 5,
      status_id: 1,
      time: TIME,
      metadata: { version: '1.8.0', product: { name: 'warden', version: '0.1.0' } },
      finding_info: { title: 'Security group open to the internet', desc: 'A security group admits traffic from the internet.' },
      cloud: { provider: 'AWS', account: { uid: '123456789012' }, region: 'eu-west-1' },
      resources: [{ uid: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc', type: 'aws_security_group', region: 'eu-west-1' }],
      remediation: { desc: 'Restrict the CIDR.', references: [syntheticResult().policies.find((p) => p.id === 'sg-open-ingress')!.helpUri] },
      evidences: [{ name: 'IpPermissions[0].IpRanges[0].CidrIp', data: { value: '0.0.0.0/0' } }],
      unmapped: { verdict: 'fail' },
    });
    const db = render().find((e) => e['finding_info'].uid === '00000000000000000000000000000001')!;
    expect(db['unmapped']).toMatchObject({ compliance: [{ standards: ['CIS AWS 3.0'], requirements: ['2.3.3'] }], controls: ['CIS AWS 3.0:2.3.3'], location: { file: 'plans/prod.json', line: 120 } });
    expect(db['cloud']).toEqual({ provider: 'AWS' });
  });

  it('never marks an undecided check resolved, and says why it is undecided or suppressed', () => {
    const byVerdict = (verdict: string) => render().filter((e) => e['unmapped'].verdict === verdict);
    for (const event of byVerdict('unknown')) expect(event).toMatchObject({ status_id: 99, status: 'Unknown verdict', status_detail: 'cidr_blocks depends on aws_subnet.app.cidr_block, known after apply' });
    for (const event of byVerdict('suppressed')) expect(event['status_id']).toBe(3);
    expect(byVerdict('suppressed')[0]!['status_detail']).toBe('suppressed by inline ignore: demo environment (until 2099-01-01)');
    for (const event of byVerdict('pass')) expect(event['status_id']).toBe(4);
  });

  it('names a resource by its Name tag in the real pipeline, and prints no sensitive value', async () => {
    const text = wholeText(ocsfReport(await scanFixturePlan(), { ...CONTEXT, time: TIME }));
    const events = JSON.parse(text) as Event[];
    expect(events.map((e) => e['resources'][0].name).every((name) => typeof name === 'string' && name !== '')).toBe(true);
    expect(wholeText(ocsfReport(syntheticResult(), CONTEXT))).not.toContain(SYNTHETIC_SECRET);
  });

  it('an empty result is an empty array', () => {
    expect(render({ ...syntheticResult(), findings: [] })).toEqual([]);
  });

  it.skipIf(!existsSync(REFERENCE_EXPORT))('the committed schema is the one derived from the OCSF 1.8.0 compiled export', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(detectionFindingSchemaText(REFERENCE_EXPORT));
  });
});
