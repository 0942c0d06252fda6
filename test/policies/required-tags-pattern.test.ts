import { describe, expect, it } from 'vitest';
import { Inventory, type Resource } from '../../src/api.js';
import { runPolicies } from '../../src/rules/runner.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { requiredTags } from '../../policies/required-tags.js';

function bucket(owner: string): Resource {
  return {
    type: 'aws_s3_bucket', address: 'aws_s3_bucket.logs', name: 'logs', mode: 'managed', modulePath: '', values: {},
    tags: { Owner: owner }, source: 'plan', input: 'test.json', references: {}, raw: {},
  };
}

function verdicts(pattern: string, owner: string, caseSensitive = true): string[] {
  const options = { required: { Owner: { pattern } }, caseSensitive };
  const [configured] = selectPolicies([requiredTags], { policies: { 'required-tags': { options } } }, {});
  return runPolicies(new Inventory([bucket(owner)], 'test.json'), [configured!], 'report').findings.map((f) => f.verdict);
}

describe('required-tags value patterns (from warden.yaml, so from the pull request)', () => {
  it('run on RE2: a pattern that backtracks forever in JavaScript decides at once', () => {
    // JavaScript's RegExp needs about 2^40 steps for this; RE2 is linear in the value.
    expect(verdicts('^(a+)+$', `${'a'.repeat(40)}!`)).toEqual(['fail']);
    expect(verdicts('^(a+)+$', 'a'.repeat(40))).toEqual(['pass']);
  });

  it('keep their meaning: found anywhere unless anchored, case folded unless caseSensitive', () => {
    expect(verdicts('team', 'platform-team-a')).toEqual(['pass']);
    expect(verdicts('^TEAM', 'team-a')).toEqual(['fail']);
    expect(verdicts('^TEAM', 'team-a', false)).toEqual(['pass']);
  });

  it('must be patterns RE2 accepts: a look-ahead is refused with the options, before any scan', () => {
    expect(() => selectPolicies([requiredTags], { policies: { 'required-tags': { options: { required: { Owner: { pattern: '^(?=x)' } } } } } }, {}, 'warden.yaml'))
      .toThrow(/^warden\.yaml: options of required-tags: required\.Owner\.pattern must match format "regex"$/);
  });
});
