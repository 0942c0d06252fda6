import fc from 'fast-check';

/**
 * Text that breaks naive code: lone UTF-16 surrogates, right-to-left overrides, zero-width and
 * byte-order marks, NUL and other controls, line and paragraph separators, a terminal escape,
 * template and JSONPath syntax, and a long run.
 */
export const ODD_TEXTS = [
  '\uD800', 'a\uDFFFb', '\uD83D', '\u202Egnp.exe', '\u200B', '\u200D\u200C', '\uFEFF', '\u0000', 'a\u0000b', '\u0007\u001b[31mred',
  '\u2028\u2029', 'line\nbreak', 'tab\there', 'שלום עולם', 'مرحبا', '日本語', '🔥💥', 'e\u0301', '${var.x}', '%{if}', '$..*', '"quoted"',
  '\\', '', ' ', 'x'.repeat(10_000),
] as const;

/** Any string: mostly ordinary, often odd (any code unit, lone surrogates included), sometimes one of ODD_TEXTS. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_TEXTS) },
);

/** Numbers at the edges of what JSON text can carry and JavaScript can hold. */
export const EDGE_NUMBERS = [0, -0, -1, 1.5, 65_535, 65_536, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER] as const;

export const edgeNumber: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
