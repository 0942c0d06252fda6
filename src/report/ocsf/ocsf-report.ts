import { JsonSequence, jsonPieces } from '../json/json-pieces.js';
import { safeJsonText } from '../json/safe-json-text.js';
import { policiesById } from '../policy-controls.js';
import type { Reporter } from '../report-context.js';
import { ocsfFinding } from './ocsf-finding.js';

/**
 * A JSON array of OCSF 1.8.0 Detection Findings, one per finding (ocsf-finding.ts): what AWS
 * Security Lake and Security Hub ingest, and what `jq '.[]'` turns into JSON Lines. An array, not
 * JSON Lines, so that the file is one JSON document as every other JSON format warden writes.
 * Coverage gaps are not events: they go to stderr and the exit code, as in every format.
 */
export const ocsfReport: Reporter = function* (result, context) {
  const policies = policiesById(result.policies);
  const run = { time: context.time ?? Date.now(), tool: result.tool };
  const events = new JsonSequence(result.findings, (finding) => ocsfFinding(finding, policies.get(finding.ruleId), run));
  for (const piece of jsonPieces(events, 1)) yield safeJsonText(piece);
  yield '\n';
};
