import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedPolicy } from '../loading/loaded-policy.js';
import type { PolicyLoadProblem } from '../loading/policy-load-problem.js';
import { compileDeclarativePolicy } from './compile-declarative-policy.js';
import { inlineExampleCases } from './inline-examples.js';
import { validateDeclarativeText } from './validate-declarative-policy.js';

/**
 * Loads one `*.policy.yaml|yml|json` file: parsed, validated against
 * schemas/warden-policy.schema.json and checked (paths, patterns, placeholders), then compiled.
 * Cases live in `<dir>/<id>/cases`, plus the file's inline examples.
 */
export function loadDeclarativePolicyFile(path: string, source: string, dir: string): { policy: LoadedPolicy } | { problems: PolicyLoadProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { problems: [{ source, message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  const checked = validateDeclarativeText(text, source);
  if ('problems' in checked) return { problems: [oneProblem(checked.problems)] };
  const doc = checked.document;
  return {
    policy: {
      policy: compileDeclarativePolicy(doc),
      origin: { kind: 'file', source, casesDir: join(dir, doc.id, 'cases') },
      ...(doc.examples?.length ? { examples: inlineExampleCases(doc.examples, source) } : {}),
    },
  };
}

/** A file's problems as one report line: the first one's position, then each message. */
function oneProblem(problems: PolicyLoadProblem[]): PolicyLoadProblem {
  const [first, ...rest] = problems as [PolicyLoadProblem, ...PolicyLoadProblem[]];
  if (rest.length === 0) return first;
  const others = rest.map((p) => `${p.source.slice(p.source.lastIndexOf(':') + 1)}: ${p.message}`);
  return { ...first, message: [first.message, ...others.map((o) => `line ${o}`)].join('; ') };
}
