import { readCatalogFile } from './builtin-catalog-file.js';
import { findConfig } from '../config/find-config.js';
import { policyListText } from './policy-list-text.js';

/** `warden policies` flags the fast path understands; anything else goes to the full CLI. */
interface ListFlags {
  format?: string;
  frameworks: string[];
}

/**
 * `warden policies` when only the built-in policies can be listed: no policy flags, no --config and
 * no warden.yaml (which may name policy folders or packs). Built by scripts/build-cli.mjs into a
 * small CommonJS file that bin/warden.js runs without loading the CLI (DESIGN §7 start-up budget).
 * Returns the text `warden policies` prints, or undefined when the full CLI must answer: another
 * flag, an error to report, or a build without the catalog.
 */
export function builtinPolicyList(argv: readonly string[]): string | undefined {
  if (argv[0] !== 'policies') return undefined;
  const flags = listFlags(argv.slice(1));
  if (!flags) return undefined;
  try {
    if (findConfig(process.cwd()) !== undefined) return undefined;
    const catalog = readCatalogFile();
    return catalog && policyListText(catalog.map((meta) => ({ ...meta, source: 'built-in' })), flags.format, flags.frameworks);
  } catch {
    // A bad --format or --framework, a working directory or catalog that cannot be read: the full
    // CLI reports it in one line, as it always has.
    return undefined;
  }
}

/** `--format X` / `-f X` / `--format=X` once, `--framework X` / `--framework=X` any number of times. */
function listFlags(args: readonly string[]): ListFlags | undefined {
  const flags: ListFlags = { frameworks: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? args[++i];
    // A value that looks like a flag is left to commander's own rules.
    if (value === undefined || (inline === undefined && value.startsWith('-'))) return undefined;
    if ((name === '--format' || (name === '-f' && inline === undefined)) && flags.format === undefined) flags.format = value;
    else if (name === '--framework') flags.frameworks.push(value);
    else return undefined;
  }
  return flags;
}
