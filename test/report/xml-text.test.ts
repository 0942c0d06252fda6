import { describe, expect, it } from 'vitest';
import { attributeText } from '../../src/report/junit/xml-text.js';

describe('attributeText', () => {
  it('escapes only markup and quotes in a value that needs nothing else (an address, a message)', () => {
    expect(attributeText('module.env["a"].aws_s3_bucket.b allows tcp 22 from 0.0.0.0/0')).toBe('module.env[&quot;a&quot;].aws_s3_bucket.b allows tcp 22 from 0.0.0.0/0');
    expect(attributeText('a < b & c > "d"')).toBe('a &lt; b &amp; c &gt; &quot;d&quot;');
    expect(attributeText('plain')).toBe('plain');
  });

  it('still normalises white space next to a quote: runs, ends, tabs, line breaks and no-break spaces become one space or none', () => {
    expect(attributeText(' "a"  b\t\tc\n\rd\u00a0e ')).toBe('&quot;a&quot; b c d e');
    expect(attributeText('"a" \u2028 b')).toBe('&quot;a&quot; b');
  });

  it('still shows controls and bidi characters as text and replaces what XML cannot hold, next to a quote', () => {
    expect(attributeText('"a"\u0000\u001b\u0085\u202e\u2066')).toBe('&quot;a&quot;\\u0000\\u001b\\u0085\\u202e\\u2066');
    expect(attributeText('"a"\ud800\uffff')).toBe('&quot;a&quot;\ufffd\ufffd');
    expect(attributeText('"a" \u{1f600}')).toBe('&quot;a&quot; \u{1f600}');
  });

  it('never leaves a workflow command at the start', () => {
    expect(attributeText('::error::"x"')).toBe('&#58;:error::&quot;x&quot;');
  });
});
