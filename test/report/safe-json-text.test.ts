import { describe, expect, it } from 'vitest';
import { safeJsonText } from '../../src/report/json/safe-json-text.js';

describe('safeJsonText', () => {
  it('leaves plain ASCII JSON as it is, IPv6 ranges included', () => {
    const text = JSON.stringify({ cidr: '::/0', path: 'a["b"]', n: 1 }, null, 2);
    expect(safeJsonText(text)).toBe(text);
  });

  it('escapes DEL, C1, line and paragraph separators and bidi controls, alone in ASCII text or beside other characters', () => {
    for (const [raw, escaped] of [
      ['\u007f', '\\u007f'],
      ['\u0085', '\\u0085'],
      ['\u2028', '\\u2028'],
      ['\u202e', '\\u202e'],
      ['\u2066', '\\u2066'],
    ]) {
      expect(safeJsonText(JSON.stringify({ v: `a${raw}b` }))).toBe(`{"v":"a${escaped}b"}`);
      expect(safeJsonText(JSON.stringify({ v: `→ a${raw}b` }))).toBe(`{"v":"→ a${escaped}b"}`);
    }
    expect(safeJsonText('{"v":"é"}')).toBe('{"v":"é"}');
  });

  it('breaks legacy commands, also with ignorable characters between', () => {
    expect(safeJsonText(JSON.stringify({ v: 'x ##[set-output name=a]b' }))).toBe('{"v":"x \\u0023#[set-output name=a]b"}');
    expect(safeJsonText(JSON.stringify({ v: '#\u200b#[add-mask]z' }))).toBe('{"v":"\\u0023\u200b#[add-mask]z"}');
    expect(safeJsonText(JSON.stringify({ v: 'issue #12 and #13' }))).toBe('{"v":"issue #12 and #13"}');
  });

  it('needs no test for C0 controls: JSON.stringify leaves none raw but its own line feeds', () => {
    const every = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
    const text = JSON.stringify({ [every]: every }, null, 2);
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f]/);
    expect(safeJsonText(text)).toBe(text);
  });

  it('finds a hazard wherever it stands, in short pieces and in pieces longer than a megabyte', () => {
    for (const length of [10, (1 << 20) - 20, (1 << 20) + 10, 3 << 20]) {
      const padding = 'a'.repeat(length);
      expect(safeJsonText(`"${padding}\u202e"`)).toBe(`"${padding}\\u202e"`);
      expect(safeJsonText(`"\u0085${padding}"`)).toBe(`"\\u0085${padding}"`);
      expect(safeJsonText(`"${padding}"`)).toBe(`"${padding}"`);
    }
  });
});
