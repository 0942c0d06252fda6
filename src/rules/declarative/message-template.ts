import { REDACTED, isSensitive } from '../../model/sensitive.js';
import { isUnknown } from '../../model/unknown.js';
import { DOCUMENT_ROOTS } from './resource-document.js';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PLACEHOLDER_PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])*$/;

/** Problems with a message template's placeholders (checked when the policy is loaded). */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  for (const [, expression] of template.matchAll(PLACEHOLDER)) {
    if (!PLACEHOLDER_PATH.test(expression!)) {
      problems.push(`{{${expression}}} is not a placeholder (write {{address}}, {{values.attribute}}, {{tags.Key}})`);
      continue;
    }
    const root = expression!.split(/[.[]/)[0]!;
    if (!(DOCUMENT_ROOTS as readonly string[]).includes(root)) problems.push(`{{${expression}}}: ${root} is not part of a resource (one of ${DOCUMENT_ROOTS.join(', ')})`);
  }
  return problems;
}

/**
 * Fills `{{address}}`, `{{values.ssl_policy}}`, `{{tags.Owner}}`… from the resource document.
 * Sensitive values print as (sensitive) and Unknown ones as (unknown), however deep.
 */
export function renderTemplate(template: string, document: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, expression: string) => {
    let node: unknown = document;
    for (const step of expression.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '')) {
      if (isUnknown(node) || isSensitive(node) || typeof node !== 'object' || node === null) {
        node = isUnknown(node) || isSensitive(node) ? node : undefined;
        break;
      }
      node = Object.hasOwn(node, step) ? (node as Record<string, unknown>)[step] : undefined;
    }
    return display(node);
  });
}

function display(value: unknown): string {
  if (isSensitive(value)) return REDACTED;
  if (isUnknown(value)) return '(unknown)';
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  // Sensitive and Unknown values nested in objects serialise themselves safely (toJSON).
  return JSON.stringify(value);
}
