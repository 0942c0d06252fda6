import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ParsedFile } from '../../../src/engines/hcl/syntax/ast.js';
import { readDirectly } from '../../../src/engines/hcl/syntax/direct-reader.js';
import { readWithTreeSitter } from '../../../src/engines/hcl/syntax/parse-file.js';
import { SourceFile } from '../../../src/engines/hcl/syntax/source-file.js';
import { editText, sourceArbitrary, textEdit } from '../../property/hcl-arbitrary.js';
import { propertyParameters, propertyTimeout } from '../../property/property-runs.js';
import { REPO } from './hcl-helpers.js';

/** What tree-sitter (the reference) makes of a text: the parsed file, or the error message. */
async function reference(file: SourceFile): Promise<ParsedFile | string> {
  try {
    return await readWithTreeSitter(file);
  } catch (error) {
    return String(error);
  }
}

/** The direct reader either gives up or gives exactly tree-sitter's tree; never a tree where tree-sitter finds an error. */
async function expectSameAsTreeSitter(text: string): Promise<ParsedFile | undefined> {
  const file = new SourceFile('main.tf', text);
  const direct = readDirectly(file);
  if (direct !== undefined) expect(direct).toStrictEqual(await reference(file));
  return direct;
}

/** Texts the direct reader takes: each must give tree-sitter's tree (nodes, spans, comments). */
const INSIDE = {
  'attributes and labelled blocks': 'a = 1\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  tags = { Name = "x" }\n}\nterraform {}\nlegacy aws_x y { }\n',
  'one-line blocks and attributes': 'locals { a = 1 b = 2 }\nx { y { z = true } }\n',
  'numbers and keywords': 'a = 1\nb = 1.5\nc = 2.5e3\nd = -1\ne = - 1\nf = true\ng = null\nh = [1, -2, false, null]\n',
  // HCL's NumericLit: digits, an optional fraction, an optional exponent with an optional sign.
  'every number HCL allows': 'a = 1e3\nb = 1E3\nc = 1e+3\nd = 1e-3\ne = 1.5e10\nf = [1e3, -2E-2, 0.5E+1]\ng = 1e3+1\nh = 2*1e3\ni = x-1e3\nl = 10-1e3\nj = { k = 7e0 }\nk = f(1e3)\n',
  'traversals read from their text': 'a = var.x\nb = aws_vpc.main[0].id\nc = each.value["port"]\nd = a.0.b\ne = module.net.ids[count.index]\nf = x.y-z.w-1\n',
  'traversals with spaces and expression keys': 'a = var.x [ 0 ]\nb = local.m[var.k].id\nc = (var.x).y\nd = (var.x)\ne = f(1).a[0]\n',
  splats: 'a = aws_subnet.p[*].id\nb = aws_subnet.p.*.id\nc = x[*].a[0].b\nd = x.*.a.0\ne = x[*].y[*].z\nf = [{ n = 1 }][*].n\n',
  operators: 'a = 1 + 2 * 3 - 4 / 2 % 1\nl = 10-1\nm = 2-x\nb = x == "" && y != "" || !z\nc = a < b\nd = a <= b\ne = a > b\nf = a >= b\ng = -a.b * -1\nh = !!x\ni = (1 + 2) * 3\nj = a - -b\nk = "a" == x\n',
  conditionals: 'a = x ? 1 : 2\nb = (x ? y : z) ? 1 : 2\nc = x == 1 ? "a" : (y ? "b" : "c")\nd = cond ? [for i in l : i] : {}\n',
  'collections and calls': 'a = []\nb = {}\nc = [1, 2, ]\nd = { a = 1, b : 2\n "c" = 3\n (local.k) = 4\n d.e = 5 }\ne = f()\nf = g(a, b, )\ng = h(x...)\ni = merge(local.a, { B = 1 })\n',
  'for expressions': 'a = [for x in l : x]\nb = [for i, x in l : x if i > 0]\nc = { for k, v in m : k => v }\nd = { for k, v in m : v => k... }\ne = { for s in l : s => upper(s) if s != "" }\n',
  'strings and templates': 'a = ""\nb = "x"\nc = "q\\"\\t\\u00e9\\U0001F600\\\\ $${lit} %%{lit} 100% $x"\nd = "${var.a}"\ne = "a-${var.b}-c"\nf = "${x}${y}"\ng = "${ "}" }"\nh = "a ${f("b")} c"\ni = "# not a comment // nor this"\nj = "${a ? "b" : "c"}x"\n',
  heredocs: 'a = <<EOT\nline ${var.x}\n  $${lit}\nEOT\nb = <<-EOT\n    first ${local.key}\n      second\n    EOT\nc = <<EOF\nEOF\nd = <<-X\n  EOTX\n  X\ne = "after"\n',
  'comments everywhere': '# top\n// also\n/* block\n comment */\na = 1 # end\nb = [ # inside\n  1, /* x */ 2,\n]\nc = f( // arg\n 1)\nblock "x" { # label\n  y = { /* k */ k = 1 }\n}\n# last',
  'CRLF line ends': 'a = 1\r\n# comment\r\nb {\r\n  c = "x"\r\n}\r\n',
  'tabs and an empty file part': '\ta\t=\t1\n\n\n',
  'non-ASCII inside strings and comments': 'a = "é ü 日本"\n# commentaire: été\nb = "${x}é"\n',
  'shapes common in published modules': [
    'locals {',
    '  sg_id = var.create ? concat(aws_security_group.a.*.id, aws_security_group.b.*.id, [""])[0] : var.sg_id',
    '  subnets = [for k, v in local.azs : cidrsubnet(local.cidr, 8, k + 4)]',
    '  per_az = { "${local.region}a" = { PerAZ = "a" } }',
    '  configs = [',
    '    for v in module.vpc.private_subnet_objects :',
    '    {',
    '      ipv4      = cidrhost(v.cidr_block, 10)',
    '      subnet_id = v.id',
    '    }',
    '  ]',
    '}',
    'resource "aws_security_group_rule" "r" {',
    '  count = var.create && var.create_sg && !var.use_prefix ? length(var.rules) : 0',
    '  from_port = lookup(',
    '    var.rules_map[count.index],',
    '    "from_port",',
    '    var.rules[lookup(var.rules_map[count.index], "rule", "_")][0],',
    '  )',
    '  cidr_blocks = split(",", lookup(var.rules_map[count.index], "cidr_blocks", join(",", var.cidrs)))',
    '  tags = merge(',
    '    {',
    '      "Name" = format("%s", var.name)',
    '    },',
    '    var.tags,',
    '  )',
    '  endpoints = {',
    '    s3 = { service = "s3", tags = { Name = "s3" } },',
    '    ddb = {',
    '      service = "dynamodb" # gateway',
    '      route_table_ids = flatten([module.vpc.a_ids, module.vpc.b_ids])',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n'),
  empty: '',
  'only comments': '# nothing here\n',
  'nesting up to the depth read directly': `a = ${'['.repeat(150)}1${']'.repeat(150)}\nb = ${Array(150).fill('x').join(' * ')}\n`,
};

/** Texts left to tree-sitter (outside the subset, or malformed): the direct reader gives up on each. */
const OUTSIDE = {
  'template directive': 'a = "%{ if x }y%{ endif }"\n',
  'strip marker': 'a = "${~ x ~}"\n',
  'provider function': 'a = provider::aws::arn_parse(x)\n',
  'non-ASCII name': 'é = 1\n',
  'object-form tfvars': '{ "a": 1 }\n',
  'nested bare conditional': 'a = x ? 1 : y ? 2 : 3\n',
  'hex number': 'a = 0x1F\n',
  'exponent without digits': 'a = 1e\n',
  'exponent sign without digits': 'a = 1e+\n',
  'empty label': 'resource "" "x" {}\n',
  'unknown escape': 'a = "\\q"\n',
  'newline in a quoted string': 'a = "x\ny"\n',
  'missing value': 'a =\n',
  'missing brace': 'a {\n b = 1\n',
  'unterminated string': 'a = "x\n',
  'unterminated heredoc': 'a = <<EOT\nx\n',
  'tuple without commas': 'a = [1 2]\n',
  'keyword as a name': 'for = 1\n',
  'interpolated label': 'resource "${x}" "y" {}\n',
  'unterminated comment': 'a = 1 /* x\n',
  'deep nesting (tree-sitter decides what is too deep)': `a = ${'('.repeat(300)}1${')'.repeat(300)}\n`,
  'a long chain of operators': `a = ${Array(300).fill('1').join(' + ')}\n`,
  'a long run of unary operators': `a = ${'!'.repeat(300)}true\n`,
};

describe('the direct HCL reader', () => {
  for (const [name, text] of Object.entries(INSIDE)) {
    it(`reads ${name} exactly as tree-sitter does`, async () => {
      expect(await expectSameAsTreeSitter(text)).toBeDefined();
    });
  }

  for (const [name, text] of Object.entries(OUTSIDE)) {
    it(`leaves ${name} to tree-sitter`, () => {
      expect(readDirectly(new SourceFile('main.tf', text))).toBeUndefined();
    });
  }

  it('reads exponent numbers that only tree-sitter reads (beside a template directive) with their values', async () => {
    const text = 'a = "%{ if x }y%{ endif }"\nb = 1e3\nc = 1E+3\nd = [1e-3, 1.5e10]\ne = "1e3 ${1e3}"\nf = x-1e3\ng = 10-1e3\n';
    const file = new SourceFile('main.tf', text);
    expect(readDirectly(file)).toBeUndefined();
    const parsed = await readWithTreeSitter(file);
    const values = parsed.body.items.map((item) => (item.kind === 'attribute' && item.value.kind === 'literal' ? item.value.value : item.kind === 'attribute' ? item.value.kind : item.kind));
    expect(values).toEqual(['template', 1000, 1000, 'tuple', 'template', 'variable', 'binary']);
    const tuple = parsed.body.items[3]!;
    expect(tuple.kind === 'attribute' && tuple.value.kind === 'tuple' ? tuple.value.items.map((i) => (i.kind === 'literal' ? i.value : i.kind)) : []).toEqual([0.001, 15000000000]);
    const f = parsed.body.items[5]!;
    expect(f.kind === 'attribute' && f.value.kind === 'variable' ? f.value.name : undefined).toBe('x-1e3');
    const g = parsed.body.items[6]!;
    expect(g.kind === 'attribute' && g.value.kind === 'binary' ? [g.value.op, g.value.right] : undefined).toMatchObject(['-', { kind: 'literal', value: 1000 }]);
  });

  it('reads every .tf file of the repository (fixtures, policy cases, examples) as tree-sitter does', async () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tf(vars)?$/.test(name)) files.push(readFileSync(path, 'utf8'));
        // A case table's inline .tf snippets are source files too.
        else if (name.endsWith('.cases.yaml')) {
          for (const c of (parse(readFileSync(path, 'utf8')) as { cases: { tf?: unknown }[] }).cases) if (typeof c.tf === 'string') files.push(c.tf);
        }
      }
    };
    for (const dir of ['fixtures', 'policies', 'examples']) walk(join(REPO, dir));
    expect(files.length).toBeGreaterThan(20);
    let direct = 0;
    for (const text of files) if (await expectSameAsTreeSitter(text)) direct++;
    // All but the deliberately broken ones are inside the subset.
    expect(direct).toBeGreaterThanOrEqual(files.length - 3);
  });

  it('gives tree-sitter\'s tree for generated source trees, whole or damaged', async () => {
    await fc.assert(
      fc.asyncProperty(sourceArbitrary, fc.array(textEdit, { maxLength: 4 }), async (source, edits) => {
        for (const text of Object.values(source.files)) {
          expect(await expectSameAsTreeSitter(text)).toBeDefined();
          await expectSameAsTreeSitter(editText(text, edits));
        }
      }),
      propertyParameters(100),
    );
  }, propertyTimeout());
});
