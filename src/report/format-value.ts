import { REDACTED, isSensitive } from '../model/sensitive.js';
import { isUnknown } from '../model/unknown.js';

/**
 * An evidence value as one line of text for people: strings quoted, Unknown as `(unknown: why)`,
 * and Sensitive as the redaction marker at any depth — the wrapped value is never read.
 */
export function formatValue(value: unknown): string {
  if (isSensitive(value)) return REDACTED;
  if (isUnknown(value)) return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([key, item]) => `${key}: ${formatValue(item)}`).join(', ')}}`;
  }
  return String(value);
}

/** Ends a message with a full stop unless it already ends a sentence. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  // Every finding's message passes here in most formats: its last character looked at, no pattern run.
  const last = trimmed.charCodeAt(trimmed.length - 1);
  return last === FULL_STOP || last === EXCLAMATION || last === QUESTION ? trimmed : `${trimmed}.`;
}

const FULL_STOP = 0x2e;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
