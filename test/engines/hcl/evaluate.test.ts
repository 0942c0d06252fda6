import { describe, expect, it } from 'vitest';
import { isSensitive } from '../../../src/model/sensitive.js';
import { attributeReferenceOf, knownPrefixOf } from '../../../src/model/partly-known.js';
import { isUnknown } from '../../../src/model/unknown.js';
import type { Value } from '../../../src/model/value.js';
import { evaluateDir, evaluateOutputs, sourceDir } from './hcl-helpers.js';

const reason = (value: Value): string => (isUnknown(value) ? value.reason : `known: ${JSON.stringify(value)}`);

describe('HCL expressions', () => {
  it('evaluates literals, collections, templates, heredocs and operators', async () => {
    const out = await evaluateOutputs({
      number: '-1.5 * 2 + 10 % 4',
      bools: '[!true, 1 < 2 && 3 >= 3, false || null == null]',
      list: '["a", 1, true, null]',
      object: '{ Name = "x", "with space" = 2, (local.key) = 3 }',
      template: '"${local.key}-${1 + 1}%{ if local.on } on%{ else } off%{ endif }"',
      escapes: '"q\\"\\t\\u00e9 $${literal}"',
      loop: '"%{ for i, v in ["a", "b"] }${i}=${v};%{ endfor }"',
      single: '"${[1, 2]}"',
      heredoc: '<<-EOT\n    first ${local.key}\n      second\n    EOT',
      conditional: 'local.on ? "yes" : "no"',
      forList: '[for k, v in { b = 2, a = 1 } : "${k}${v}" if v > 0]',
      forMap: '{ for s in ["x", "yy", "x"] : s => length(s)... }',
      splat: '[{ n = 1 }, { n = 2 }][*].n',
      index: '{ a = [10, 20] }["a"][1]',
    }, 'locals {\n  key = "k"\n  on  = true\n}');
    expect(out).toEqual({
      number: -1,
      bools: [false, true, true],
      list: ['a', 1, true, null],
      object: { Name: 'x', 'with space': 2, k: 3 },
      template: 'k-2 on',
      escapes: 'q"\té ${literal}',
      loop: '0=a;1=b;',
      single: [1, 2],
      heredoc: 'first k\n  second\n',
      conditional: 'yes',
      forList: ['a1', 'b2'],
      forMap: { x: [1, 1], yy: [2] },
      splat: [1, 2],
      index: 20,
    });
  });

  it('evaluates the common functions', async () => {
    const out = await evaluateOutputs({
      merge: 'merge({ a = 1, b = 1 }, { b = 2 }, null)',
      concat: 'concat(["a"], ["b", "c"])',
      lookup: '[lookup({ a = 1 }, "a"), lookup({ a = 1 }, "z", 0)]',
      conversions: '[tolist(toset(["b", "a", "b"])), tomap({ a = "x" }), tostring(5), tonumber("7"), tobool("true")]',
      format: 'format("%s-%03d-%.1f-%v-%q", "x", 7, 2.71, true, "y")',
      formatlist: 'formatlist("%s:%d", ["a", "b"], 1)',
      json: 'jsonencode({ b = [1, "<x>"], a = null })',
      jsondecode: 'jsondecode("{\\"a\\": [1, true]}")',
      cidrs: '[cidrsubnet("10.0.0.0/16", 8, 2), cidrsubnet("fd00::/56", 8, 1), cidrhost("10.0.0.0/24", 5), cidrnetmask("10.0.0.0/12"), cidrsubnets("10.0.0.0/16", 4, 4, 8)]',
      sizes: '[length("héllo"), length([1, 2]), length({ a = 1 })]',
      keysValues: '[keys({ b = 1, a = 2 }), values({ b = 1, a = 2 })]',
      element: '[element(["a", "b"], 3), try(element([], 0), "empty")]',
      strings: '[lower("AB"), upper("ab"), title("hello world"), trimspace(" x "), replace("a-b-c", "-", "_"), replace("a1b22", "/[0-9]+/", "#"), split(",", "a,b"), join("/", ["a", "b"]), substr("hello", 1, 3)]',
      coalesce: '[coalesce(null, "", "x"), coalescelist([], ["y"])]',
      numbers: '[max(1, 5, 3), min([4, 2]...), abs(-3), ceil(1.2), floor(1.8), pow(2, 10)]',
      sets: '[distinct([1, 1, 2]), flatten([[1], [[2]]]), contains(["a"], "a"), setunion(["b"], ["a", "b"]), zipmap(["k"], ["v"]), range(3)]',
      can: '[can(regex("^a", "abc")), can(regex("^z", "abc"))]',
    });
    expect(out).toEqual({
      merge: { a: 1, b: 2 },
      concat: ['a', 'b', 'c'],
      lookup: [1, 0],
      conversions: [['a', 'b'], { a: 'x' }, '5', 7, true],
      format: 'x-007-2.7-true-"y"',
      formatlist: ['a:1', 'b:1'],
      json: '{"a":null,"b":[1,"\\u003cx\\u003e"]}',
      jsondecode: { a: [1, true] },
      cidrs: ['10.0.2.0/24', 'fd00:0:0:1::/64', '10.0.0.5', '255.240.0.0', ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/24']],
      sizes: [5, 2, 1],
      keysValues: [['a', 'b'], [2, 1]],
      element: ['b', 'empty'],
      strings: ['ab', 'AB', 'Hello World', 'x', 'a_b_c', 'a#b#', ['a', 'b'], 'a/b', 'ell'],
      coalesce: ['x', ['y']],
      numbers: [5, 2, 3, 2, 1, 1024],
      sets: [[1, 2], [1, 2], true, ['a', 'b'], { k: 'v' }, [0, 1, 2]],
      can: [true, false],
    });
  });

  it('gives Unknown with its reason for what cannot be known statically', async () => {
    const out = await evaluateOutputs({
      resourceId: 'aws_vpc.main.id',
      configured: 'aws_vpc.main.cidr_block',
      dataSource: 'data.aws_caller_identity.current.account_id',
      unsetVariable: 'var.region',
      unsupported: 'timestamp()',
      fileFunction: 'file("policy.json")',
      propagated: '"arn:${aws_vpc.main.arn}"',
      partial: '["known", aws_vpc.main.id]',
      badType: '1 + "x"',
      missingAttribute: '{ a = 1 }.b',
    }, 'variable "region" {\n  type = string\n}\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\ndata "aws_caller_identity" "current" {}');
    expect(reason(out['resourceId']!)).toBe('aws_vpc.main.id is known only after apply');
    expect(out['configured']).toBe('10.0.0.0/16');
    expect(reason(out['dataSource']!)).toBe('data.aws_caller_identity.current.account_id is read from the provider at plan time');
    expect(reason(out['unsetVariable']!)).toBe('var.region has no value (set it in terraform.tfvars, with --var-file or --var)');
    expect(reason(out['unsupported']!)).toBe('timestamp() is not evaluated statically');
    expect(reason(out['fileFunction']!)).toBe('file() is not evaluated statically');
    expect(reason(out['propagated']!)).toBe('aws_vpc.main.arn is known only after apply');
    expect((out['partial'] as Value[])[0]).toBe('known');
    expect(isUnknown((out['partial'] as Value[])[1])).toBe(true);
    expect(reason(out['badType']!)).toMatch(/^main\.tf:\d+:\d+: the right operand of \+ must be a number, not string "x"$/);
    expect(reason(out['missingAttribute']!)).toMatch(/no attribute "b"/);
  });

  it('keeps which resource attribute an Unknown is, alone or followed by literal text, and nothing more', async () => {
    const out = await evaluateOutputs(
      {
        alone: 'aws_s3_bucket.b.arn',
        objects: '"${aws_s3_bucket.b.arn}/*"',
        prefixed: '"arn:${aws_s3_bucket.b.id}"',
        twoParts: '"${aws_s3_bucket.b.arn}/${aws_s3_bucket.b.id}"',
        nested: '"${"${aws_s3_bucket.b.arn}/a"}/b"',
        configured: 'aws_s3_bucket.b.bucket',
        viaLocal: 'local.arn',
        viaConditional: 'true ? aws_s3_bucket.b.arn : "x"',
        inList: '[aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]',
        // What operators, functions, splats and further steps make of it is not the attribute.
        lowered: 'lower(aws_s3_bucket.b.arn)',
        replaced: 'replace(aws_s3_bucket.b.arn, "a", "b")',
        formatted: 'format("%s/*", aws_s3_bucket.b.arn)',
        formattedList: 'formatlist("%s/*", [aws_s3_bucket.b.arn])',
        compared: 'aws_s3_bucket.b.arn == "x"',
        asCondition: 'aws_s3_bucket.b.arn ? "a" : "b"',
        stepped: 'aws_s3_bucket.b.arn[0]',
        asKey: '{ a = 1 }[aws_s3_bucket.b.arn]',
        ifDirective: '"%{if aws_s3_bucket.b.arn == "x"}a%{endif}"',
        forDirective: '"%{for s in [aws_s3_bucket.b.arn]}${s}%{endfor}/*"',
        dataSource: 'data.aws_s3_bucket.d.arn',
      },
      'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\ndata "aws_s3_bucket" "d" {\n  bucket = "x"\n}\nlocals {\n  arn = aws_s3_bucket.b.arn\n}',
    );
    expect(attributeReferenceOf(out['alone'])).toEqual({ address: 'aws_s3_bucket.b', attribute: 'arn', prefix: '', suffix: '' });
    expect(attributeReferenceOf(out['objects'])).toEqual({ address: 'aws_s3_bucket.b', attribute: 'arn', prefix: '', suffix: '/*' });
    expect(reason(out['objects']!)).toBe('aws_s3_bucket.b.arn is known only after apply');
    // Text before the attribute is kept too (and is the value's known start); a second interpolation is not one attribute.
    expect(attributeReferenceOf(out['prefixed'])).toEqual({ address: 'aws_s3_bucket.b', attribute: 'id', prefix: 'arn:', suffix: '' });
    expect(knownPrefixOf(out['prefixed'])).toBe('arn:');
    expect(attributeReferenceOf(out['twoParts'])).toBeUndefined();
    // The inner template is already followed by text; the outer one does not add more.
    expect(attributeReferenceOf(out['nested'])).toBeUndefined();
    expect(out['configured']).toBe('logs');
    expect(attributeReferenceOf(out['viaLocal'])).toEqual({ address: 'aws_s3_bucket.b', attribute: 'arn', prefix: '', suffix: '' });
    expect(attributeReferenceOf(out['viaConditional'])).toEqual({ address: 'aws_s3_bucket.b', attribute: 'arn', prefix: '', suffix: '' });
    expect((out['inList'] as Value[]).map(attributeReferenceOf)).toEqual([
      { address: 'aws_s3_bucket.b', attribute: 'arn', prefix: '', suffix: '' },
      { address: 'aws_s3_bucket.b', attribute: 'arn', prefix: '', suffix: '/*' },
    ]);
    for (const name of ['lowered', 'replaced', 'formatted', 'compared', 'asCondition', 'stepped', 'asKey', 'ifDirective', 'forDirective']) {
      expect(isUnknown(out[name]), name).toBe(true);
      expect(attributeReferenceOf(out[name]), name).toBeUndefined();
    }
    const formattedList = out['formattedList'];
    expect(attributeReferenceOf(formattedList)).toBeUndefined();
    if (Array.isArray(formattedList)) expect(formattedList.map(attributeReferenceOf)).toEqual([undefined]);
    expect(attributeReferenceOf(out['dataSource'])).toEqual({ address: 'data.aws_s3_bucket.d', attribute: 'arn', prefix: '', suffix: '' });
  });

  it('keeps the known start of a string template that stops at an unknown value, never a sensitive one', async () => {
    const out = await evaluateOutputs(
      {
        root: '"arn:aws:iam::${data.aws_caller_identity.c.account_id}:root"',
        afterIf: '"a-%{if true}b-${var.unset}%{endif}c"',
        afterFor: '"x%{for s in ["1", "2"]}${s}%{endfor}-${var.unset}"',
        unknownCondition: '"p-%{if var.unset == "x"}y%{endif}"',
        star: '"*${var.unset}"',
        afterSecret: '"${var.password}:${var.unset}"',
        lowered: 'lower("ARN:${var.unset}")',
        alone: '"${var.unset}"',
      },
      'data "aws_caller_identity" "c" {}\nvariable "unset" {\n  type = string\n}\nvariable "password" {\n  type      = string\n  sensitive = true\n  default   = "hunter2"\n}',
    );
    expect(knownPrefixOf(out['root'])).toBe('arn:aws:iam::');
    expect(knownPrefixOf(out['afterIf'])).toBe('a-b-');
    expect(knownPrefixOf(out['afterFor'])).toBe('x12-');
    expect(knownPrefixOf(out['unknownCondition'])).toBe('p-');
    expect(knownPrefixOf(out['star'])).toBe('*');
    for (const name of ['afterSecret', 'lowered', 'alone']) {
      expect(isUnknown(out[name]), name).toBe(true);
      expect(knownPrefixOf(out[name]), name).toBeUndefined();
    }
    expect(JSON.stringify(out['afterSecret'])).not.toContain('hunter2');
  });

  it('names an attribute inside a module instance by the full address the inventory gives the resource', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': 'module "m" {\n  source = "./m"\n  for_each = toset(["a"])\n}\noutput "arn" {\n  value = module.m["a"].arn\n}\n',
      'm/main.tf': 'resource "aws_s3_bucket" "in" {\n  count = 1\n  bucket_prefix = "p-"\n}\noutput "arn" {\n  value = "${aws_s3_bucket.in[0].arn}*"\n}\n',
    });
    try {
      const root = await evaluateDir(dir);
      const reference = attributeReferenceOf(root.instance.output('arn').value);
      expect(reference).toEqual({ address: 'module.m["a"].aws_s3_bucket.in[0]', attribute: 'arn', prefix: '', suffix: '*' });
      expect(root.resources.map((r) => r.address)).toContain(reference!.address);
    } finally {
      cleanup();
    }
  });

  it('keeps sensitive variables sensitive through expressions', async () => {
    const out = await evaluateOutputs(
      { raw: 'var.password', template: '"user:${var.password}"', json: 'jsonencode({ p = var.password })', plain: 'upper("x")' },
      'variable "password" {\n  type      = string\n  sensitive = true\n  default   = "hunter2"\n}',
    );
    for (const name of ['raw', 'template', 'json']) {
      expect(isSensitive(out[name]), name).toBe(true);
      expect(JSON.stringify(out[name])).not.toContain('hunter2');
    }
    expect(out['plain']).toBe('X');
  });

  it('marks a result the way Terraform does: a sensitive object key, a sensitive for key, expanding a sensitive list', async () => {
    const out = await evaluateOutputs(
      {
        objectKey: '{ (var.password) = 1, other = 2 }',
        forKey: '{ for k in ["a", "b"] : "${k}-${var.password}" => k }',
        groupedForKey: '{ for k in ["a", "b"] : var.password => k... }',
        forValueOnly: '{ for k in ["a"] : k => var.password }',
        expanded: 'format("%s/%s", var.pair...)',
        expandedPlain: 'format("%s/%s", ["a", "b"]...)',
      },
      'variable "password" {\n  type      = string\n  sensitive = true\n  default   = "hunter2"\n}\n' +
        'variable "pair" {\n  type      = list(string)\n  sensitive = true\n  default   = ["x", "y"]\n}',
    );
    for (const name of ['objectKey', 'forKey', 'groupedForKey', 'expanded']) {
      expect(isSensitive(out[name]), name).toBe(true);
      expect(JSON.stringify(out[name]), name).not.toMatch(/hunter2|x\/y/);
    }
    // Only the value is sensitive: the map itself is not.
    expect(isSensitive(out['forValueOnly'])).toBe(false);
    expect(isSensitive((out['forValueOnly'] as Record<string, Value>)['a'])).toBe(true);
    expect(out['expandedPlain']).toBe('a/b');
  });

  it('evaluates sensitive(), nonsensitive() and issensitive() on the mark itself', async () => {
    const out = await evaluateOutputs(
      { marked: 'sensitive(["0.0.0.0/0"])', unmarked: 'nonsensitive(var.password)', asked: '[issensitive(var.password), issensitive("x"), issensitive(sensitive(1))]', bad: 'sensitive(1, 2)' },
      'variable "password" {\n  type      = string\n  sensitive = true\n  default   = "hunter2"\n}',
    );
    expect(isSensitive(out['marked']) && out['marked'].reveal()).toEqual(['0.0.0.0/0']);
    expect(out['unmarked']).toBe('hunter2');
    expect(out['asked']).toEqual([true, false, true]);
    expect(reason(out['bad']!)).toMatch(/sensitive\(\): expects 1 argument, got 2$/);
  });

  it('never quotes a sensitive value in the reason of an expression Terraform would reject', async () => {
    const out = await evaluateOutputs(
      { sum: 'var.password + 1', call: 'abs(var.password)', lookup: '{ a = 1 }[var.password]', converted: 'var.port * 2', decoded: 'jsondecode(var.password)' },
      'variable "password" {\n  type      = string\n  sensitive = true\n  default   = "hunter2"\n}\n' +
        'variable "port" {\n  type      = number\n  sensitive = true\n  default   = "hunter3"\n}',
    );
    for (const name of ['sum', 'call', 'lookup', 'converted', 'decoded']) {
      expect(isUnknown(out[name]), name).toBe(true);
      expect(reason(out[name]!), name).not.toMatch(/hunter/);
      expect(reason(out[name]!), name).toContain('(sensitive)');
    }
  });

  it('converts values to the variable type, with optional attribute defaults', async () => {
    const out = await evaluateOutputs(
      { rules: 'var.rules', port: 'var.port + 1' },
      'variable "rules" {\n  type = list(object({ port = number, cidrs = optional(list(string), ["10.0.0.0/8"]) }))\n  default = [{ port = "22" }]\n}\nvariable "port" {\n  type    = number\n  default = "80"\n}',
    );
    expect(out).toEqual({ rules: [{ port: 22, cidrs: ['10.0.0.0/8'] }], port: 81 });
  });
});
