import { inertCommands } from '../inert-commands.js';
import type { Reporter } from '../report-context.js';
import { policiesById } from '../policy-controls.js';
import { printable } from '../printable-text.js';
import { SCRIPT, SCRIPT_HASH, STYLE } from './html-assets.js';
import { escapeHtml as e } from './html-escape.js';
import { FINDINGS_TABLE_END, findingRow, findingsTableHead } from './html-findings.js';
import { controlTables, coverageBanner, policyTable, severityCards, targetTable } from './html-summary.js';

/**
 * One self-contained HTML file (inline style and script, no external asset, works offline and as a CI
 * artifact): summary by severity, account × region or input, policy and framework control; a sortable,
 * filterable findings table with each finding's evidence, remediation, link and exposure path (SVG).
 * Every text from the result is escaped; the Content-Security-Policy runs only the page's own script.
 */
export const htmlReport: Reporter = function* (result, context) {
  // A report opened as a CI log (cat, an artifact viewer) must not command the runner either.
  for (const piece of htmlPieces(result, context)) yield inertCommands(piece);
};

const htmlPieces: Reporter = function* (result, context) {
  const title = `warden ${result.command} report`;
  const when = new Date(context.time ?? Date.now()).toISOString();
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}; img-src data:; base-uri 'none'; form-action 'none'`;
  const scanned = result.inputs.filter((i) => i.status === 'scanned').length;
  yield (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer">` +
    `<title>${e(title)}</title><style>${STYLE}</style></head><body>\n` +
    `<header><h1>${e(title)}</h1><p class="meta">${e(printable(result.tool.name))} ${e(printable(result.tool.version))} · ${e(when)} · ${scanned} of ${result.inputs.length} input${result.inputs.length === 1 ? '' : 's'} read · ${result.policies.length} policies</p></header>\n<main>\n` +
    `<section id="summary"><h2>Summary</h2>${severityCards(result)}${coverageBanner(result)}</section>\n` +
    `<section><h2>By ${result.inputs.some((i) => i.kind === 'live' || i.kind === 'inventory') ? 'account and region' : 'input'}</h2>${targetTable(result)}</section>\n` +
    `<section><h2>By policy</h2>${policyTable(result)}</section>\n` +
    `<section id="controls"><h2>By framework control</h2>${controlTables(result) || '<p class="muted">No policy that ran maps to a framework.</p>'}</section>\n` +
    (result.warnings.length > 0 ? `<section><h2>Warnings</h2><ul>${result.warnings.map((w) => `<li>${e(printable(w))}</li>`).join('')}</ul></section>\n` : '') +
    `<section><h2>Findings</h2>${findingsTableHead(result.findings.length)}\n`
  );
  const policies = policiesById(result.policies);
  for (const finding of result.findings) yield findingRow(finding, policies);
  yield `${FINDINGS_TABLE_END}</section>\n</main>\n<script>${SCRIPT}</script>\n</body></html>\n`;
};
