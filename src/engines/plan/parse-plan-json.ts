/**
 * `JSON.parse` for a plan's text that leaves out `planned_values` and `resource_drift` when the plan
 * has `resource_changes`. The engine never reads them then (`planned_values` repeats the after-values
 * of `resource_changes`), and they are about a third of a typical plan: parsing them costs time and
 * holds hundreds of MB at the scan's memory peak for a large plan.
 *
 * Only the compact layout `terraform show -json` writes is cut (`,"planned_values":{` … `,"resource_changes":[`);
 * any other layout, and any doubt, falls back to parsing the whole text, so the result is never less
 * than a full parse would give. The cut is proven to sit between top-level members by parsing: the text
 * before it must be a complete object once closed, and the text without the cut must parse. A cut
 * inside a nested value leaves unbalanced brackets, which JSON.parse rejects.
 */
export function parsePlanJson(text: string): unknown {
  const reduced = withoutUnreadSections(text);
  if (reduced !== undefined) {
    try {
      return JSON.parse(reduced);
    } catch {
      // Not cut where it seemed: the full parse below decides, and reports any real error.
    }
  }
  return JSON.parse(text);
}

const PLANNED_VALUES = ',"planned_values":{';
const RESOURCE_CHANGES = ',"resource_changes":[';

function withoutUnreadSections(text: string): string | undefined {
  const start = text.indexOf(PLANNED_VALUES);
  if (start < 0) return undefined;
  const end = text.indexOf(RESOURCE_CHANGES, start + PLANNED_VALUES.length);
  if (end < 0) return undefined;
  // Only top-level members come before planned_values (format_version, terraform_version, variables): a small prefix.
  if (!isObjectPrefix(text.slice(0, start))) return undefined;
  return text.slice(0, start) + text.slice(end);
}

function isObjectPrefix(head: string): boolean {
  try {
    const value: unknown = JSON.parse(`${head}}`);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
