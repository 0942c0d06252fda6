import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../src/model/policy-document/parse-policy-document.js';
import type { PolicyDocument } from '../../../src/model/policy-document/policy-document.js';
import { UnknownJson } from '../../../src/model/unknown-json.js';
import { Unknown, isUnknown } from '../../../src/model/unknown.js';

function parsed(source: Parameters<typeof parsePolicyDocument>[0]): PolicyDocument {
  const document = parsePolicyDocument(source);
  if (isUnknown(document)) throw new Error(`unexpectedly unknown: ${document.reason}`);
  return document;
}

describe('parsePolicyDocument', () => {
  it('reads a single statement object like a list of one, and single strings like lists', () => {
    const one = parsed('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}');
    const list = parsed('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["*"]}]}');
    expect(one.statements).toEqual(list.statements);
    expect(one.statements[0]).toMatchObject({ index: 0, effect: 'Allow', action: { known: ['s3:GetObject'] }, resource: { known: ['*'] } });
  });

  it('keeps NotAction, NotResource and NotPrincipal apart from their positive forms', () => {
    const doc = parsed({ Statement: [{ Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::b'], NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }] });
    const [statement] = doc.statements;
    expect(statement?.action).toBeUndefined();
    expect(statement?.notAction?.known).toEqual(['iam:*']);
    expect(statement?.notResource?.known).toEqual(['arn:aws:s3:::b']);
    expect(statement?.notPrincipal?.byType.get('AWS')?.known).toEqual(['arn:aws:iam::111122223333:root']);
    expect(statement?.principal).toBeUndefined();
  });

  it('tells "Principal": "*" from {"AWS": "*"}', () => {
    const star = parsed({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] }).statements[0]!;
    const aws = parsed({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }).statements[0]!;
    expect(star.principal).toMatchObject({ everyone: true });
    expect(aws.principal).toMatchObject({ everyone: false });
    expect(aws.principal?.byType.get('AWS')?.known).toEqual(['*']);
  });

  it('splits condition operators into set qualifier, base operator and IfExists', () => {
    const doc = parsed({
      Statement: [
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: {
            'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-a/r-b/*'] },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] },
            StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' },
          },
        },
      ],
    });
    expect(doc.statements[0]?.conditions).toEqual([
      { operator: 'ForAnyValue:StringLike', baseOperator: 'StringLike', setQualifier: 'ForAnyValue', ifExists: false, key: 'aws:PrincipalOrgPaths', values: { known: ['o-a/r-b/*'] } },
      { operator: 'ForAllValues:StringEquals', baseOperator: 'StringEquals', setQualifier: 'ForAllValues', ifExists: false, key: 'aws:TagKeys', values: { known: ['team', 'env'] } },
      { operator: 'StringEqualsIfExists', baseOperator: 'StringEquals', ifExists: true, key: 'aws:PrincipalAccount', values: { known: ['111122223333'] } },
    ]);
  });

  it('decodes URL-encoded documents as the IAM API returns them', () => {
    const encoded = encodeURIComponent('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');
    expect(parsed(encoded).statements[0]?.action?.known).toEqual(['*']);
  });

  it('reads effect and member names in any case, and numbers as their text', () => {
    const doc = parsed('{"statement":[{"effect":"allow","action":"s3:*","resource":"*","Principal":{"AWS":123456789012}}]}');
    expect(doc.statements[0]).toMatchObject({ effect: 'Allow', action: { known: ['s3:*'] } });
    expect(doc.statements[0]?.principal?.byType.get('AWS')?.known).toEqual(['123456789012']);
  });

  it('keeps a Resource known only after apply as Unknown beside the known actions', () => {
    const later = new Unknown('aws_s3_bucket.b.arn is known only after apply');
    const source = new UnknownJson(later.reason, { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: [later] }] });
    const [statement] = parsed(source).statements;
    expect(statement?.action).toEqual({ known: ['s3:GetObject'] });
    expect(statement?.resource?.known).toEqual([]);
    expect(statement?.resource?.unknown?.reason).toBe('aws_s3_bucket.b.arn is known only after apply');
  });

  it('is Unknown, with the reason, for a wholly unknown value or invalid JSON', () => {
    const whole = parsePolicyDocument(new Unknown('known only after apply'));
    expect(isUnknown(whole) && whole.reason).toBe('known only after apply');
    const broken = parsePolicyDocument('{"Statement": [', 'aws_iam_policy.p policy');
    expect(isUnknown(broken) && broken.reason).toBe('aws_iam_policy.p policy is not valid JSON');
  });

  it('reads an empty string as a document without statements', () => {
    expect(parsed('')).toEqual({ statements: [] });
  });
});
