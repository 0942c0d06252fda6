/**
 * Numbers with an exponent and no fraction (`1e3`, `1E+3`, `2e-5`) are valid HCL, but the tree-sitter
 * grammar reads `1` and then a stray `e3`, and the whole file became unreadable. The parser is given
 * a copy of the text in which each such literal is replaced by digits of the same length (`1e3` →
 * `103`): the tree keeps every offset, and the builder reads each literal's value from the original
 * text. Inside strings and comments the change is harmless for the same reason. A digit run that is
 * part of a name (`x1e3`, `a-1e3`) is left alone: it is not a number there.
 */
const EXPONENT_WITHOUT_FRACTION = /(?<![\d.]|[A-Za-z_][\w-]*)\d+[eE][+-]?\d+(?![\w.])/g;

export function withExponentsAsDigits(text: string): string {
  if (!/\d[eE]/.test(text)) return text;
  return text.replace(EXPONENT_WITHOUT_FRACTION, (literal) => literal.replace(/[eE+-]/g, '0'));
}
