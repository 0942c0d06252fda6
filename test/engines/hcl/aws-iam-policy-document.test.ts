import { describe, expect, it } from 'vitest';
import { encodedValueOf } from '../../../src/model/unknown-json.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { evaluateOutputs } from './hcl-helpers.js';

const SOURCE = `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::logs/*"]
  }
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::logs"]
  }
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["abc"]
    }
  }
}

data "aws_iam_policy_document" "everyone" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket", "s3:ListBucketVersions"]
    resources = ["*"]
  }
  override_policy_documents = [jsonencode({ Statement = [{ Sid = "Read", Effect = "Deny", Action = "s3:GetObject", Resource = "*" }] })]
}

resource "aws_s3_bucket" "b" {
  bucket_prefix = "x-"
}

data "aws_iam_policy_document" "later" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
  }
}
`;

describe('data "aws_iam_policy_document" evaluated into its json', () => {
  it('writes statements as the provider does: one-element lists as strings, principals and conditions as maps', async () => {
    const out = await evaluateOutputs({ trust: 'data.aws_iam_policy_document.trust.json', everyone: 'data.aws_iam_policy_document.everyone.minified_json' }, SOURCE);
    expect(JSON.parse(out['trust'] as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] },
          Condition: { StringEquals: { 'sts:ExternalId': 'abc' } },
        },
      ],
    });
    expect(JSON.parse(out['everyone'] as string).Statement[0].Principal).toBe('*');
  });

  it('merges source and override documents by Sid', async () => {
    const out = await evaluateOutputs({ merged: 'data.aws_iam_policy_document.merged.json' }, SOURCE);
    expect(JSON.parse(out['merged'] as string).Statement).toEqual([
      { Sid: 'Read', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
      { Sid: 'List', Effect: 'Allow', Action: ['s3:ListBucket', 's3:ListBucketVersions'], Resource: '*' },
    ]);
  });

  it('keeps the document when a resource is known only after apply', async () => {
    const out = await evaluateOutputs({ later: 'data.aws_iam_policy_document.later.json' }, SOURCE);
    expect(isUnknown(out['later'])).toBe(true);
    const encoded = encodedValueOf(out['later']) as { Statement: { Action: string; Resource: unknown }[] };
    expect(encoded.Statement[0]?.Action).toBe('s3:GetObject');
    expect(isUnknown(encoded.Statement[0]?.Resource)).toBe(true);
  });

  it('keeps a partly unknown jsonencode value beside its Unknown text', async () => {
    const out = await evaluateOutputs({ doc: 'jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = aws_s3_bucket.b.arn }] })' }, SOURCE);
    expect(isUnknown(out['doc'])).toBe(true);
    expect((encodedValueOf(out['doc']) as { Statement: { Action: string }[] }).Statement[0]?.Action).toBe('*');
  });
});
