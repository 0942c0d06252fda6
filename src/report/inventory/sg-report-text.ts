import type { ResourceRef } from '../../inventory/network-inventory.js';
import type { SgEntry, SgReportDocument, SgReportInput } from '../../inventory/sg-report.js';
import { inertCommands } from '../inert-commands.js';
import { safeJsonText } from '../json/safe-json-text.js';
import { escapeMarkdown } from '../markdown/markdown-escape.js';
import { printable } from '../printable-text.js';

export const SG_REPORT_FORMATS = ['console', 'json', 'markdown'] as const;
export type SgReportFormat = (typeof SG_REPORT_FORMATS)[number];

/** The format a report file is written in, from its name: `.json`, `.md`/`.markdown`, else plain text. */
export function sgReportFormatOf(file: string): SgReportFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  return 'console';
}

export function renderSgReport(document: SgReportDocument, format: SgReportFormat): string {
  if (format === 'json') return `${safeJsonText(JSON.stringify(document, null, 2))}\n`;
  return format === 'markdown' ? sgReportMarkdown(document) : sgReportConsole(document);
}

/** Plain text, one block per group: what the network team reads in a terminal or a ticket. */
function sgReportConsole(document: SgReportDocument): string {
  const lines: string[] = [];
  for (const input of document.inputs) {
    lines.push(`${input.input} (${input.source}): ${count(input)}`);
    for (const group of input.groups) {
      lines.push('', `  ${title(group, input)}${group.vpc ? `  in ${group.vpc}` : ''}${group.isDefault ? '  (default group)' : ''}`);
      lines.push(`    attached to: ${group.attachedTo.length > 0 ? group.attachedTo.map((r) => refText(r, input)).join('; ') : 'nothing'}`);
      if (group.rules.length === 0) lines.push('    rules: none');
      for (const rule of group.rules) lines.push(`    ${rule.direction === 'ingress' ? 'in ' : 'out'}  ${rule.text}`);
      lines.push(`    internet: ${group.internet.admits.length > 0 ? `admits ${group.internet.admits.join('; ')}` : 'admits nothing from the internet'}`);
      for (const reach of group.internet.reach) lines.push(`      ${reach.resource}: ${reach.status.replace('-', ' ')} (${reach.detail})`);
      lines.push(`    flags: ${group.flags.length === 0 ? 'none' : ''}`.trimEnd());
      for (const flag of group.flags) lines.push(`      [${flag.verdict} ${flag.severity}] ${flag.ruleId}: ${flag.message}`);
    }
    lines.push('');
  }
  return `${lines.map((line) => inertCommands(printable(line))).join('\n')}\n`;
}

function sgReportMarkdown(document: SgReportDocument): string {
  const md = (text: string): string => escapeMarkdown(text, 1000);
  const out: string[] = ['# Security groups', ''];
  for (const input of document.inputs) {
    out.push(`## ${md(input.input)} (${input.source}): ${count(input)}`, '');
    for (const group of input.groups) {
      out.push(`### ${md(title(group, input))}`, '');
      if (group.vpc) out.push(`VPC: ${md(group.vpc)}${group.isDefault ? ' (default group)' : ''}`, '');
      out.push(`- **Attached to:** ${group.attachedTo.length > 0 ? group.attachedTo.map((r) => md(refText(r, input))).join('; ') : 'nothing'}`);
      out.push(`- **Rules:**${group.rules.length === 0 ? ' none' : ''}`);
      for (const rule of group.rules) out.push(`  - ${rule.direction === 'ingress' ? 'in' : 'out'}: ${md(rule.text)}`);
      out.push(`- **Internet:** ${group.internet.admits.length > 0 ? `admits ${group.internet.admits.map(md).join('; ')}` : 'admits nothing from the internet'}`);
      for (const reach of group.internet.reach) out.push(`  - ${md(reach.resource)}: ${reach.status.replace('-', ' ')} (${md(reach.detail)})`);
      out.push(`- **Flags:**${group.flags.length === 0 ? ' none' : ''}`);
      for (const flag of group.flags) out.push(`  - ${flag.verdict} ${flag.severity} \`${flag.ruleId}\`: ${md(flag.message)}`);
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

function title(group: SgEntry, input: SgReportInput): string {
  const named = group.name !== null ? `${group.name} ${group.id}` : group.id;
  return input.source === 'live' ? named : `${named} ${group.address}`;
}

/** An attachment: type, name and id (live), or type, name and address (Terraform). */
function refText(ref: ResourceRef, input: SgReportInput): string {
  const name = ref.name !== null && ref.name !== ref.id ? `${ref.name} ` : '';
  return `${ref.type} ${name}${input.source === 'live' ? ref.id : `(${ref.address})`}`;
}

function count(input: SgReportInput): string {
  const flagged = input.groups.filter((g) => g.flags.length > 0).length;
  return `${input.groups.length} security group${input.groups.length === 1 ? '' : 's'}, ${flagged} flagged`;
}
