import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/model/resource.js';
import type { SensitiveMarks } from '../../src/model/sensitive-marks.js';
import { Unknown } from '../../src/model/unknown.js';
import { displayName } from '../../src/rules/display-name.js';

function instance(tags: Resource['tags'], sensitive?: SensitiveMarks): Resource {
  const r: Resource = { type: 'aws_instance', address: 'aws_instance.build', name: 'build', mode: 'managed', modulePath: '', values: {}, tags, source: 'plan', input: 'p.json', references: {}, raw: {} };
  if (sensitive !== undefined) r.sensitive = sensitive;
  return r;
}

describe('displayName', () => {
  it('is the Name tag when the resource has a known one', () => {
    expect(displayName(instance({ Name: 'ci-runner', Owner: 'x' }))).toBe('ci-runner');
  });

  it('is the block name or live id without one, with an empty or unknown one, or when the tags are unknown', () => {
    expect(displayName(instance(undefined))).toBe('build');
    expect(displayName(instance({ Owner: 'x' }))).toBe('build');
    expect(displayName(instance({ Name: '' }))).toBe('build');
    expect(displayName(instance({ Name: new Unknown('known after apply') }))).toBe('build');
    expect(displayName(instance(new Unknown('known after apply')))).toBe('build');
  });

  it('never shows a Name tag marked sensitive', () => {
    expect(displayName(instance({ Name: 'secret-host' }, { tags: { Name: true } }))).toBe('build');
    expect(displayName(instance({ Name: 'secret-host' }, { tags_all: true }))).toBe('build');
  });
});
