import { errorLine, type NetworkInventoryDocument } from '../inventory/network-inventory.js';
import { EXIT } from '../scan/exit-code.js';
import { liveOptions, type AuditDependencies, type LiveFlags } from './audit-command.js';
import type { InventoryFormat } from '../report/inventory/render-inventory.js';
import { loadOptionsFrom, type SourceFlags } from './source-flags.js';
import { writeStderrLine } from './stderr-line.js';
import { UsageError } from './usage-error.js';

export interface InventoryFlags extends SourceFlags, LiveFlags {
  format?: InventoryFormat;
  output?: string;
  config?: string;
}

const LIVE_FLAGS = ['regions', 'profile', 'accounts', 'roleName', 'externalId', 'concurrency', 'maxAttempts'] as const;

/**
 * `warden inventory`: returns the exit code — 0 when everything was read, 3 when some input (or
 * account, region, module) could not be (each said in one line on stderr; the rest is listed), 2
 * when nothing could be.
 */
export async function inventoryCommand(paths: string[], flags: InventoryFlags, dependencies: AuditDependencies = {}): Promise<number> {
  const cwd = process.cwd();
  const [{ loadConfig }, run, { writeReport }, { renderInventory }] = await Promise.all([
    import('../config/load-config.js'),
    import('../scan/run-inventory.js'),
    import('./emit-result.js'),
    import('../report/inventory/render-inventory.js'),
  ]);
  let document: NetworkInventoryDocument;
  if (paths.length > 0) {
    const given = LIVE_FLAGS.find((flag) => flags[flag] !== undefined) ?? (flags.source && flags.source !== 'api' ? 'source' : undefined);
    if (given) throw new UsageError(`--${given.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: reads a live account; give no PATH to list the live estate`);
    const { config } = await loadConfig(flags.config, cwd);
    document = await run.inventoryOfPaths(paths, cwd, loadOptionsFrom(flags, cwd, config));
  } else {
    document = await run.inventoryOfLive(liveOptions(flags, dependencies));
  }
  for (const error of document.errors) writeStderrLine(errorLine(error));
  const text = await renderInventory(document, flags.format ?? 'console');
  if (flags.output) writeReport(flags.output, cwd, text);
  else process.stdout.write(text);
  if (document.errors.length === 0) return EXIT.ok;
  return document.inputs.length > 0 ? EXIT.incomplete : EXIT.error;
}
