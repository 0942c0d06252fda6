import { describe, expect, it } from 'vitest';
import { Unknown, isUnknown } from '../../src/model/unknown.js';

describe('isUnknown', () => {
  it('knows Unknowns made by this copy of warden and by another (a policy pack bundling its own)', () => {
    class OtherCopyUnknown {
      get [Symbol.for('warden.unknown')](): true {
        return true;
      }
      constructor(readonly reason: string) {}
    }
    expect(isUnknown(new Unknown('later'))).toBe(true);
    expect(isUnknown(new OtherCopyUnknown('later'))).toBe(true);
  });

  it('nothing else is one: scalars, null, lists, objects', () => {
    for (const value of [undefined, null, 0, '', 'x', true, [], [new Unknown('inside')], {}, { reason: 'x' }]) expect(isUnknown(value)).toBe(false);
  });
});
