import { afterAll, describe, expect, it } from 'vitest';
import { loadPlanFile } from '../../../src/engines/plan/load-plan.js';
import { addresses, fixtureText, lineOf, loadFixture, resource, scratchDir } from './plan-fixtures.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const MODULES = 'format-1.2-modules.json';

describe('plan file encodings', () => {
  it('reads UTF-16LE with a BOM, as Windows PowerShell 5 `>` writes it', async () => {
    const text = fixtureText(MODULES);
    const path = scratch.write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const plan = await loadPlanFile(path, 'utf16.json');
    const original = await loadFixture(MODULES);
    expect(addresses(plan)).toEqual(addresses(original));
    expect(resource(plan, 'aws_security_group.web').location).toEqual({ ...resource(original, 'aws_security_group.web').location, file: 'utf16.json' });
  });

  it('reads UTF-16LE with CRLF line ends and keeps line numbers', async () => {
    const text = fixtureText(MODULES).replaceAll('\n', '\r\n');
    const path = scratch.write('utf16-crlf.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const plan = await loadPlanFile(path, 'utf16-crlf.json');
    const original = await loadFixture(MODULES);
    expect(lineOf(plan, 'aws_vpc.main')).toBe(lineOf(original, 'aws_vpc.main'));
  });

  it('reads UTF-8 with a BOM', async () => {
    const path = scratch.write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixtureText('format-0.2.json'), 'utf8')]));
    const plan = await loadPlanFile(path, 'bom.json');
    expect(addresses(plan)).toEqual(['aws_security_group.etl', 'aws_ssm_parameter.token', 'aws_vpc.etl']);
  });

  it('reads non-ASCII values (tags in other scripts) intact from UTF-16', async () => {
    const document = JSON.parse(fixtureText('format-0.2.json')) as { resource_changes: { change: { after: { tags: Record<string, string> } } }[] };
    document.resource_changes[0]!.change.after.tags = { Project: 'données-ÉTL', Team: '数据' };
    const path = scratch.write('unicode.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(document), 'utf16le')]));
    const plan = await loadPlanFile(path, 'unicode.json');
    expect(resource(plan, 'aws_security_group.etl').values['tags']).toEqual({ Project: 'données-ÉTL', Team: '数据' });
  });
});

describe('text around the JSON', () => {
  it('skips a banner before the JSON and shifts locations by its lines', async () => {
    const banner = 'Terraform v1.9.5\non linux_amd64\n';
    const path = scratch.write('banner.json', banner + fixtureText(MODULES));
    const plan = await loadPlanFile(path, 'banner.json');
    const original = await loadFixture(MODULES);
    expect(addresses(plan)).toEqual(addresses(original));
    expect(lineOf(plan, 'aws_vpc.main')).toBe(lineOf(original, 'aws_vpc.main')! + 2);
    expect([plan.recoveredFrom, original.recoveredFrom]).toEqual(['text before the JSON', undefined]);
  });

  it('reads the hashicorp/setup-terraform wrapper output: [command] line, JSON, ::debug:: and ::set-output trailer', async () => {
    const plan = await loadFixture('setup-terraform-wrapper.json');
    expect(plan.formatVersion).toBe('0.2');
    expect(addresses(plan)).toEqual(['aws_security_group.etl', 'aws_ssm_parameter.token', 'aws_vpc.etl']);
    expect(resource(plan, 'aws_vpc.etl').location).toMatchObject({ file: 'setup-terraform-wrapper.json', startLine: 2 });
    expect(plan.recoveredFrom).toBe('terraform wrapper output');
  });

  it('reads a wrapper capture whose JSON line itself ends in %0A (the step output written to a file)', async () => {
    const json = fixtureText('format-0.2.json');
    const path = scratch.write('wrapped.json', `[command]/opt/hostedtoolcache/terraform/1.0.11/x64/terraform-bin show -json tfplan\n${json}%0A\n`);
    const plan = await loadPlanFile(path, 'wrapped.json');
    expect(addresses(plan)).toHaveLength(3);
  });

  it('reads a wrapper capture with CRLF line ends', async () => {
    const json = fixtureText('format-0.2.json');
    const text = `[command]C:\\hostedtoolcache\\terraform-bin.exe show -json tfplan\r\n${json}%0A\r\n::set-output name=exitcode::0\r\n`;
    const plan = await loadPlanFile(scratch.write('wrapped-crlf.json', text), 'wrapped-crlf.json');
    expect(addresses(plan)).toHaveLength(3);
  });

  it('does not accept other text after the JSON', async () => {
    const path = scratch.write('trailer.json', `${fixtureText('format-0.2.json')}\nApply complete!\n`);
    await expect(loadPlanFile(path, 'trailer.json')).rejects.toThrow('trailer.json:2:1: not valid JSON: unexpected data after the end of the JSON document');
  });
});

describe('plans without optional sections', () => {
  it('a plan without configuration still loads; values and locations are kept, references are empty', async () => {
    const document = JSON.parse(fixtureText(MODULES)) as Record<string, unknown>;
    delete document['configuration'];
    const path = scratch.write('no-config.json', JSON.stringify(document, null, 2));
    const plan = await loadPlanFile(path, 'no-config.json');
    expect(addresses(plan)).toEqual(addresses(await loadFixture(MODULES)));
    expect(plan.inventory.resources.every((r) => Object.keys(r.references).length === 0)).toBe(true);
    expect(resource(plan, 'aws_security_group.web').location).toMatchObject({ file: 'no-config.json' });
  });

  it('a plan without prior_state loads, and has no data sources from it', async () => {
    const document = JSON.parse(fixtureText(MODULES)) as Record<string, unknown>;
    delete document['prior_state'];
    const plan = await loadPlanFile(scratch.write('no-prior.json', JSON.stringify(document)), 'no-prior.json');
    expect(plan.inventory.byAddress('data.aws_caller_identity.current')).toBeUndefined();
    expect(plan.inventory.resources).toHaveLength(17);
  });

  it('a plan with no changes at all (Terraform omits resource_changes) loads empty', async () => {
    const text = JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, configuration: { root_module: {} }, timestamp: '2024-09-02T08:15:30Z', applyable: false, complete: true, errored: false });
    const plan = await loadPlanFile(scratch.write('empty-plan.json', text), 'empty-plan.json');
    expect(plan.inventory.resources).toEqual([]);
  });
});
