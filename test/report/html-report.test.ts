import { describe, expect, it } from 'vitest';
import { HOSTILE, estateResult, html } from './html-report-support.js';

describe('HTML report (structure, without a browser)', async () => {
  const result = await estateResult();
  const page = html(result);

  it('is one self-contained file: no external style, script, image or font', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    // Without the hostile finding, whose escaped text would match these patterns inside attribute values.
    const plain = html({ ...result, findings: result.findings.slice(0, -1) });
    expect(plain).not.toMatch(/<link\b|<img\b|<[^>]*\ssrc=|@import|url\(/i);
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('escapes every text from the result: hostile markup stays text', () => {
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;');
  });

  it('has a row per finding, the summaries, and an exposure path for the reachable database', () => {
    expect(page.match(/<tr data-severity=/g)).toHaveLength(result.findings.length);
    expect(page).toContain('<table id="by-target">');
    expect(page).toContain('<td>111122223333/eu-west-1</td>');
    expect(page).toContain('<table id="by-policy">');
    expect(page).toContain('CIS AWS Foundations Benchmark v3.0.0: ');
    expect(page).toMatch(/<svg class="path"[^>]*>.*igw-0e2b7d4c6a8f1b3d5.*<\/svg>/s);
    expect(page).toContain('id="coverage">Complete');
  });

  it('says prominently when the audit is incomplete', () => {
    const incomplete = html({ ...result, coverage: { complete: false, gaps: [{ scope: 'region', target: '111122223333/ap-south-1', message: '111122223333/ap-south-1: ec2: TimeoutError' }] } });
    expect(incomplete).toContain('<div class="banner incomplete" id="coverage"><strong>Incomplete: 1 coverage gap.</strong>');
  });
});
