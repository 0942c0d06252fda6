import { describe, expect, it } from 'vitest';
import { githubSubjectRestriction, trustsGithubOidc } from '../../../src/model/policy-document/github-oidc-trust.js';
import { parsePolicyDocument } from '../../../src/model/policy-document/parse-policy-document.js';
import type { Statement } from '../../../src/model/policy-document/policy-document.js';
import { admitsAnyone, restrictingCondition } from '../../../src/model/policy-document/principal-conditions.js';
import { UnknownAttribute, UnknownText } from '../../../src/model/partly-known.js';
import { UnknownJson } from '../../../src/model/unknown-json.js';
import { Unknown, isUnknown } from '../../../src/model/unknown.js';

function trust(principal: unknown, condition?: unknown): Statement {
  const document = parsePolicyDocument(new UnknownJson('test', { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal, ...(condition ? { Condition: condition } : {}) }] } as never));
  if (isUnknown(document)) throw new Error(document.reason);
  return document.statements[0]!;
}

describe('principals and the conditions that restrict them', () => {
  it('admits anyone with "*", {"AWS": "*"} or a NotPrincipal, not with an account', () => {
    expect(admitsAnyone(trust('*'))).toEqual({ principal: '"*"' });
    expect(admitsAnyone(trust({ AWS: '*' }))).toEqual({ principal: '{"AWS": "*"}' });
    expect(admitsAnyone(trust({ AWS: 'arn:aws:iam::111122223333:root' }))).toBe(false);
    expect(admitsAnyone(trust({ Service: 'ec2.amazonaws.com' }))).toBe(false);
    expect(isUnknown(admitsAnyone(trust({ AWS: new Unknown('var.trusted') })))).toBe(true);
  });

  it('reads a principal known only after apply as one principal when it is an ARN or account id, or starts with text', () => {
    const attribute = (address: string, name: string): UnknownAttribute => new UnknownAttribute(`${address}.${name} is known only after apply`, { address, attribute: name, prefix: '', suffix: '' });
    expect(admitsAnyone(trust({ AWS: attribute('aws_iam_role.r', 'arn') }))).toBe(false);
    expect(admitsAnyone(trust({ AWS: [attribute('data.aws_caller_identity.c', 'account_id'), 'arn:aws:iam::111122223333:root'] }))).toBe(false);
    expect(admitsAnyone(trust({ AWS: new UnknownText('x', 'arn:aws:iam::') }))).toBe(false);
    // Another attribute, a start that is all wildcards, or any other unknown element may still be "*".
    expect(isUnknown(admitsAnyone(trust({ AWS: attribute('aws_ssm_parameter.p', 'value') })))).toBe(true);
    expect(isUnknown(admitsAnyone(trust({ AWS: new UnknownText('x', '*') })))).toBe(true);
    const mixed = admitsAnyone(trust({ AWS: [attribute('aws_iam_role.r', 'arn'), new Unknown('var.trusted is not set')] }));
    expect(isUnknown(mixed) && mixed.reason).toBe('the principal is not known (var.trusted is not set)');
    expect(admitsAnyone(trust({ AWS: [attribute('aws_iam_role.r', 'arn'), '*'] }))).toEqual({ principal: '{"AWS": "*"}' });
  });

  it('reads every spelling of a principal type as one list: a second spelling cannot hide "*" or an unknown', () => {
    const arn = new UnknownAttribute('aws_iam_role.r.arn is known only after apply', { address: 'aws_iam_role.r', attribute: 'arn', prefix: '', suffix: '' });
    expect(admitsAnyone(trust({ AWS: arn, aws: '*' }))).toEqual({ principal: '{"AWS": "*"}' });
    const hidden = admitsAnyone(trust({ AWS: arn, aws: new Unknown('var.trusted is not set') }));
    expect(isUnknown(hidden) && hidden.reason).toBe('the principal is not known (var.trusted is not set)');
    const itemised = admitsAnyone(trust({ AWS: arn, Aws: [arn, new Unknown('var.other is not set')] }));
    expect(isUnknown(itemised) && itemised.reason).toBe('the principal is not known (var.other is not set)');
    expect(admitsAnyone(trust({ AWS: arn, aws: 'arn:aws:iam::111122223333:root' }))).toBe(false);
  });

  it('counts positive tests of organisation, account, source and external id keys', () => {
    expect(restrictingCondition(trust('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }))).toMatchObject({ key: 'aws:PrincipalOrgID' });
    expect(restrictingCondition(trust('*', { StringEquals: { 'sts:ExternalId': 'x-1' } }))).toMatchObject({ key: 'sts:ExternalId' });
    expect(restrictingCondition(trust('*', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' } }))).toMatchObject({ key: 'aws:SourceArn' });
    expect(restrictingCondition(trust('*', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a/r-b/ou-c/*' } }))).toMatchObject({ key: 'aws:PrincipalOrgPaths' });
    // Key policies confine a `*` principal to callers of one account with kms:CallerAccount (AWS's own key policies do).
    expect(restrictingCondition(trust('*', { StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } }))).toMatchObject({ key: 'kms:CallerAccount' });
  });

  it('does not count StringLike "*", negations, IfExists, ForAllValues or unrelated keys', () => {
    expect(restrictingCondition(trust('*', { StringLike: { 'aws:PrincipalOrgID': '*' } }))).toBeUndefined();
    expect(restrictingCondition(trust('*', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:*:*:x' } }))).toBeUndefined();
    expect(restrictingCondition(trust('*', { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } }))).toBeUndefined();
    expect(restrictingCondition(trust('*', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }))).toBeUndefined();
    expect(restrictingCondition(trust('*', { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123' } }))).toBeUndefined();
    expect(restrictingCondition(trust('*', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }))).toBeUndefined();
  });

  it('keeps an unknown StringLike value Unknown, and an unknown StringEquals value restrictive', () => {
    const like = restrictingCondition(trust('*', { StringLike: { 'aws:PrincipalOrgID': new Unknown('var.org') } }));
    expect(isUnknown(like)).toBe(true);
    expect(restrictingCondition(trust('*', { StringEquals: { 'aws:PrincipalOrgID': new Unknown('var.org') } }))).toMatchObject({ key: 'aws:PrincipalOrgID' });
  });
});

describe('GitHub Actions OIDC trust', () => {
  const provider = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

  it('recognises the provider by ARN, or by its condition keys when the ARN is unknown', () => {
    expect(trustsGithubOidc(trust({ Federated: provider }))).toBe(true);
    expect(trustsGithubOidc(trust({ Federated: new Unknown('aws_iam_openid_connect_provider.gh.arn') }, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }))).toBe(true);
    expect(trustsGithubOidc(trust({ Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/X' }))).toBe(false);
  });

  it('requires a sub condition naming a repository owner', () => {
    expect(githubSubjectRestriction(trust({ Federated: provider }, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:*' } }))).toMatchObject({ condition: {} });
    expect(githubSubjectRestriction(trust({ Federated: provider }, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }))).toMatchObject({ problem: expect.stringContaining('no condition') });
    expect(githubSubjectRestriction(trust({ Federated: provider }, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } }))).toMatchObject({ problem: expect.stringContaining('"repo:*"') });
    expect(githubSubjectRestriction(trust({ Federated: provider }, { StringLike: { 'token.actions.githubusercontent.com:sub': '*' } }))).toMatchObject({ problem: expect.stringContaining('"*"') });
    expect(githubSubjectRestriction(trust({ Federated: provider }, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*/app:*' } }))).toMatchObject({ problem: expect.any(String) });
  });
});
