import { loadConfig } from '../config/load-config.js';
import { isSensitive, REDACTED } from '../model/sensitive.js';
import { wrapMarked } from '../model/sensitive-marks.js';
import { isUnknown } from '../model/unknown.js';
import { inertCommands } from '../report/inert-commands.js';
import { safeJsonText } from '../report/json/safe-json-text.js';
import { printableLines } from '../report/printable-text.js';
import { EXIT } from '../scan/exit-code.js';
import type { LoadedPolicy } from '../rules/loading/loaded-policy.js';
import { policyExample, type PolicyExample } from '../testing/policy-example.js';
import { caseTableFile } from '../testing/policy-tests.js';
import { policyMeta } from '../scan/policy-meta.js';
import { displayPath } from '../scan/display-path.js';
import type { PolicySourceFlags } from './policy-flags.js';
import { loadPolicies, reportLoadProblems } from './policy-sources.js';
import { UsageError } from './usage-error.js';

export interface PolicyShowFlags extends PolicySourceFlags {
  format?: string;
  config?: string;
}

/** One option of a policy: its name, JSON Schema type, default and description (from the options schema). */
export interface OptionDoc {
  name: string;
  type: string;
  default: unknown;
  description?: string;
}

/** `warden policies show ID`: description, remediation, options with defaults, frameworks and an example case. */
export async function policyShowCommand(id: string, flags: PolicyShowFlags): Promise<number> {
  const cwd = process.cwd();
  const { config, path: configPath } = await loadConfig(flags.config, cwd);
  const load = await loadPolicies({ flags, config, ...(configPath ? { configPath } : {}), cwd });
  const loaded = load.policies.find((l) => l.policy.id === id);
  if (!loaded) {
    reportLoadProblems(load.problems.filter((p) => p.policyId === id || p.policyId === undefined));
    throw new UsageError(`no policy "${id}" (see \`warden policies\`)`);
  }
  const options = optionDocs(loaded);
  const example = await policyExample(loaded);
  if (flags.format === 'json') {
    const doc = {
      ...policyMeta(loaded.policy),
      source: loaded.origin.kind === 'builtin' ? 'built-in' : loaded.origin.source,
      resourceTypes: loaded.policy.resourceTypes ?? [],
      options,
      ...(example ? { example: { name: example.name, file: displayPath(example.file, cwd), ...(example.source ? { source: example.source } : {}), resources: example.resources.map((r) => ({ address: r.address, values: plain(r.values) })), findings: example.findings } } : {}),
    };
    process.stdout.write(`${safeJsonText(JSON.stringify(doc, null, 2))}\n`);
    return EXIT.ok;
  }
  if (flags.format !== undefined && flags.format !== 'console') throw new UsageError(`--format: "${flags.format}" is not one of console, json`);
  // The policy's texts and example come from the repository: no control character or workflow command.
  process.stdout.write(inertCommands(printableLines(render(loaded, options, example))));
  return EXIT.ok;
}

/** Options from the policy's schema (`properties`) with the policy's defaults (else the schema's `default`). */
export function optionDocs(loaded: LoadedPolicy): OptionDoc[] {
  const { options } = loaded.policy;
  if (!options) return [];
  const properties = (options.schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const defaults = (options.defaults ?? {}) as Record<string, unknown>;
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    type: schemaType(schema),
    default: name in defaults ? defaults[name] : schema['default'],
    ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}),
  }));
}

function schemaType(schema: Record<string, unknown>): string {
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = (schema['oneOf'] ?? schema['anyOf']) as Record<string, unknown>[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map(schemaType).join(' | ');
  const type = schema['type'];
  const names = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : ['any'];
  return names
    .map((name) => {
      if (name !== 'array') return name;
      const items = schema['items'] as Record<string, unknown> | undefined;
      return items ? `${schemaType(items)}[]` : 'array';
    })
    .join(' | ');
}

function render(loaded: LoadedPolicy, options: OptionDoc[], example: PolicyExample | undefined): string {
  const { policy, origin } = loaded;
  const out: string[] = [];
  out.push(`${policy.id} — ${policy.title}`);
  out.push(`severity: ${policy.severity}    source: ${origin.kind === 'builtin' ? 'built-in' : origin.source}`);
  if (policy.resourceTypes?.length) out.push(`resource types: ${policy.resourceTypes.join(', ')}`);
  if (policy.tags?.length) out.push(`tags: ${policy.tags.join(', ')}`);
  out.push('', 'Description', ...wrap(policy.description), '', 'Remediation', ...wrap(policy.remediation));
  out.push('', `Options${options.length > 0 ? ` (warden.yaml: policies: { ${policy.id}: { options: … } })` : ''}`);
  if (options.length === 0) out.push('  none');
  for (const option of options) {
    out.push(`  ${option.name}: ${option.type}`, `      default: ${JSON.stringify(option.default)}`);
    if (option.description) out.push(...wrap(option.description, '      '));
  }
  const frameworks = Object.entries(policy.frameworks ?? {});
  out.push('', 'Frameworks');
  if (frameworks.length === 0) out.push('  none mapped');
  for (const [name, controls] of frameworks) out.push(`  ${name}: ${controls.join(', ')}`);
  out.push('', 'Example');
  if (!example) {
    out.push(`  none (add cases in ${caseTableFile(loaded)})`);
  } else {
    out.push(`  ${example.name} (${displayPath(example.file, process.cwd())}${example.source ? `, ${example.source.form} form` : ''})`);
    if (example.source) for (const line of example.source.text.split('\n')) out.push(line ? `    ${line}` : '');
    for (const resource of example.resources) {
      out.push(`  ${resource.address}`);
      for (const line of compactJson(plain(resource.sensitive ? wrapMarked(resource.values, resource.sensitive) : resource.values), '    ').split('\n')) out.push(line);
    }
    if (example.findings.length === 0) out.push('  → no finding');
    for (const f of example.findings) out.push(`  → ${f.verdict} ${f.severity} ${f.resource.address}: ${f.message}${f.reason ? ` (${f.reason})` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** Attribute values for display: Unknown as (unknown), Sensitive redacted, nulls left out. */
export function plain(value: unknown): unknown {
  if (isSensitive(value)) return REDACTED;
  if (isUnknown(value)) return '(unknown)';
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** JSON with short objects and lists on one line, so an example resource fits on a screen. */
export function compactJson(value: unknown, indent: string, width = 96): string {
  const flat = JSON.stringify(value);
  if (flat === undefined || indent.length + flat.length <= width || typeof value !== 'object' || value === null) return `${indent}${flat}`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `${indent}[\n${value.map((v) => compactJson(v, inner, width)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => {
    const rendered = compactJson(v, inner, width).slice(inner.length);
    return `${inner}${JSON.stringify(k)}: ${rendered}`;
  });
  return `${indent}{\n${entries.join(',\n')}\n${indent}}`;
}

function wrap(text: string, indent = '  ', width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}
