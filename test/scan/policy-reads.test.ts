import { describe, expect, it } from 'vitest';
import { collectionScope } from '../../src/engines/live/collection-scope.js';
import { kmsKeyDescriptor } from '../../src/engines/live/descriptors/kms-key.js';
import { policyProblems } from '../../src/rules/loading/validate-policy.js';
import { definePolicy, type Policy } from '../../src/rules/policy.js';
import { policyReads } from '../../src/scan/policy-reads.js';

const policy = (id: string, extra: Partial<Policy<{ keys: boolean }>>): Policy =>
  definePolicy<{ keys: boolean }>({ id, title: id, severity: 'low', description: id, remediation: id, check() {}, options: { schema: { type: 'object' }, defaults: { keys: false } }, ...extra });

const kmsDetails = (readsAttribute?: (type: string, attribute: string) => boolean) =>
  (kmsKeyDescriptor.details ?? []).filter((call) => !collectionScope((type) => type === 'aws_kms_key', readsAttribute).skippedDetails.has(call)).map((call) => call.operation);

describe('what the selected policies read, with their options', () => {
  it('readsTypes answers per options and wins over resourceTypes; type.attribute reads the type, and of its attributes that one', () => {
    const reader = policy('reader', { resourceTypes: ['aws_dynamodb_table', 'aws_kms_key'], readsTypes: ({ keys }) => (keys ? ['aws_dynamodb_table', 'aws_kms_key.key_manager'] : ['aws_dynamodb_table']) });
    const without = policyReads([{ policy: reader, options: { keys: false } }]);
    expect([without.readsType!('aws_dynamodb_table'), without.readsType!('aws_kms_key')]).toEqual([true, false]);
    const withKeys = policyReads([{ policy: reader, options: { keys: true } }]);
    expect([withKeys.readsType!('aws_kms_key'), withKeys.readsAttribute!('aws_kms_key', 'key_manager'), withKeys.readsAttribute!('aws_kms_key', 'policy')]).toEqual([true, true, false]);
    expect(kmsDetails(withKeys.readsAttribute)).toEqual(['DescribeKey']);
    // A policy reading the type whole (resourceTypes, globs too) gets every attribute, so every call.
    const whole = policyReads([{ policy: reader, options: { keys: true } }, { policy: policy('rotation', { resourceTypes: ['aws_kms_*'] }), options: {} }]);
    expect(whole.readsAttribute!('aws_kms_key', 'policy')).toBe(true);
    expect(kmsDetails(whole.readsAttribute)).toEqual(['DescribeKey', 'GetKeyRotationStatus', 'GetKeyPolicy']);
    expect(kmsDetails(undefined)).toEqual(['DescribeKey', 'GetKeyRotationStatus', 'GetKeyPolicy']);
    expect(whole.gaps).toEqual([]);
  });

  it('a policy that declares nothing makes the audit read everything', () => {
    const reads = policyReads([{ policy: policy('anything', {}), options: {} }]);
    expect(reads.readsType).toBeUndefined();
    expect(reads.gaps).toEqual([]);
  });

  it('a readsTypes that throws or answers no list is a broken policy (a policy gap: exit 2), and everything is read meanwhile', () => {
    const throws = policy('throws', { readsTypes: () => { throw new Error('boom'); } });
    const answersText = policy('answers-text', { readsTypes: (() => 'aws_kms_key') as never });
    const reads = policyReads([{ policy: throws, options: {} }, { policy: answersText, options: {} }]);
    expect(reads.readsType).toBeUndefined();
    expect(reads.gaps.map((gap) => [gap.scope, gap.policyId, gap.message])).toEqual([
      ['policy', 'throws', 'policy throws is broken: its readsTypes failed: boom'],
      ['policy', 'answers-text', 'policy answers-text is broken: its readsTypes failed: readsTypes must answer a list of resource type names'],
    ]);
  });

  it('a loaded policy whose readsTypes is not a function is refused', () => {
    expect(policyProblems({ ...policy('odd', {}), readsTypes: ['aws_kms_key'] })).toEqual(['readsTypes must be a function (options) => string[]']);
  });
});
