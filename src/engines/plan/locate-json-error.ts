/** Where a JSON text first goes wrong, and what was expected there. */
export interface JsonErrorSite {
  offset: number;
  problem: string;
}

enum State {
  Value,
  FirstInArray,
  NextInArray,
  FirstKey,
  Key,
  AfterValue,
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds the first syntax error of a JSON text, for a message that names the line and column.
 * `JSON.parse` gives no position for some errors (`Unexpected token ']'`) and words them differently
 * in each Node version; this says the same thing everywhere. It runs only after JSON.parse failed,
 * in one pass without recursion, so neither size nor nesting depth can break it. Returns undefined
 * when the text is valid JSON.
 */
export function locateJsonError(text: string): JsonErrorSite | undefined {
  const n = text.length;
  const closers: number[] = []; // char codes of the brackets still open: } or ]
  let i = 0;
  let state = State.Value;
  for (;;) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (state === State.AfterValue && closers.length === 0) {
      return i < n ? { offset: i, problem: 'unexpected data after the end of the JSON document' } : undefined;
    }
    if (i >= n) return { offset: n, problem: 'unexpected end of input (truncated file?)' };
    const c = text.charCodeAt(i);
    switch (state) {
      case State.FirstInArray:
      case State.NextInArray:
      case State.Value: {
        if (c === 0x5d /* ] */) {
          if (state === State.FirstInArray) {
            closers.pop();
            i++;
            state = State.AfterValue;
            continue;
          }
          if (state === State.NextInArray) return { offset: i, problem: 'trailing comma before "]"' };
        }
        const end = valueEnd(text, i);
        if (typeof end !== 'number') return end;
        if (end === -1) {
          closers.push(c === 0x7b ? 0x7d : 0x5d);
          i++;
          state = c === 0x7b ? State.FirstKey : State.FirstInArray;
        } else {
          i = end;
          state = State.AfterValue;
        }
        continue;
      }
      case State.FirstKey:
      case State.Key: {
        if (c === 0x7d /* } */) {
          if (state === State.Key) return { offset: i, problem: 'trailing comma before "}"' };
          closers.pop();
          i++;
          state = State.AfterValue;
          continue;
        }
        if (c !== 0x22) return { offset: i, problem: `expected a property name in double quotes, found ${describe(text, i)}` };
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        while (i < n && isWhitespace(text.charCodeAt(i))) i++;
        if (i >= n) return { offset: n, problem: 'unexpected end of input (truncated file?)' };
        if (text.charCodeAt(i) !== 0x3a /* : */) return { offset: i, problem: `expected ":" after the property name, found ${describe(text, i)}` };
        i++;
        state = State.Value;
        continue;
      }
      case State.AfterValue: {
        const closer = closers[closers.length - 1]!;
        if (c === 0x2c /* , */) {
          i++;
          state = closer === 0x7d ? State.Key : State.NextInArray;
        } else if (c === closer) {
          closers.pop();
          i++;
        } else {
          return { offset: i, problem: `expected "," or "${String.fromCharCode(closer)}", found ${describe(text, i)}` };
        }
        continue;
      }
    }
  }
}

/** End offset of the scalar at `i`, -1 when a container opens there, or the error. */
function valueEnd(text: string, i: number): number | JsonErrorSite {
  const c = text.charCodeAt(i);
  if (c === 0x7b || c === 0x5b) return -1;
  if (c === 0x22) return stringEnd(text, i);
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  NUMBER.lastIndex = i;
  if (NUMBER.test(text) && NUMBER.lastIndex > i) return NUMBER.lastIndex;
  return { offset: i, problem: `expected a value, found ${describe(text, i)}` };
}

function stringEnd(text: string, open: number): number | JsonErrorSite {
  for (let j = open + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c /* \ */) {
      const escape = text[j + 1];
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, problem: 'bad \\u escape in a string' };
        j += 5;
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        j++;
      } else {
        return { offset: j, problem: 'bad escape in a string' };
      }
    } else if (c < 0x20) {
      return { offset: j, problem: c === 0x0a ? 'unterminated string (line break inside a string)' : 'control character inside a string' };
    }
  }
  return { offset: text.length, problem: 'unexpected end of input inside a string (truncated file?)' };
}

function describe(text: string, i: number): string {
  const c = text.codePointAt(i)!;
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).padStart(4, '0').toUpperCase()}`;
  return `"${String.fromCodePoint(c)}"`;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
