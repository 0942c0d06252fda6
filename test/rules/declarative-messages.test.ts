import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/model/inventory.js';
import type { Resource } from '../../src/model/resource.js';
import { Sensitive } from '../../src/model/sensitive.js';
import { Unknown } from '../../src/model/unknown.js';
import type { ValueObject } from '../../src/model/value.js';
import { compileDeclarativePolicy } from '../../src/rules/declarative/compile-declarative-policy.js';
import { validateDeclarativeText } from '../../src/rules/declarative/validate-declarative-policy.js';
import { runPolicies } from '../../src/rules/runner.js';

function listener(name: string, values: ValueObject): Resource {
  return { type: 'aws_lb_listener', address: `aws_lb_listener.${name}`, name, mode: 'managed', modulePath: '', values, tags: {}, source: 'plan', input: 'plan.json', references: {}, raw: { change: { after: values } } };
}

const HEADER = `id: lb-tls
title: Old TLS
severity: high
description: d
remediation: r
resourceTypes: [aws_lb_listener]
failWhen: { path: $.values.ssl_policy, equals: old }
`;

const inventory = new Inventory([
  listener('old', { ssl_policy: 'old' }),
  listener('secret', { ssl_policy: new Sensitive('old') }),
  listener('later', { ssl_policy: new Unknown('ssl_policy is known only after apply') }),
  listener('new', { ssl_policy: 'new' }),
], 'plan.json');

function findings(text: string): string[] {
  const validated = validateDeclarativeText(HEADER + text, 'p.policy.yaml');
  if (!('document' in validated)) throw new Error(validated.problems.map((p) => p.message).join('\n'));
  const { findings } = runPolicies(inventory, [{ policy: compileDeclarativePolicy(validated.document), options: {} }], 'report');
  return findings.map((f) => `${f.verdict} ${f.messageId} ${f.message}`);
}

const problems = (text: string): string[] => {
  const validated = validateDeclarativeText(HEADER + text, 'p.policy.yaml');
  return 'problems' in validated ? validated.problems.map((p) => `${p.source} ${p.message}`) : [];
};

describe('declarative policies: messages by id', () => {
  it('the single-message form still works: its template becomes message id "fail" (and the defaults "unknown" and "pass")', () => {
    expect(findings('message: "{{address}} uses {{ values.ssl_policy }}"\n')).toEqual([
      'fail fail aws_lb_listener.old uses old',
      'fail fail aws_lb_listener.secret uses (sensitive)',
      'unknown unknown aws_lb_listener.later: cannot decide: Old TLS',
      'pass pass aws_lb_listener.new passes lb-tls',
    ]);
  });

  it('messages by id: messageId and unknownMessageId name them, a declared pass replaces the default', () => {
    const text = 'messages:\n  oldTls: "{{address}} allows old TLS ({{values.ssl_policy}})"\n  notKnown: "{{address}}: policy {{values.ssl_policy}}"\n  pass: "{{address}} is fine"\nmessageId: oldTls\nunknownMessageId: notKnown\n';
    expect(findings(text)).toEqual([
      'fail oldTls aws_lb_listener.old allows old TLS (old)',
      'fail oldTls aws_lb_listener.secret allows old TLS ((sensitive))',
      'unknown notKnown aws_lb_listener.later: policy (unknown)',
      'pass pass aws_lb_listener.new is fine',
    ]);
  });

  it('an id that names no message, a missing or doubled message and a bad placeholder are load problems with their line', () => {
    expect(problems('messages:\n  oldTls: "{{address}}"\nmessageId: oldTsl\n')).toEqual(['p.policy.yaml:10 /messageId: "oldTsl" names no message in messages (oldTls)']);
    expect(problems('messages:\n  oldTls: "{{address}}"\n')).toEqual(['p.policy.yaml:1 /: "message" is required (or "messageId" naming one of messages)']);
    expect(problems('message: x\nmessageId: x\nmessages: { x: y }\n')).toEqual(['p.policy.yaml:1 /: give either message (a template) or messageId (an id in messages), not both']);
    expect(problems('messages:\n  oldTls: "{{nowhere.x}}"\nmessageId: oldTls\n')).toEqual([expect.stringMatching(/^p\.policy\.yaml:9 \/messages\/oldTls: \{\{nowhere\.x\}\}: nowhere is not part of a resource/)]);
    expect(problems('message: a\nunknownMessageId: gone\n')).toEqual(['p.policy.yaml:9 /unknownMessageId: "gone" names no message in messages (none declared)']);
  });
});
