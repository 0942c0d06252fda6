import type { DeclarativePolicyDocument } from './declarative-document.js';
import { templateProblems } from './message-template.js';

/** A declarative policy's messages by id, and which ids its fail, unknown and pass verdicts use. */
export interface DeclarativeMessages {
  messages: Record<string, string>;
  fail: string;
  unknown: string;
  pass: string;
}

/** The ids the single-message form (`message`, `unknownMessage`) and the defaults take. */
const FAIL = 'fail';
const UNKNOWN = 'unknown';
const PASS = 'pass';

/**
 * Every message of a validated document by id: its `messages`, the single-message form as ids
 * `fail` and `unknown`, and defaults for an unknown verdict and a pass when the document gives none.
 */
export function declarativeMessages(doc: DeclarativePolicyDocument): DeclarativeMessages {
  const messages: Record<string, string> = { ...doc.messages };
  if (doc.message !== undefined) messages[FAIL] = doc.message;
  if (doc.unknownMessage !== undefined) messages[UNKNOWN] = doc.unknownMessage;
  else if (doc.unknownMessageId === undefined) messages[UNKNOWN] ??= `{{address}}: cannot decide: ${doc.title}`;
  messages[PASS] ??= `{{address}} passes ${doc.id}`;
  return { messages, fail: doc.messageId ?? FAIL, unknown: doc.unknownMessageId ?? UNKNOWN, pass: PASS };
}

/** Problems with a document's messages as [JSON pointer, problem]: placeholders, and ids that name no message. */
export function declarativeMessageProblems(doc: DeclarativePolicyDocument): [string, string][] {
  const problems: [string, string][] = [];
  for (const [key, template] of [['message', doc.message], ['unknownMessage', doc.unknownMessage]] as const) {
    if (template !== undefined) for (const message of templateProblems(template)) problems.push([`/${key}`, message]);
  }
  for (const [id, template] of Object.entries(doc.messages ?? {})) {
    for (const message of templateProblems(template)) problems.push([`/messages/${id}`, message]);
  }
  if (doc.message === undefined && doc.messageId === undefined) problems.push(['/', '"message" is required (or "messageId" naming one of messages)']);
  if (doc.message !== undefined && doc.messageId !== undefined) problems.push(['/', 'give either message (a template) or messageId (an id in messages), not both']);
  if (doc.unknownMessage !== undefined && doc.unknownMessageId !== undefined) problems.push(['/', 'give at most one of unknownMessage and unknownMessageId']);
  for (const [key, taken] of [['message', FAIL], ['unknownMessage', UNKNOWN]] as const) {
    if (doc[key] !== undefined && doc.messages && Object.hasOwn(doc.messages, taken)) problems.push([`/messages/${taken}`, `the id "${taken}" is taken by ${key}; rename it or use ${key}Id`]);
  }
  const declared = Object.keys(doc.messages ?? {});
  for (const key of ['messageId', 'unknownMessageId'] as const) {
    const id = doc[key];
    if (id !== undefined && !declared.includes(id)) problems.push([`/${key}`, `"${id}" names no message in messages (${declared.length > 0 ? declared.join(', ') : 'none declared'})`]);
  }
  return problems;
}
