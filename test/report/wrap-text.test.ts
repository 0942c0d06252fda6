import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/report/printable-text.js';
import { truncateLine, wrapText } from '../../src/report/console/wrap-text.js';

/** The definition wrapText keeps: words added one at a time while the line stays within `width`, a word too long for any line left whole. */
function wordByWord(text: string, indent: string, width: number, hangingIndent: string): string[] {
  const lines: string[] = [];
  let current = '';
  let prefix = indent;
  for (const word of printable(text.replace(/\s+/g, ' ')).split(' ')) {
    if (word === '') continue;
    if (current === '') current = word;
    else if (prefix.length + current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(prefix + current);
      prefix = hangingIndent;
      current = word;
    }
  }
  if (current !== '') lines.push(prefix + current);
  return lines;
}

describe('wrapText', () => {
  it('wraps at the last space that fits, leaves a long word whole, and drops white space at the ends', () => {
    expect(wrapText('  aaa bbb\tccc\n\ndddddddddddd e  ', '> ', 9, '  ')).toEqual(['> aaa bbb', '  ccc', '  dddddddddddd', '  e']);
    expect(wrapText('exactly', '', 7)).toEqual(['exactly']);
    expect(wrapText(' \n\t ', '  ')).toEqual([]);
    expect(wrapText('a\u001b[31mb c', '', 100)).toEqual(['a\\u001b[31mb c']);
  });

  it('collapses every character \\s matches, and only those', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (/\s/.test(char)) expect(wrapText(`a${char}b`, '')).toEqual(['a b']);
      else if (printable(char) === char) expect(wrapText(`a${char}b`, '')).toEqual([`a${char}b`]);
    }
  });

  it('gives the lines of the word-by-word definition for any text, indent and width', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(' ', '  ', '\n', '\t', '\u2028', '\u0085', '\u001b', 'é', '😀'), fc.string({ maxLength: 14 })), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 12 }), (t, indent, width, hanging) => {
        expect(wrapText(t, indent, width, hanging)).toEqual(wordByWord(t, indent, width, hanging));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('truncateLine', () => {
  it('is the escaped line, cut to the width with an ellipsis, for any text and width', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('\n', '\u001b', '\u202e', 'é', '😀'), fc.string({ maxLength: 30 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 60 }), (t, width) => {
        const shown = printable(t);
        expect(truncateLine(t, width)).toBe(shown.length <= width ? shown : `${shown.slice(0, width - 1)}…`);
      }),
      { numRuns: 3000 },
    );
  });
});
