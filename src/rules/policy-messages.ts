/**
 * A policy's message templates by id (ESLint's `meta.messages`): `{{name}}` placeholders filled from a
 * report's `data`. Templates are checked when the policy is defined; a report naming an id the policy
 * does not declare, or leaving a placeholder without data, is a broken policy (it throws, exit 2).
 */

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
// A name, or a path into the data (`values.port`, `tags.Owner`, `list[0]`) as declarative policies write them.
const PLACEHOLDER_NAME = /^[A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])*$/;
const MESSAGE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** What a report gives for its text: a plain message, or a message id and the data for its placeholders. */
export interface ReportTextInput {
  message?: unknown;
  messageId?: unknown;
  data?: unknown;
}

/** A report's text, and the id of the template it came from. */
export interface ResolvedText {
  message: string;
  messageId?: string;
}

/** A template split once at its placeholders: `texts[0] names[0] texts[1] … texts[n]`. */
interface CompiledTemplate {
  texts: string[];
  /** The placeholder name of each occurrence, in order. */
  names: string[];
  /** Each name once, in order of first occurrence. */
  unique: string[];
}

// Keyed by the template text alone, so an entry cannot go stale; templates are policy constants, so
// the map stays as small as the loaded policies. A large plan resolves 100k+ reports from a few dozen.
const compiledTemplates = new Map<string, CompiledTemplate>();

function compiledTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (compiled) return compiled;
  const texts: string[] = [];
  const names: string[] = [];
  let done = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(done, match.index));
    names.push(match[1]!);
    done = match.index + match[0].length;
  }
  texts.push(template.slice(done));
  compiled = { texts, names, unique: [...new Set(names)] };
  compiledTemplates.set(template, compiled);
  return compiled;
}

/** The placeholder names of a template, in order, each once. */
export function messagePlaceholders(template: string): string[] {
  return [...compiledTemplate(template).unique];
}

/** Problems with a policy's `messages` (one short phrase each); empty when every template is usable. */
export function messageTemplateProblems(messages: unknown): string[] {
  if (messages === undefined) return [];
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) return ['messages must be an object of message id → template'];
  const problems: string[] = [];
  for (const [id, template] of Object.entries(messages)) {
    if (!MESSAGE_ID.test(id)) problems.push(`message id "${id}" must start with a letter and hold only letters, digits, _ and -`);
    if (typeof template !== 'string' || template.trim() === '') {
      problems.push(`message "${id}" must be a non-empty string`);
      continue;
    }
    for (const name of messagePlaceholders(template)) {
      if (!PLACEHOLDER_NAME.test(name)) problems.push(`message "${id}": {{${name}}} is not a placeholder name (letters, digits, _, or a path such as values.port)`);
    }
    // A brace pair left after the placeholders are taken out is a typo such as `{{resource}` or `{resource}}`.
    if (/\{\{|\}\}/.test(template.replace(PLACEHOLDER, ''))) problems.push(`message "${id}" has an unbalanced {{ or }}`);
  }
  return problems;
}

/** The text of one report: its message, or its message id's template filled with its data. Throws for a broken report. */
export function resolveReportText(policyId: string, messages: Readonly<Record<string, string>> | undefined, report: ReportTextInput): ResolvedText {
  const checked = checkReportText(policyId, messages, report);
  if (typeof checked === 'string') return { message: checked };
  return { message: fill(checked.template, checked.data), messageId: checked.id };
}

/**
 * Throws exactly where resolveReportText would, without building the text: a counted pass prints
 * none, but a broken report is still a broken policy.
 */
export function checkReportTextOnly(policyId: string, messages: Readonly<Record<string, string>> | undefined, report: ReportTextInput): void {
  checkReportText(policyId, messages, report);
}

interface CheckedTemplate {
  id: string;
  template: CompiledTemplate;
  data: Record<string, unknown>;
}

/** The plain message, or the template and data a message id resolves to; throws for a broken report. */
function checkReportText(policyId: string, messages: Readonly<Record<string, string>> | undefined, report: ReportTextInput): string | CheckedTemplate {
  if (report.messageId === undefined) {
    if (typeof report.message !== 'string' || report.message === '') throw new Error(`policy ${policyId} reported a finding with neither a message nor a messageId`);
    return report.message;
  }
  const id = String(report.messageId);
  const text = messages && Object.hasOwn(messages, id) ? messages[id] : undefined;
  if (text === undefined) {
    const declared = Object.keys(messages ?? {});
    throw new Error(`policy ${policyId} reported messageId "${id}", which its messages do not declare (${declared.length > 0 ? declared.join(', ') : 'none declared'})`);
  }
  const data = (typeof report.data === 'object' && report.data !== null ? report.data : {}) as Record<string, unknown>;
  const template = compiledTemplate(text);
  const missing = missingData(template.unique, data);
  if (missing) throw new Error(`policy ${policyId} reported messageId "${id}" without data for ${missing.map((m) => `{{${m}}}`).join(', ')}`);
  return { id, template, data };
}

/** The placeholders without data, or undefined when all have some: 100k+ reports pass here, so no list unless one is missing. */
function missingData(names: readonly string[], data: Record<string, unknown>): string[] | undefined {
  for (const name of names) {
    if (!hasData(data, name)) return names.filter((n) => !hasData(data, n));
  }
  return undefined;
}

function hasData(data: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(data, name) && data[name] !== undefined && data[name] !== null;
}

/** The template with every `{{name}}` replaced by its data value. */
export function fillTemplate(template: string, data: Readonly<Record<string, unknown>>): string {
  return fill(compiledTemplate(template), data);
}

function fill({ texts, names }: CompiledTemplate, data: Readonly<Record<string, unknown>>): string {
  let out = texts[0]!;
  for (let i = 0; i < names.length; i++) out += String(data[names[i]!]) + texts[i + 1]!;
  return out;
}
