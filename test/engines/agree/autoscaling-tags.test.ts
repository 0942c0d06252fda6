import { describe, expect, it } from 'vitest';
import { loadHclDirectory } from '../../../src/engines/hcl/load-hcl.js';
import { parsePlanText } from '../../../src/engines/plan/load-plan.js';
import { resolvePolicyOptions } from '../../../src/rules/policy-options.js';
import { runPolicies } from '../../../src/rules/runner.js';
import { requiredTags } from '../../../policies/required-tags.js';
import { sourceDir } from '../hcl/hcl-helpers.js';
import { created, planOf } from './engine-agreement.js';

const configured = [{ policy: requiredTags, options: resolvePolicyOptions(requiredTags, undefined, 'test') }];

describe('Auto Scaling group tags', () => {
  it('reads `tag` blocks as the group tags in HCL, without default_tags, and shows propagate_at_launch in evidence', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf':
        `provider "aws" {\n  default_tags {\n    tags = { Owner = "x" }\n  }\n}\n` +
        `resource "aws_autoscaling_group" "web" {\n  min_size = 1\n  max_size = 2\n` +
        `  tag {\n    key = "Environment"\n    value = ""\n    propagate_at_launch = false\n  }\n}\n`,
    });
    try {
      const inventory = (await loadHclDirectory(dir, 'src', { cwd: dir })).inventories[0]!;
      expect(inventory.byAddress('aws_autoscaling_group.web')!.tags).toEqual({ Environment: '' });
      const { findings } = runPolicies(inventory, configured, 'omit');
      const empty = findings.find((f) => f.message.includes('Environment'))!;
      // default_tags do not reach an Auto Scaling group: Owner is missing, and the finding says both.
      expect(empty.message).toBe('aws_autoscaling_group.web lacks required tag Owner; tag Environment is empty');
      expect(findings).toHaveLength(1);
      expect(empty.evidence).toContainEqual({ path: 'tag.0.propagate_at_launch', value: false, note: 'tag Environment is not given to the instances the group launches' });
    } finally {
      cleanup();
    }
  });

  it('a tag list known only after apply makes the tags unknown in a plan', () => {
    const plan = planOf([created('aws_autoscaling_group', 'web', { min_size: 1, max_size: 2 }, { id: true, tag: true })], { 'aws_autoscaling_group.web': ['min_size', 'max_size', 'tag'] });
    const inventory = parsePlanText(JSON.stringify(plan), 'plan.json').inventory;
    const { findings } = runPolicies(inventory, configured, 'omit');
    expect(findings.map((f) => f.verdict)).toEqual(['unknown']);
  });

  it('keeps a tag named __proto__ as a tag, not as the prototype of the tag map', () => {
    const plan = planOf(
      [created('aws_autoscaling_group', 'web', { min_size: 1, max_size: 2, tag: [{ key: '__proto__', value: 'x', propagate_at_launch: true }, { key: 'Owner', value: 'me', propagate_at_launch: true }] }, { id: true })],
      { 'aws_autoscaling_group.web': ['min_size', 'max_size', 'tag'] },
    );
    const tags = parsePlanText(JSON.stringify(plan), 'plan.json').inventory.byAddress('aws_autoscaling_group.web')!.tags as Record<string, unknown>;
    expect(Object.keys(tags)).toEqual(['__proto__', 'Owner']);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });
});
