import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralSearch, type Literal } from '../../src/rules/literal-search.js';

/** The plain definition: at each position, the longest literal that starts there and respects its boundaries. */
function naive(text: string, literals: readonly Literal[], replacement: string): string {
  const word = /[\p{L}\p{N}_]/u;
  const isWord = (c: string | undefined): boolean => c !== undefined && word.test(c);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const found = literals
      .filter((l) => l.text !== '' && text.startsWith(l.text, i))
      .filter((l) => !l.whole || !((isWord(l.text[0]) && isWord(text[i - 1])) || (isWord(l.text.at(-1)) && isWord(text[i + l.text.length]))))
      .sort((a, b) => b.text.length - a.text.length)[0];
    if (found) {
      out += replacement;
      i += found.text.length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

describe('LiteralSearch', () => {
  it('replaces leftmost, then longest, occurrences; whole literals only as whole tokens', () => {
    const search = new LiteralSearch([
      { text: 'he', whole: false }, { text: 'she', whole: false }, { text: 'hers', whole: false }, { text: 'his', whole: true }, { text: '"x"', whole: false }, { text: 'x', whole: true },
    ]);
    expect(search.replace('ushers', '#')).toBe('u#rs'); // "she" starts first
    expect(search.replace('hers', '#')).toBe('#'); // "hers" is longer than "he"
    expect(search.replace('this his', '#')).toBe('this #');
    expect(search.replace('say "x" or x or xx', '#')).toBe('say # or # or xx');
    expect(search.replace('nothing', '#')).toBe('nothing');
  });

  it('agrees with the plain definition on arbitrary texts and literals', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '.', '"', ' ', '0', '/');
    const piece = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ text: piece, whole: fc.boolean() }), { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 40 }).map((c) => c.join('')), (literals, text) => {
        expect(new LiteralSearch(literals).replace(text, '#')).toBe(naive(text, literals, '#'));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the plain definition for many literals sharing long prefixes (a password per database)', () => {
    const alphabet = fc.constantFrom('p', 'w', '-', 'a', 'b', ' ');
    const secret = fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((chars) => `pw-${chars.join('')}`);
    fc.assert(
      fc.property(fc.array(fc.record({ text: secret, whole: fc.boolean() }), { minLength: 1, maxLength: 40 }), fc.array(fc.oneof(alphabet, secret), { maxLength: 30 }).map((c) => c.join('')), (literals, text) => {
        expect(new LiteralSearch(literals).replace(text, '#')).toBe(naive(text, literals, '#'));
      }),
      { numRuns: 300 },
    );
  });

  it('an empty literal occurs nowhere', () => {
    expect(new LiteralSearch([{ text: '', whole: false }, { text: 'b', whole: false }]).replace('abc', '#')).toBe('a#c');
  });
});
