import { EOL } from 'node:os';
import { describe, expect, it } from 'vitest';
import { formatStepOutputs } from '../../src/action/step-outputs.js';

describe('step outputs', () => {
  it('writes each output as name<<DELIMITER, the value, DELIMITER, so values may span lines', () => {
    const text = formatStepOutputs({ high: '2', note: 'a\nb' }, () => 'END');
    expect(text).toBe(['high<<END', '2', 'END', 'note<<END', 'a\nb', 'END', ''].join(EOL));
  });

  it('draws another delimiter when the value contains the first', () => {
    const delimiters = ['EOF', 'EOF2'];
    const text = formatStepOutputs({ body: 'line\nEOF\nmore' }, () => delimiters.shift()!);
    expect(text).toBe(['body<<EOF2', 'line\nEOF\nmore', 'EOF2', ''].join(EOL));
  });
});
