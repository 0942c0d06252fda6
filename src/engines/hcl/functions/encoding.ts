import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { isValueObject, setEntry, type Value } from '../../../model/value.js';
import { EvalError } from '../eval/eval-error.js';
import { UnknownJson } from '../../../model/unknown-json.js';
import { asString, firstUnknown, requireKnown, sortedKeys } from '../eval/values.js';
import { arity, type HclFunction } from './function-signature.js';

let yamlModule: typeof import('yaml') | undefined;
/** The YAML library, required on first use of yamlencode/yamldecode: most configurations never call them (start-up cost, DESIGN §7). */
function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

/** JSON as Terraform's jsonencode writes it: object keys sorted, `<`, `>` and `&` escaped. */
export function jsonText(value: Value): string {
  requireKnown(value);
  return JSON.stringify(sortKeys(value)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

function sortKeys(value: Value): Value {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isValueObject(value)) {
    const out: Record<string, Value> = {};
    for (const key of sortedKeys(value)) setEntry(out, key, sortKeys(value[key]!));
    return out;
  }
  return value;
}

function decoded(value: unknown): Value {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(decoded);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Value> = {};
    for (const [key, item] of Object.entries(value)) setEntry(out, key, decoded(item));
    return out;
  }
  return value as Value;
}

const hash = (algorithm: string, encoding: 'hex' | 'base64'): HclFunction => (args) => {
  arity(args, 1);
  return createHash(algorithm).update(asString(args[0])).digest(encoding);
};

export const encodingFunctions: Record<string, HclFunction> = {
  jsonencode: (args) => {
    arity(args, 1);
    // Partly unknown: the text is unknown, as in Terraform, but the encoded value is kept (policy documents are judged on what is known).
    const unknown = firstUnknown(args[0]);
    return unknown ? new UnknownJson(unknown.reason, args[0]!) : jsonText(args[0]!);
  },
  jsondecode: (args) => {
    arity(args, 1);
    try {
      return decoded(JSON.parse(asString(args[0])));
    } catch (error) {
      if (error instanceof SyntaxError) throw new EvalError(`not valid JSON: ${error.message}`);
      throw error;
    }
  },
  yamlencode: (args) => {
    arity(args, 1);
    requireKnown(args[0]!);
    return yaml().stringify(sortKeys(args[0]!));
  },
  yamldecode: (args) => {
    arity(args, 1);
    try {
      return decoded(yaml().parse(asString(args[0])));
    } catch (error) {
      throw new EvalError(`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  },
  base64encode: (args) => (arity(args, 1), Buffer.from(asString(args[0]), 'utf8').toString('base64')),
  base64decode: (args) => (arity(args, 1), Buffer.from(asString(args[0]), 'base64').toString('utf8')),
  urlencode: (args) => (arity(args, 1), encodeURIComponent(asString(args[0])).replace(/%20/g, '+')),
  md5: hash('md5', 'hex'),
  sha1: hash('sha1', 'hex'),
  sha256: hash('sha256', 'hex'),
  sha512: hash('sha512', 'hex'),
  base64sha256: hash('sha256', 'base64'),
  base64sha512: hash('sha512', 'base64'),
};
