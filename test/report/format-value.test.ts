import { describe, expect, it } from 'vitest';
import { asSentence } from '../../src/report/format-value.js';

describe('asSentence', () => {
  it('keeps a message that ends a sentence and ends any other with a full stop, trimmed', () => {
    expect(asSentence('Open to the internet')).toBe('Open to the internet.');
    expect(asSentence('  Done.  ')).toBe('Done.');
    expect(asSentence('Really!')).toBe('Really!');
    expect(asSentence('Why?\n')).toBe('Why?');
    expect(asSentence('port 22 (SSH)')).toBe('port 22 (SSH).');
    expect(asSentence('')).toBe('.');
  });
});
