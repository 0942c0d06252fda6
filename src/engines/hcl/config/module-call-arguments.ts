import type { Attribute, Block } from '../syntax/ast.js';
import { MODULE_META, type ModuleCallDecl, type ModuleConfig } from './module-config.js';

/**
 * What a module call writes that its module cannot take: a nested block (a module call takes only
 * arguments) or an argument naming no variable of the module. Terraform refuses both, so the
 * configuration is not what it claims; each is one `file:line:col: message` line for the scan's
 * coverage, rather than being dropped while the rest is scanned as if it were not there. When a file
 * of the module could not be read (`partlyRead`), its variables are not all known: arguments are not judged.
 */
export function moduleCallMismatches(call: ModuleCallDecl, child: ModuleConfig, partlyRead = false): string[] {
  const out: string[] = [];
  for (const item of call.block.body.items) {
    if (item.kind === 'block') {
      out.push(`${at(item)}: module "${call.name}" cannot take the block "${item.type}": a module call takes only arguments, so Terraform refuses it and what it configures is not scanned`);
    } else if (!partlyRead && !MODULE_META.has(item.name) && !child.variables.has(item.name)) {
      out.push(`${at(item)}: module "${call.name}" has no variable "${item.name}" (${child.displayDir}): Terraform refuses the argument, and the module is scanned without it`);
    }
  }
  return out;
}

function at(item: Attribute | Block): string {
  const { line, column } = item.file.position(item.span.start);
  return `${item.file.path}:${line}:${column}`;
}
