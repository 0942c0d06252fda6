import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Value } from '../../../model/value.js';
import { describeJsonSyntaxError } from '../../../document-errors/locate-json-error.js';
import { attributes, type ModuleConfig } from '../config/module-config.js';
import type { SourceTree } from '../config/source-tree.js';
import { evaluate } from '../eval/evaluator.js';
import { isPrimitive, parseType } from '../eval/type-constraint.js';
import { evaluateAttribute, isConstantString, locationOf } from '../instances/evaluate-body.js';
import type { VariableSource } from '../inventory/config-resources.js';
import { CONSTANT_NAMES } from '../instances/module-instance.js';
import { parseHclFile } from '../syntax/parse-file.js';
import { HclSyntaxError } from '../syntax/parser.js';

/** Variable values given on the command line, applied to every root module that declares them. */
export interface VariableOptions {
  /** `--var-file` paths (absolute), in order. */
  varFiles?: readonly string[];
  /** `--var name=value`, in order. */
  vars?: readonly string[];
}

/**
 * The values of a root module's input variables, in Terraform's precedence (later wins):
 * `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in name order, then
 * `--var-file` and `--var` in the order given.
 */
export async function rootVariables(config: ModuleConfig, tree: SourceTree, options: VariableOptions, sources?: Map<string, VariableSource>): Promise<Map<string, Value>> {
  const values = new Map<string, Value>();
  let names: string[] = [];
  try {
    names = await readdir(config.dir);
  } catch {
    // The module directory itself was reported when it was read.
  }
  const autoFiles = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  const files = [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...autoFiles].map((n) => join(config.dir, n));
  // Files found in the module must stay inside the scan root; `--var-file`s are the user's own choice.
  const named = [...files.map((path) => ({ path, namedByUser: false })), ...(options.varFiles ?? []).map((path) => ({ path, namedByUser: true }))];
  for (const { path, namedByUser } of named) {
    for (const [name, value, source] of await readVarFile(path, namedByUser, tree)) {
      if (!config.variables.has(name)) continue;
      values.set(name, value);
      if (source) sources?.set(name, source);
      else sources?.delete(name);
    }
  }
  for (const assignment of options.vars ?? []) {
    const parsed = await parseVarFlag(assignment, config, tree);
    if (parsed) values.set(parsed[0], parsed[1]);
    // A value given on the command line is not written in the code.
    if (parsed) sources?.delete(parsed[0]);
  }
  return values;
}

async function readVarFile(path: string, namedByUser: boolean, tree: SourceTree): Promise<[string, Value, VariableSource?][]> {
  if (path.endsWith('.json')) {
    const file = await tree.text(path, namedByUser);
    if (!file) return [];
    const display = tree.display(path);
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.text);
    } catch (error) {
      const { reason, position } = describeJsonSyntaxError(file.text, error instanceof Error ? error.message : String(error));
      tree.problems.push({ target: display, message: `${display}${position ? `:${position.line}:${position.column}` : ''}: not valid JSON: ${reason}` });
      return [];
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return Object.entries(parsed as Record<string, Value>);
    tree.problems.push({ target: display, message: `${display}: not valid JSON: expected an object of variable values` });
    return [];
  }
  const parsed = await tree.parse(path, namedByUser);
  if (!parsed) return [];
  return attributes(parsed.body).map((attr) => [attr.name, evaluateAttribute(attr, { file: attr.file, names: CONSTANT_NAMES }), { location: locationOf(attr), literal: isConstantString(attr.value) }]);
}

/**
 * `--var name=value`: a variable of a primitive (or unspecified) type takes the text as a string;
 * any other type parses it as an HCL expression, as Terraform does.
 */
async function parseVarFlag(assignment: string, config: ModuleConfig, tree: SourceTree): Promise<[string, Value] | undefined> {
  const eq = assignment.indexOf('=');
  const name = eq > 0 ? assignment.slice(0, eq).trim() : '';
  const decl = config.variables.get(name);
  if (!decl) return undefined;
  const text = assignment.slice(eq + 1);
  const type = parseType(decl.type, (expr) => evaluate(expr, { file: decl.block.file, names: CONSTANT_NAMES }));
  if (isPrimitive(type)) return [name, text];
  try {
    const parsed = await parseHclFile(`--var ${name}`, `value = ${text}\n`);
    const attr = attributes(parsed.body)[0];
    if (attr) return [name, evaluateAttribute(attr, { file: attr.file, names: CONSTANT_NAMES })];
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    tree.warnings.push(`--var ${name}: not a valid ${type.kind} value: ${error.reason}`);
  }
  return undefined;
}

