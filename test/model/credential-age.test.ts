import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/model/credential-age.js';
import { isUnknown, Unknown } from '../../src/model/unknown.js';

describe('daysBetween', () => {
  it('counts whole days up to the collection time', () => {
    expect(daysBetween('2026-09-01T00:00:00+00:00', '2026-12-01T00:00:00Z')).toBe(91);
    expect(daysBetween('2026-09-02T00:00:01+00:00', '2026-12-01T00:00:00Z')).toBe(89);
  });
  it('is Unknown without a collection time or with a bad date', () => {
    expect(isUnknown(daysBetween('2026-09-01T00:00:00Z', new Unknown('x')))).toBe(true);
    expect(isUnknown(daysBetween('2026-09-01T00:00:00Z', null))).toBe(true);
    expect(isUnknown(daysBetween('N/A', '2026-12-01T00:00:00Z'))).toBe(true);
  });
});
