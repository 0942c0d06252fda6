import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/report/csv/csv-columns.js';
import { csvReport } from '../../src/report/csv/csv-report.js';
import { wholeText } from '../../src/report/report-text.js';
import type { Finding } from '../../src/rules/finding.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { summarise } from '../../src/scan/summarise.js';
import { CONTEXT, SYNTHETIC_SECRET, syntheticResult } from './report-fixtures.js';

/** RFC 4180 read back: fields split on commas outside quotes, `""` inside quotes a quote; rows end with LF (csv-report.ts). */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const char = line[i]!;
        if (quoted && char === '"' && line[i + 1] === '"') (field += '"'), i++;
        else if (char === '"') quoted = !quoted;
        else if (char === ',' && !quoted) fields.push(field), (field = '');
        else field += char;
      }
      expect(quoted).toBe(false);
      return [...fields, field];
    });
}

function rows(result: ScanResult = syntheticResult()): Record<string, string>[] {
  const [header, ...body] = parseCsv(wholeText(csvReport(result, CONTEXT)));
  expect(header).toEqual([...CSV_COLUMNS]);
  return body.map((cells) => {
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, cells[index]!]));
  });
}

function withMessage(message: string, address = 'aws_s3_bucket.logs'): ScanResult {
  const base = syntheticResult();
  const finding: Finding = { ...base.findings[3]!, message, resource: { ...base.findings[3]!.resource, address, name: address } };
  return { ...base, findings: [finding], summary: summarise([finding]) };
}

describe('CSV report', () => {
  it('has a fixed header, in the documented order', () => {
    expect(wholeText(csvReport({ ...syntheticResult(), findings: [] }, CONTEXT))).toBe(
      'account,region,resource,name,type,policy,severity,verdict,message,controls,fingerprint,file,line,first_seen,evidence,remediation\n',
    );
  });

  it('writes one row per finding, live ones with account, region and ARN, source ones with file and line', () => {
    const all = rows();
    expect(all).toHaveLength(syntheticResult().findings.length);
    expect(all.find((r) => r['fingerprint'] === '00000000000000000000000000000005')).toMatchObject({
      account: '123456789012',
      region: 'eu-west-1',
      resource: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc',
      type: 'aws_security_group',
      policy: 'sg-open-ingress',
      severity: 'critical',
      verdict: 'fail',
      file: '',
      line: '',
    });
    expect(all.find((r) => r['fingerprint'] === '00000000000000000000000000000001')).toMatchObject({
      account: '',
      resource: 'aws_db_instance.main',
      controls: 'CIS AWS 3.0:2.3.3',
      file: 'plans/prod.json',
      line: '120',
      evidence: 'publicly_accessible = true; password = (sensitive) (set by the module)',
      remediation: 'Set publicly_accessible = false.',
    });
    expect(all.find((r) => r['verdict'] === 'unknown')!['message']).toContain('unknown because: cidr_blocks depends on aws_subnet.app.cidr_block');
    expect(all.find((r) => r['fingerprint'] === '00000000000000000000000000000004')!['controls']).toBe('Internal');
  });

  it('quotes commas, quotes and line breaks, and keeps each row on one line', () => {
    const [row] = rows(withMessage('a, "b"\r\nc\nd'));
    expect(row!['message']).toBe('a, "b"\\u000d\\u000ac\\u000ad');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")'],
    ['+1+cmd|\' /C calc\'!A0'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
  ])('neutralises a cell a spreadsheet would run as a formula: %j', (formula) => {
    const [row] = rows(withMessage(formula, formula));
    expect(row!['message']).toBe(`'${formula}`);
    expect(row!['resource']).toBe(`'${formula}`);
    expect(row!['name']).toBe(`'${formula}`);
  });

  it('prints no sensitive value', () => {
    expect(wholeText(csvReport(syntheticResult(), CONTEXT))).not.toContain(SYNTHETIC_SECRET);
  });
});
