import { Unknown, isUnknown } from '../unknown.js';
import type { PolicyDocument, Statement } from './policy-document.js';
import { both, coversAction, coversEveryResource, isAllow, type Answer } from './statement-grants.js';

/**
 * Whether a document allows `action` on every resource: an Allow statement covers the action and
 * every resource, and no unconditional Deny statement takes the action back on every resource.
 * Conditions on the Allow are not weighed (they narrow when, not what). Returns the granting
 * statement, false, or Unknown naming the part that is not known.
 */
export function allowsOnEveryResource(document: PolicyDocument, action: string): Statement | false | Unknown {
  let doubt: Unknown | undefined;
  for (const statement of document.statements) {
    if (isAllow(statement) === false) continue;
    const grants = both(isAllow(statement), coversAction(statement, action), coversEveryResource(statement));
    if (grants === false) continue;
    const denied = deniedEverywhere(document, action);
    if (denied === true) return false;
    if (grants === true && denied === false) return statement;
    doubt ??= isUnknown(grants) ? grants : (denied as Unknown);
  }
  if (doubt) return doubt;
  return document.unknown ? new Unknown(`part of the document is not known (${document.unknown.reason})`) : false;
}

function deniedEverywhere(document: PolicyDocument, action: string): Answer {
  let doubt: Unknown | undefined;
  for (const statement of document.statements) {
    if (statement.effect !== 'Deny') continue;
    if (isUnknown(statement.conditions) || statement.conditions.length > 0) continue;
    const denies = both(coversAction(statement, action), coversEveryResource(statement));
    if (denies === true) return true;
    if (isUnknown(denies)) doubt ??= denies;
  }
  return doubt ?? false;
}
