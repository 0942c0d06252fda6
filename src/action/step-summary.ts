import { summary } from '@actions/core';

/**
 * Adds Markdown to the job summary, the file named by `GITHUB_STEP_SUMMARY`. @actions/core appends,
 * never overwrites: earlier steps of the job may have written theirs. Outside a runner there is none
 * (core would throw), and nothing is written.
 */
export async function appendStepSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  await summary.addRaw(markdown, !markdown.endsWith('\n')).write();
}
