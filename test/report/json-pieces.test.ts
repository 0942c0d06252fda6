import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSequence, jsonPieces } from '../../src/report/json/json-pieces.js';
import { wholeText } from '../../src/report/report-text.js';
import { propertyParameters } from '../property/property-runs.js';

/** Values as reports hold them: nested objects and arrays, members without a JSON form, values with toJSON. */
const reportValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.constant({ toJSON: () => '(sensitive)' }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('jsonPieces', () => {
  it('writes what JSON.stringify(value, null, 2) writes, byte for byte, at every depth', () => {
    fc.assert(
      fc.property(reportValue, fc.integer({ min: 0, max: 5 }), (value, depth) => {
        expect(wholeText(jsonPieces(value, depth))).toBe(JSON.stringify(value, null, 2) ?? 'null');
      }),
      propertyParameters(300),
    );
  });

  it('writes an array of many items in batches, and a JsonSequence as its mapped items', () => {
    const findings = Array.from({ length: 1000 }, (_, i) => ({ id: i, tags: i % 3 === 0 ? [] : ['a', { b: i }], skip: undefined }));
    const document = { schemaVersion: '1.0', findings: new JsonSequence(findings, (f) => ({ ...f, id: `f${f.id}` })), empty: new JsonSequence([], (x) => x) };
    const expected = JSON.stringify(document, null, 2);
    for (const depth of [1, 2, 3]) expect(wholeText(jsonPieces(document, depth))).toBe(expected);
    // The findings are written in several pieces, none of them the whole array.
    const pieces = [...jsonPieces(document, 2)];
    expect(pieces.length).toBeGreaterThan(4);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(expected.length / 2);
  });
});
