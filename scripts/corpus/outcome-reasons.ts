/**
 * The reasons the corpus report counts outcomes by: warden's one-line rejections grouped by what they
 * say (not by file or position), and scans by whether warden had to recover the JSON from other text.
 */

/** Groups of rejection messages, by how the message (after `FILE:LINE:COL: `) starts. */
const REJECTIONS: readonly [RegExp, string][] = [
  [/^not valid JSON\b/, 'not valid JSON'],
  [/^(not JSON|cannot be read as JSON)\b/, 'not JSON'],
  [/^empty file$/, 'empty file'],
  [/^(unsupported plan|HCP Terraform redacted plan)\b/, 'unsupported plan'],
  [/^(not a Terraform plan|malformed plan|a Terraform state file|the JSON of a Terraform state)\b/, 'not a Terraform plan'],
  [/^(not a text file|a saved binary plan)\b/, 'not a text file'],
  [/^values nested too deeply\b/, 'nested too deeply'],
  [/^(no such file|permission denied|is a directory|cannot be read)\b/, 'unreadable file'],
];

/** A rejection's message without the file name and position: `not valid JSON: unexpected data …`. */
export function rejectionDetail(error: string, path: string): string {
  return error.startsWith(`${path}:`) ? error.slice(path.length + 1).replace(/^\d+(:\d+)?: /, '').trim() : error;
}

/** The group of a rejection; a message no group knows is shown by its first clause, so new kinds stand out. */
export function rejectionReason(error: string, path: string): string {
  const detail = rejectionDetail(error, path);
  const known = REJECTIONS.find(([pattern]) => pattern.test(detail));
  return known ? known[1] : `other: ${detail.split(/[:(]/)[0]!.trim()}`;
}

/** How a scanned file was read: a plain plan, or JSON recovered from around other text (the input's `recoveredFrom`). */
export function scanReason(details: Record<string, string> | undefined): string {
  const recovered = details?.['recoveredFrom'];
  if (recovered === undefined) return 'plan JSON';
  return recovered === 'terraform wrapper output' ? 'wrapper recovered' : `recovered from ${recovered}`;
}
