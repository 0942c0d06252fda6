import type { Reporter } from '../reporter.js';

// Replaced by the full console reporter.
export const consoleReport: Reporter = (result) =>
  `${result.findings.map((f) => `${f.severity} ${f.ruleId} ${f.resource.address}: ${f.message}`).join('\n')}\n`;
