import { describe, expect, it } from 'vitest';
import { IGNORABLE, inertCommands } from '../../src/report/inert-commands.js';

describe('inertCommands', () => {
  it('spells out exactly the default-ignorable code points', () => {
    const spelt = new RegExp(`^${IGNORABLE}$`);
    const unicode = /^\p{Default_Ignorable_Code_Point}$/u;
    const differ: string[] = [];
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      if (spelt.test(char) !== unicode.test(char)) differ.push(point.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it.each([
    ['::error::x', '\\u003a:error::x'],
    ['\t  ::warning::x', '\t  \\u003a:warning::x'],
    ['ok\r::error::x\r\n ::notice::y', 'ok\r\\u003a:error::x\r\n \\u003a:notice::y'],
    [':::x', '\\u003a::x'],
    ['\u00a0\u0085::x', '\u00a0\u0085\\u003a:x'],
    ['\u200b:\u00ad:x', '\u200b\\u003a\u00ad:x'],
    ['\u{e0020}::x', '\u{e0020}\\u003a:x'],
    ['a ##[set-output name=x]y', 'a \\u0023#[set-output name=x]y'],
    ['###[x]', '#\\u0023#[x]'],
    ['#\u200b#\u00ad[x]', '\\u0023\u200b#\u00ad[x]'],
  ])('breaks %j', (text, inert) => {
    expect(inertCommands(text)).toBe(inert);
  });

  it.each(['a ::/0 route', '2001:db8::/32', 'x:: y', '## heading', '#[x]', 'tcp 22'])('leaves %j alone', (text) => {
    expect(inertCommands(text)).toBe(text);
  });

  it('finds a pair that only an ignorable character separates, in text with colons but no `::`', () => {
    const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
    const missed: string[] = [];
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      if (!ignorable.test(char)) continue;
      if (inertCommands(`arn:aws:s3\n:${char}:error`) !== `arn:aws:s3\n\\u003a${char}:error`) missed.push(point.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('writes the escape the format gives', () => {
    expect(inertCommands('::x ##[y]', { colon: '&#58;', hash: '&#35;' })).toBe('&#58;:x &#35;#[y]');
  });
});
