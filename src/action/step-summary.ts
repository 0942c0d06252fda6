import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * Adds Markdown to the job summary, the file named by `GITHUB_STEP_SUMMARY`. Appended, never
 * overwritten: earlier steps of the job may have written theirs. Outside a runner there is none.
 */
export function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}${EOL}`);
}
