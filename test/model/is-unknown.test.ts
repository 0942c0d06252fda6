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
    for (const value of [undefined, null, 0, '', 'x', true, [], [new Unknown('inside')], {}, { reason: 'x' }, Object.create(null) as object]) expect(isUnknown(value)).toBe(false);
  });
});

describe('isSensitive', () => {
  it('knows Sensitives of any copy of warden; lists and plain or prototype-less objects are none', async () => {
    const { Sensitive, isSensitive } = await import('../../src/model/sensitive.js');
    class OtherCopySensitive {
      get [Symbol.for('warden.sensitive')](): true {
        return true;
      }
    }
    expect(isSensitive(new Sensitive('pw'))).toBe(true);
    expect(isSensitive(new OtherCopySensitive())).toBe(true);
    for (const value of [null, 'pw', [], {}, Object.create(null) as object]) expect(isSensitive(value)).toBe(false);
  });
});
