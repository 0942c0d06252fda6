import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { specialFileKind } from '../engines/input-error.js';
import type { LoadedConfig, WardenConfig } from './config.js';
import { OutsideScanRoot } from '../engines/scan-root.js';
import { configBoundary } from './config-boundary.js';
import { ConfigError } from './config-error.js';
import { findConfig } from './find-config.js';

/** Loads and validates a config file; `explicit` is `--config`, which must exist. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  const path = explicit ?? findConfig(cwd);
  if (!path) return { config: {} };
  // A discovered warden.yaml is repository content: a link from it to a file elsewhere is not read (nor quoted).
  if (!explicit && !configBoundary(dirname(path), cwd)(path)) throw new ConfigError(`${path}: ${new OutsideScanRoot().message}`);
  let text: string;
  try {
    // A named pipe would block the read until something writes to it.
    const special = specialFileKind(statSync(path));
    if (special) throw new ConfigError(`${path}: ${special}, not a file`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`);
  }
  return { config: await parseConfig(text, path), path };
}

/** The YAML parser and the validator are loaded only when there is a file to read: `warden policies` starts without them. */
export async function parseConfig(text: string, path: string): Promise<WardenConfig> {
  const [{ parseDocument }, { Ajv }, { default: configSchema }, { describeErrors }] = await Promise.all([
    import('yaml'),
    import('ajv'),
    import('../../schemas/warden-config.schema.json', { with: { type: 'json' } }),
    import('../document-errors/schema-errors.js'),
  ]);
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = error.linePos?.[0];
    throw new ConfigError(`${path}${line ? `:${line.line}:${line.col}` : ''}: invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const value: unknown = lowerCaseWords(doc.toJS() ?? {});
  const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  if (!validate(value)) throw new ConfigError(`${path}: ${describeErrors(validate.errors ?? [])}`);
  return value as WardenConfig;
}

/**
 * Severities and modes are words a user types, as on the command line (`--fail-on HIGH`): `failOn: HIGH`
 * must not be refused, nor pushed aside by dropping the gate. Only those fields are folded.
 */
function lowerCaseWords(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const config = value as Record<string, unknown>;
  for (const key of ['failOn', 'unknown']) if (typeof config[key] === 'string') config[key] = (config[key] as string).toLowerCase();
  const policies = config['policies'];
  if (typeof policies === 'object' && policies !== null && !Array.isArray(policies)) {
    for (const entry of Object.values(policies as Record<string, unknown>)) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
      const settings = entry as Record<string, unknown>;
      if (typeof settings['severity'] === 'string') settings['severity'] = settings['severity'].toLowerCase();
    }
  }
  return value;
}
