import { describe, expect, it } from 'vitest';
import { Unknown } from '../../src/model/unknown.js';
import { valueAt, type Value } from '../../src/model/value.js';

describe('valueAt', () => {
  const why = new Unknown('known after apply');
  const root: Value = { a: { b: [{ c: 1 }, null], '': 'empty key' }, u: why, n: null, s: 'text', '': { x: 2 } };

  it('walks dotted and indexed paths, given as text or as steps', () => {
    expect(valueAt(root, 'a.b.0.c')).toBe(1);
    expect(valueAt(root, ['a', 'b', 0, 'c'])).toBe(1);
    expect(valueAt(root, 'a.b.1')).toBeNull();
    expect(valueAt(root, 's')).toBe('text');
  });

  it('an Unknown part way stands for the whole path; a missing, null or scalar step gives undefined', () => {
    expect(valueAt(root, 'u.x.y')).toBe(why);
    expect(valueAt(root, ['u', 'x'])).toBe(why);
    expect(valueAt(root, 'n.x')).toBeUndefined();
    expect(valueAt(root, 'a.b.1.c')).toBeUndefined();
    expect(valueAt(root, 's.length')).toBeUndefined();
    expect(valueAt(root, 'missing.x')).toBeUndefined();
  });

  it('reads own keys only, and empty steps as the empty key', () => {
    expect(valueAt(root, 'constructor')).toBeUndefined();
    expect(valueAt(root, 'a.toString')).toBeUndefined();
    expect(valueAt(root, '')).toBe(root);
    expect(valueAt(root, 'a.')).toBe('empty key');
    expect(valueAt(root, '.x')).toBe(2);
  });
});
