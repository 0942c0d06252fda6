import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';
import { hostileScratch, QUIET_RESOURCES, QUIET_TF } from './hostile-scratch.js';

const scratch = hostileScratch('names');
afterAll(() => scratch.cleanup());

describe('user text in messages stays on one line and cannot drive the terminal', () => {
  it('a file name with a line break, a terminal escape and a right-to-left override', async () => {
    const name = 'evil\nname\u001b[31m\u202Ejson.json';
    scratch.write(name, '{"format_version":"1.2","resource_changes":[');
    const run = await runMain(['scan', name, '--format', 'json'], scratch.dir);
    expect(run.stderr).toBe('warden: evil\\u000aname\\u001b[31m\\u202ejson.json:1:45: not valid JSON: unexpected end of input (truncated file?)\n');
    // The report keeps the name as it is: JSON escapes it.
    expect(JSON.parse(run.stdout).inputs[0].path).toBe(name);
    expect(run.code).toBe(2);
  });

  it('a source directory name with a line break in a syntax error', async () => {
    scratch.write('two\nlines/main.tf', QUIET_TF);
    scratch.write('two\nlines/broken.tf', 'resource "aws_vpc" "x" {\n');
    const run = await runMain(['scan', 'two\nlines', '--quiet'], scratch.dir);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(/^warden: two\\u000alines\/broken\.tf:\d+:\d+: /);
    expect(run.code).toBe(3);
  });

  it('a block with an empty label is a one-line problem of its file (Terraform refuses it); the other files are read', async () => {
    scratch.write('empty-label/main.tf', QUIET_TF);
    scratch.write('empty-label/empty.tf', 'resource "aws_security_group" "" {\n  description = "x"\n}\n');
    const run = await runMain(['scan', 'empty-label', '--format', 'json'], scratch.dir);
    expect(run.stderr).toBe('warden: empty-label/empty.tf:1:31: invalid block: an empty label (Terraform needs a name here)\n');
    expect(JSON.parse(run.stdout).inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
    expect(run.code).toBe(3);
  });
});
