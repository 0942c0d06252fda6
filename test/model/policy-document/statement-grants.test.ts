import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../src/model/policy-document/parse-policy-document.js';
import type { Statement } from '../../../src/model/policy-document/policy-document.js';
import { coversAction, coversEveryResource, grantsEveryAction } from '../../../src/model/policy-document/statement-grants.js';
import { UnknownAttribute } from '../../../src/model/partly-known.js';
import { UnknownJson } from '../../../src/model/unknown-json.js';
import { Unknown, isUnknown } from '../../../src/model/unknown.js';

function statement(raw: Record<string, unknown>): Statement {
  const document = parsePolicyDocument(new UnknownJson('test', { Statement: [raw] } as never));
  if (isUnknown(document)) throw new Error(document.reason);
  return document.statements[0]!;
}

describe('what a statement grants', () => {
  it('sees full access in * and *:*, not in iam:* or s3:Get*', () => {
    expect(grantsEveryAction(statement({ Effect: 'Allow', Action: '*', Resource: '*' }))).toEqual({ how: 'Action', patterns: ['*'] });
    expect(grantsEveryAction(statement({ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: '*' }))).toEqual({ how: 'Action', patterns: ['*:*'] });
    expect(grantsEveryAction(statement({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }))).toBe(false);
    expect(grantsEveryAction(statement({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }))).toBe(false);
  });

  it('counts a NotAction that leaves IAM permissions management allowed, not PowerUserAccess', () => {
    expect(grantsEveryAction(statement({ Effect: 'Allow', NotAction: ['s3:DeleteBucket'], Resource: '*' }))).toEqual({ how: 'NotAction', patterns: ['s3:DeleteBucket'] });
    expect(grantsEveryAction(statement({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }))).toBe(false);
    expect(grantsEveryAction(statement({ Effect: 'Allow', NotAction: 'iam:Put*', Resource: '*' }))).toBe(false);
  });

  it('is Unknown when the actions are known only after apply', () => {
    const answer = grantsEveryAction(statement({ Effect: 'Allow', Action: new Unknown('var.actions is not set'), Resource: '*' }));
    expect(isUnknown(answer) && answer.reason).toBe('Action is not known (var.actions is not set)');
  });

  it('matches single actions against Action and NotAction', () => {
    expect(coversAction(statement({ Effect: 'Allow', Action: 'iam:Pass*' }), 'iam:PassRole')).toBe(true);
    expect(coversAction(statement({ Effect: 'Allow', Action: 'IAM:PASSROLE' }), 'iam:PassRole')).toBe(true);
    expect(coversAction(statement({ Effect: 'Allow', NotAction: 'iam:*' }), 'iam:PassRole')).toBe(false);
    expect(coversAction(statement({ Effect: 'Allow', NotAction: 's3:*' }), 'iam:PassRole')).toBe(true);
  });

  it('judges resources: *, wildcard ARNs and NotResource cover everything, an unknown ARN is Unknown', () => {
    expect(coversEveryResource(statement({ Resource: '*' }))).toBe(true);
    expect(coversEveryResource(statement({ Resource: 'arn:aws:*:*:*:*' }))).toBe(true);
    expect(coversEveryResource(statement({ Resource: 'arn:aws:iam::*:*' }))).toBe(true);
    expect(coversEveryResource(statement({ Resource: 'arn:aws:s3:::bucket/*' }))).toBe(false);
    expect(coversEveryResource(statement({ Resource: 'arn:aws:iam::111122223333:*' }))).toBe(false);
    expect(coversEveryResource(statement({ NotResource: 'arn:aws:s3:::bucket' }))).toBe(true);
    const later = coversEveryResource(statement({ Resource: [new Unknown('aws_s3_bucket.b.arn is known only after apply')] }));
    expect(isUnknown(later) && later.reason).toContain('aws_s3_bucket.b.arn');
  });

  it("reads a resource's own ARN known only after apply as that one resource, any other attribute as unknown", () => {
    const arn = (suffix: string): UnknownAttribute => new UnknownAttribute('aws_s3_bucket.b.arn is known only after apply', { address: 'aws_s3_bucket.b', attribute: 'arn', prefix: '', suffix });
    expect(coversEveryResource(statement({ Resource: [arn(''), arn('/*')] }))).toBe(false);
    expect(coversEveryResource(statement({ Resource: arn('*') }))).toBe(false);
    expect(coversEveryResource(statement({ Resource: [arn(''), '*'] }))).toBe(true);
    const id = new UnknownAttribute('aws_s3_bucket.b.id is known only after apply', { address: 'aws_s3_bucket.b', attribute: 'id', prefix: '', suffix: '' });
    const answer = coversEveryResource(statement({ Resource: [arn(''), id] }));
    expect(isUnknown(answer) && answer.reason).toBe('Resource is not known (aws_s3_bucket.b.id is known only after apply)');
  });
});
