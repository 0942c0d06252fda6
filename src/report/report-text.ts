/**
 * A report as its reporter produces it: pieces of text in order, written out as they come, so that
 * the report of a large scan is never one string of 100+ MB (nor its UTF-8 copy).
 */
export type ReportText = Iterable<string>;

/** The whole report as one string (a job summary, tests). */
export function wholeText(report: ReportText): string {
  let text = '';
  for (const piece of report) text += piece;
  return text;
}
