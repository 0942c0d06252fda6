import type { Resource } from '../../model/resource.js';
import type { Evidence } from '../finding.js';
import { definePolicy, type Policy, type PolicyContext } from '../policy.js';
import { globToRegExp } from '../suppressions.js';
import type { DeclarativePolicyDocument } from './declarative-document.js';
import { evaluateCondition, type ConditionResult, type Truth } from './evaluate-condition.js';
import type { PathMatch } from './jsonpath-query.js';
import { declarativeMessages, type DeclarativeMessages } from './declarative-messages.js';
import { renderTemplate } from './message-template.js';
import { messagePlaceholders } from '../policy-messages.js';
import { resourceDocument } from './resource-document.js';

const MAX_EVIDENCE = 10;

/**
 * Turns a validated declarative document into a policy. Its check evaluates `appliesWhen` and
 * `failWhen` over every resource of the listed types: both hold → fail; either undecided (and
 * neither false) → unknown, naming the value; otherwise pass. No user code runs.
 */
export function compileDeclarativePolicy(doc: DeclarativePolicyDocument): Policy {
  const types = doc.resourceTypes.map(globToRegExp);
  const messages = declarativeMessages(doc);
  return definePolicy({
    id: doc.id,
    title: doc.title,
    severity: doc.severity,
    description: doc.description,
    remediation: doc.remediation,
    ...(doc.helpUri ? { helpUri: doc.helpUri } : {}),
    ...(doc.frameworks ? { frameworks: doc.frameworks } : {}),
    tags: doc.tags ?? [],
    resourceTypes: doc.resourceTypes,
    messages: messages.messages,
    check(context) {
      for (const resource of context.inventory.resources) {
        if (resource.mode !== 'managed' || !types.some((t) => t.test(resource.type))) continue;
        // One resource that cannot be evaluated (a bug, a value no bound foresaw) is reported for itself; the others are still decided.
        try {
          decide(doc, messages, resource, context);
        } catch (error) {
          context.error(resource, error);
        }
      }
    },
  });
}

/** The verdict of the policy on one resource: fail, unknown (naming the value), or pass. */
function decide(doc: DeclarativePolicyDocument, messages: DeclarativeMessages, resource: Resource, context: PolicyContext<unknown>): void {
  const document = resourceDocument(resource);
  const applies: ConditionResult = doc.appliesWhen ? evaluateCondition(doc.appliesWhen, document) : { truth: true, evidence: [], unknowns: [] };
  if (applies.truth === false) return;
  const fails = evaluateCondition(doc.failWhen, document);
  const truth = and(applies.truth, fails.truth);
  if (truth === true) {
    context.fail({ resource, ...text(messages, messages.fail, document), evidence: toEvidence(fails.evidence), ...pathOf(fails.evidence) });
  } else if (truth === 'unknown') {
    const unknowns = [...applies.unknowns, ...fails.unknowns];
    const first = unknowns[0];
    context.unknown({
      resource,
      ...text(messages, messages.unknown, document),
      reason: first ? first.value : `a value ${doc.id} needs is not known`,
      evidence: unknowns.slice(0, MAX_EVIDENCE).map((u) => ({ path: dotted(u.pointer), value: u.value })),
      ...(first ? { path: attributePath(first.pointer) } : {}),
    });
  } else {
    context.pass({ resource, ...text(messages, messages.pass, document) });
  }
}

/** A report's message id, and each of its placeholders rendered from the resource document (sensitive and unknown values made safe). */
function text(messages: DeclarativeMessages, messageId: string, document: Record<string, unknown>): { messageId: string; data: Record<string, string> } {
  const template = messages.messages[messageId]!;
  return { messageId, data: Object.fromEntries(messagePlaceholders(template).map((path) => [path, renderTemplate(`{{${path}}}`, document)])) };
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return true;
}

function toEvidence(matches: PathMatch[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const match of matches) {
    if (seen.has(match.pointer) || out.length >= MAX_EVIDENCE) continue;
    seen.add(match.pointer);
    // Sensitive values stay wrapped: every output prints them as (sensitive).
    out.push({ path: dotted(match.pointer), value: match.value });
  }
  return out;
}

function pathOf(matches: PathMatch[]): { path?: string } {
  const first = matches[0];
  return first ? { path: attributePath(first.pointer) } : {};
}

/** `/values/listener/0/port` → `listener.0.port` (attribute paths, as every policy's evidence names them); other roots keep their name (`tags.Owner`). */
function dotted(pointer: string): string {
  const path = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')).join('.');
  return path.startsWith('values.') ? path.slice('values.'.length) : path;
}

/** The attribute path inside `values` used to find the source line; '' for other roots. */
function attributePath(pointer: string): string {
  return pointer.startsWith('/values/') ? dotted(pointer) : '';
}
