import { describe, expect, it } from 'vitest';
import { consoleTheme } from '../../src/report/console/console-theme.js';

describe('consoleTheme', () => {
  it('paints nothing without colour, and with colour wraps the text in ANSI styles', () => {
    const plain = consoleTheme(false);
    const coloured = consoleTheme(true);
    for (const theme of [plain, coloured]) expect(Object.keys(theme.severity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect([plain.severity.critical('x y'), plain.verdict.unknown('x'), plain.heading(''), plain.muted('a\nb')]).toEqual(['x y', 'x', '', 'a\nb']);
    expect(coloured.severity.high('x')).toBe('\u001b[31mx\u001b[39m');
    expect(coloured.muted('x')).not.toBe('x');
  });
});
