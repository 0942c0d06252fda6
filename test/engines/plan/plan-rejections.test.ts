import { chmodSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engines/input-error.js';
import { loadPlanFile } from '../../../src/engines/plan/load-plan.js';
import { locateJsonError } from '../../../src/document-errors/locate-json-error.js';
import { fixtureText, scratchDir } from './plan-fixtures.js';
import { asUnprivileged } from '../../support/unprivileged.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

/** Loads `content` as NAME and returns the one-line error it is rejected with. */
async function rejection(name: string, content: string | Uint8Array): Promise<string> {
  const path = scratch.write(name, content);
  return rejectionOf(path, name);
}

async function rejectionOf(path: string, name: string): Promise<string> {
  try {
    await loadPlanFile(path, name);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message.startsWith(`${name}:`)).toBe(true);
    return message;
  }
  throw new Error(`${name} was accepted`);
}

const PLAN = fixtureText('format-1.2-modules.json');
const lines = PLAN.split('\n');

describe('invalid JSON: one line naming the file, the line and the column', () => {
  it('a truncated file', async () => {
    const cut = lines.slice(0, 700).join('\n');
    expect(await rejection('truncated.json', cut)).toBe(`truncated.json:700:${lines[699]!.length + 1}: not valid JSON: unexpected end of input (truncated file?)`);
  });

  it('a truncated file that ends inside a string', async () => {
    const cut = PLAN.slice(0, PLAN.indexOf('"aws_vpc.main"') + 5);
    expect(await rejection('cut-string.json', cut)).toMatch(/^cut-string\.json:\d+:\d+: not valid JSON: unexpected end of input inside a string \(truncated file\?\)$/);
  });

  it('a trailing comma in an object', async () => {
    const text = PLAN.replace('"errored": false\n}', '"errored": false,\n}');
    expect(await rejection('comma.json', text)).toBe(`comma.json:${lines.length - 1}:1: not valid JSON: trailing comma before "}"`);
  });

  it('a trailing comma in an array (V8 gives no position for this one)', async () => {
    const text = PLAN.replace('"attribute": [\n        "id"\n      ]', '"attribute": [\n        "id",\n      ]');
    expect(text).not.toBe(PLAN);
    const line = text.split('\n').findIndex((l, i, all) => l.trim() === ']' && all[i - 1]!.trim() === '"id",') + 1;
    expect(await rejection('array-comma.json', text)).toBe(`array-comma.json:${line}:7: not valid JSON: trailing comma before "]"`);
  });

  it('an extra closing brace after the document (a lenient parser would half-read it)', async () => {
    expect(await rejection('brace.json', `${PLAN}}\n`)).toBe(`brace.json:${lines.length}:1: not valid JSON: unexpected data after the end of the JSON document`);
  });

  it('a truncated file nested deeper than the locator follows: JSON.parse\'s own position, still one line', async () => {
    const deep = `{"format_version":"1.2","x":${'['.repeat(100_000)}`;
    expect(await rejection('deep-cut.json', deep)).toMatch(/^deep-cut\.json:1:\d+: not valid JSON: /);
  });

  it('a bare word where a value should be', async () => {
    expect(await rejection('word.json', '{\n  "format_version": tru\n}')).toBe('word.json:2:21: not valid JSON: expected a value, found "t"');
  });
});

describe('files that are not plans', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.json', '', /^empty\.json: empty file$/],
    ['blank.json', '  \n\t\n', /^blank\.json: empty file$/],
    ['binary.json', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00]), /^binary\.json: not a text file \(binary content\)$/],
    ['tfplan', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x08, 0x00]), /^tfplan: a saved binary plan, not its JSON: run `terraform show -json PLANFILE > plan.json` and scan that$/],
    ['array.json', '[{"format_version":"1.2"}]', /^array\.json: not a Terraform plan \(the JSON is an array, expected the object `terraform show -json` prints\)$/],
    ['string.json', '"format_version"', /^string\.json:1:1: not JSON \(no JSON object found\)$/],
    ['state.tfstate', '{"version":4,"terraform_version":"1.9.5","serial":1,"lineage":"5d6c1e9a-0f5b-4b6e-9d1e-3c2b1a0f9e8d","outputs":{},"resources":[]}', /^state\.tfstate: a Terraform state file, not a plan/],
    ['state-show.json', '{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"resources":[]}}}', /^state-show\.json: the JSON of a Terraform state \(`terraform show -json` without a plan file\), not a plan$/],
    ['hcp.json', '{"plan_format_version":"1.1","resource_changes":[],"provider_format_version":"1.0","provider_schemas":{}}', /^hcp\.json: HCP Terraform redacted plan JSON is not supported/],
    ['random.json', '{"name":"warden","version":"0.1.0","dependencies":{}}', /^random\.json: not a Terraform plan \(no format_version\)/],
    ['v2.json', '{"format_version":"2.0","resource_changes":[]}', /^v2\.json: unsupported plan format_version 2\.0 \(warden reads 0\.1 to 1\.x\)$/],
    ['badversion.json', '{"format_version":12,"resource_changes":[]}', /^badversion\.json: not a Terraform plan \(format_version 12 is not a version\)$/],
    ['changes-object.json', '{"format_version":"1.2","resource_changes":{}}', /^changes-object\.json: malformed plan: resource_changes is not a list$/],
  ];
  for (const [name, content, expected] of cases) {
    it(`${name}`, async () => {
      expect(await rejection(name, content)).toMatch(expected);
    });
  }

  it('values nested far deeper than any plan (the walk would exhaust the stack)', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = `{"format_version":"1.2","resource_changes":[{"address":"a_b.c","mode":"managed","type":"a_b","name":"c","change":{"actions":["create"],"after":{"x":${deep}},"after_unknown":{"x":${deep}}}}]}`;
    expect(await rejection('deep.json', text)).toBe('deep.json: values nested too deeply to read (far deeper than any Terraform plan)');
  });

  it('a directory', async () => {
    expect(await rejectionOf(scratch.dir, 'plans/')).toBe('plans/: is a directory');
  });

  it('a missing file', async () => {
    expect(await rejectionOf(`${scratch.dir}/nope.json`, 'nope.json')).toBe('nope.json: no such file or directory');
  });

  it('an unreadable file', async () => {
    const path = scratch.write('locked.json', PLAN);
    chmodSync(path, 0o000);
    expect(await asUnprivileged([scratch.dir], () => rejectionOf(path, 'locked.json'))).toBe('locked.json: permission denied');
  });
});

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON, whatever the nesting', () => {
    for (const name of ['format-0.1.json', 'format-0.2.json', 'format-1.0.json', 'format-1.1.json', 'format-1.2-modules.json']) {
      expect(locateJsonError(fixtureText(name))).toBeUndefined();
    }
    expect(locateJsonError('[]')).toBeUndefined();
    expect(locateJsonError(' {"a":[{},[],"\\u00e9\\n",-1.5e+3,true,false,null]} ')).toBeUndefined();
    expect(locateJsonError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });

  it('reports the offset of the first error and what was expected', () => {
    expect(locateJsonError('{"a" 1}')).toEqual({ offset: 5, problem: 'expected ":" after the property name, found "1"' });
    expect(locateJsonError('{"a":1 "b":2}')).toEqual({ offset: 7, problem: 'expected "," or "}", found """' });
    expect(locateJsonError('{a:1}')).toEqual({ offset: 1, problem: 'expected a property name in double quotes, found "a"' });
    expect(locateJsonError('{"a":"x\ny"}')).toEqual({ offset: 7, problem: 'unterminated string (line break inside a string)' });
    expect(locateJsonError('{"a":"\\q"}')).toEqual({ offset: 6, problem: 'bad escape in a string' });
    expect(locateJsonError('[1,2')).toEqual({ offset: 4, problem: 'unexpected end of input (truncated file?)' });
    expect(locateJsonError('[01]')).toEqual({ offset: 2, problem: 'expected "," or "]", found "1"' });
    expect(locateJsonError('{"a":\u0001}')).toEqual({ offset: 5, problem: 'expected a value, found control character U+0001' });
    expect(locateJsonError('[1,\n]')).toEqual({ offset: 4, problem: 'trailing comma before "]"' });
    expect(locateJsonError('{"a":[1}')).toEqual({ offset: 7, problem: 'expected "," or "]", found "}"' });
    expect(locateJsonError('{,}')).toEqual({ offset: 1, problem: 'expected a property name in double quotes, found ","' });
    expect(locateJsonError('{"a":,}')).toEqual({ offset: 5, problem: 'expected a value, found ","' });
    expect(locateJsonError('{"a":1, b:2}')).toEqual({ offset: 8, problem: 'expected a property name in double quotes, found "b"' });
    expect(locateJsonError('{"a":1} x')).toEqual({ offset: 8, problem: 'unexpected data after the end of the JSON document' });
    expect(locateJsonError('{"a":"x\\u12g4"}')).toEqual({ offset: 7, problem: 'bad \\u escape in a string' });
    expect(locateJsonError('{"a":"\\\\\\q"}')).toEqual({ offset: 8, problem: 'bad escape in a string' });
    expect(locateJsonError('{"a":"x\u0001"}')).toEqual({ offset: 7, problem: 'control character inside a string' });
    expect(locateJsonError('["abc')).toEqual({ offset: 5, problem: 'unexpected end of input inside a string (truncated file?)' });
    expect(locateJsonError('[1.]')).toEqual({ offset: 1, problem: 'malformed number' });
    expect(locateJsonError('{"a":1 /* note */}')).toEqual({ offset: 7, problem: 'comments are not allowed in JSON' });
    expect(locateJsonError('\u00a0{}')).toEqual({ offset: 0, problem: 'expected a value, found character U+00A0' });
  });

  it('gives up, without failing, on nesting deeper than the parser follows (the caller falls back to JSON.parse)', () => {
    expect(locateJsonError(`${'['.repeat(100_000)}${']'.repeat(99_999)}`)).toBeUndefined();
  });
});
