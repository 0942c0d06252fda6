import { describe, expect, it } from 'vitest';
import { tagMap, toValue } from '../../../src/engines/live/aws-object.js';

describe('prototype-named keys in live AWS objects are ordinary keys', () => {
  it('a tag named __proto__ or constructor is kept as a tag (API list and Config map forms)', () => {
    const fromList = tagMap([{ Key: '__proto__', Value: 'p' }, { Key: 'constructor', Value: 'c' }]);
    expect(Object.keys(fromList)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(fromList, '__proto__')?.value).toBe('p');
    expect(Object.getPrototypeOf(fromList)).toBe(Object.prototype);
    const fromMap = tagMap(JSON.parse('{"__proto__":"p","Owner":"o"}'));
    expect(Object.keys(fromMap)).toEqual(['__proto__', 'Owner']);
  });

  it('an API field named __proto__ stays a field of the value', () => {
    const value = toValue(JSON.parse('{"Settings":{"__proto__":{"x":1},"y":2}}')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(value['Settings']!)).toEqual(['__proto__', 'y']);
    expect(Object.getOwnPropertyDescriptor(value['Settings'], '__proto__')?.value).toEqual({ x: 1 });
  });
});
