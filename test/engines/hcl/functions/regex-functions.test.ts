import { describe, expect, it } from 'vitest';
import { callFunction } from '../../../../src/engines/hcl/functions/call-function.js';
import { isUnknown } from '../../../../src/model/unknown.js';

describe('regex functions (RE2 semantics)', () => {
  it('finish a catastrophic-backtracking pattern on a long string (linear time)', () => {
    // A backtracking engine needs about 2^n steps here; with n = 40 000 it would never return.
    const text = `${'a'.repeat(40_000)}!`;
    expect(callFunction('regexall', ['(a+)+$', text])).toEqual([]);
    expect(callFunction('replace', [text, '/(a|aa)+$/', 'x'])).toBe(text);
    expect(() => callFunction('regex', ['^(a*)*b$', text])).toThrow(/does not match/);
  });

  it('keep Go named groups: regex returns a map, regexall a list of maps', () => {
    expect(callFunction('regex', ['(?P<env>[a-z]+)-(?P<n>\\d+)', 'app-prod-42'])).toEqual({ env: 'prod', n: '42' });
    expect(callFunction('regexall', ['(?P<k>\\w)=(?P<v>\\d)', 'a=1 b=2'])).toEqual([
      { k: 'a', v: '1' },
      { k: 'b', v: '2' },
    ]);
  });

  it('return the match, or a list of groups with null for a group that did not take part', () => {
    expect(callFunction('regex', ['[0-9]+', 'v10.2'])).toBe('10');
    expect(callFunction('regex', ['(\\d+)(x)?', 'v10'])).toEqual(['10', null]);
    expect(callFunction('regexall', ['\\d', 'a1b2'])).toEqual(['1', '2']);
  });

  it('expand $1 and ${name} in replace as Go does', () => {
    expect(callFunction('replace', ['hello world', '/(\\w+) (\\w+)/', '$2 $1'])).toBe('world hello');
    expect(callFunction('replace', ['k=v', '/(?P<key>\\w)=(?P<val>\\w)/', '${val}:${key}'])).toBe('v:k');
    expect(callFunction('replace', ['a.b', '.', '-'])).toBe('a-b');
  });

  it('reject syntax RE2 does not have (backreferences, lookaround) as an error, not a hang', () => {
    expect(() => callFunction('regex', ['(a)\\1', 'aa'])).toThrow(/invalid regular expression/);
    expect(() => callFunction('regex', ['a(?=b)', 'ab'])).toThrow(/invalid regular expression/);
  });

  it('stay unknown on an unknown argument', async () => {
    const { Unknown } = await import('../../../../src/model/unknown.js');
    expect(isUnknown(callFunction('regex', ['a', new Unknown('later')]))).toBe(true);
  });
});

describe('replace with a regular expression', () => {
  it('expands templates like Go: $$, unknown groups empty, longest name', () => {
    expect(callFunction('replace', ['ab', '/(a)/', '$$1'])).toBe('$1b');
    expect(callFunction('replace', ['ab', '/(a)/', '[$9]'])).toBe('[]b');
    expect(callFunction('replace', ['ab', '/(a)/', '$1x'])).toBe('b');
    expect(callFunction('replace', ['ab', '/(a)/', '${1}x'])).toBe('axb');
    expect(callFunction('replace', ['héllo wörld', '/ö/', 'o'])).toBe('héllo world');
    expect(callFunction('replace', ['abc', '/x*/', '-'])).toBe('-a-b-c-');
  });
});
