import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeStderrLine } from '../../src/cli/stderr-line.js';
import { FORMATS, loadReporter, type Format } from '../../src/report/reporter.js';
import { wholeText } from '../../src/report/report-text.js';
import type { Finding } from '../../src/rules/finding.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { summarise } from '../../src/scan/summarise.js';
import { runMain } from '../support/run-main.js';
import { elements, junitSchemaErrors, parseXml } from './junit-support.js';
import { CONTEXT, syntheticResult } from './report-fixtures.js';

/**
 * Text from a pull request (a resource name, a tag, a policy message) carrying a terminal escape, a
 * NUL, a bidi override and the two forms of GitHub workflow command. No format may print any of
 * them as such: a CI log runs `::cmd::` at a line start and `##[cmd]` anywhere, on stdout and
 * stderr alike.
 */
const HOSTILE = 'x\u001b[31mred\u0000nul\u202eevil\u2066iso\u0085nel\n::error::x ##[set-output name=x]y';
// The runner compares by culture, which may skip a soft hyphen or a zero-width space.
const HIDDEN = '\n\u200b:\u00ad:warning::hidden #\u200b#[add-mask]z';
// Enough short words that wrapping the console report starts lines with a command.
const WRAPPED = Array.from({ length: 30 }, () => '::warning::w').join(' ');

function hostileResult(): ScanResult {
  const base = syntheticResult();
  const template = base.findings.find((f) => f.verdict === 'fail')!;
  const finding: Finding = {
    ...template,
    message: `${HOSTILE} ${WRAPPED}${HIDDEN}`,
    resource: { ...template.resource, address: `aws_s3_bucket.b["${HOSTILE}"]` },
    evidence: [{ path: 'tags.Name', value: HOSTILE }],
    ...(template.location?.kind === 'source' ? { location: { ...template.location, file: `infra/${HOSTILE}.tf` } } : {}),
  };
  return {
    ...base,
    findings: [finding],
    summary: summarise([finding]),
    coverage: { ...base.coverage, complete: false, gaps: [{ scope: 'input', target: HOSTILE, message: `cannot read ${HOSTILE}` }] },
  };
}

/**
 * The lines the runner would run: after .NET's leading white space, `::`; or a `##[` anywhere, also
 * when default-ignorable characters stand between. Lines end at CR, LF or CR LF.
 */
function commandLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => {
    const visible = line.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
    return /^[\s\u0085]*::/.test(visible) || visible.includes('##[');
  });
}

const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function render(format: Format, color = false): Promise<string> {
  return wholeText((await loadReporter(format))(hostileResult(), { ...CONTEXT, color }));
}

describe('hostile text in every output format', () => {
  it.each(FORMATS.filter((f) => f !== 'github'))('%s: no control, escape or bidi character, and no workflow command', async (format) => {
    const output = await render(format);
    expect(output).not.toMatch(RAW_CONTROLS);
    expect(commandLines(output)).toEqual([]);
  });

  it('console in colour: only the theme’s own escapes, and no command on any wrapped line', async () => {
    const output = await render('console', true);
    expect(commandLines(output)).toEqual([]);
    // The message's own ESC is shown as text; the lines still wrap where the commands were.
    expect(output).toContain('\\u001b[31mred');
    expect(output).toContain('\\u003a:warning::w');
  });

  it('github: its own annotations only, with the user text escaped inside them', async () => {
    const output = await render('github');
    expect(output).not.toMatch(RAW_CONTROLS);
    const lines = output.split(/\r\n|\r|\n/).filter((line) => line !== '');
    // One error for the gap, one annotation for the finding, nothing else: every line is our command.
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
    expect(output).not.toContain('##[');
    expect(output).toContain('\\u2066iso\\u0085nel\\u000a::error::x \\u0023#[set-output');
  });

  it.each(['json', 'sarif'] as const)('%s: the escapes read back as the very same text', async (format) => {
    const output = await render(format);
    expect(output).not.toMatch(/[\u2028\u2029]/);
    expect(output).toContain('\\u202e');
    expect(output).toContain('\\u0023#[set-output');
    const text = JSON.stringify(JSON.parse(output));
    expect(text).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });

  it('junit: valid XML, controls shown as text, commands broken by character references', async () => {
    const output = await render('junit');
    expect(await junitSchemaErrors(output)).toEqual([]);
    const failure = elements(parseXml(output), 'failure')[0]!;
    expect(failure.textContent).toContain('x\\u001b[31mred\\u0000nul\\u202eevil\\u2066iso\\u0085nel\n::error::x ##[set-output name=x]y');
    expect(output).toContain('&#58;:error::x &#35;#[set-output');
  });

  it('stderr: one line, no command', () => {
    let written = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
    try {
      writeStderrLine(`cannot read ${HOSTILE}`);
    } finally {
      spy.mockRestore();
    }
    expect(written.split('\n')).toHaveLength(2);
    expect(written).not.toMatch(RAW_CONTROLS);
    expect(commandLines(written)).toEqual([]);
  });
});

describe('hostile text in the policy commands', () => {
  it('warden policies and policies show print a declarative policy’s title with no control character or command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-hostile-policy-'));
    try {
      const title = JSON.stringify(HOSTILE.replace('\u0000', ''));
      writeFileSync(
        join(dir, 'odd.policy.yaml'),
        ['id: odd-title', `title: ${title}`, 'severity: low', 'description: d', 'remediation: r', 'resourceTypes: [aws_instance]', 'failWhen:', '  path: $.values.ami', '  equals: x', 'message: m', ''].join('\n'),
      );
      for (const args of [['policies'], ['policies', '--format', 'json'], ['policies', 'show', 'odd-title'], ['policies', 'show', 'odd-title', '--format', 'json']]) {
        const run = await runMain([...args, '--policy-dir', dir]);
        expect(run.stdout, args.join(' ')).toContain('set-output');
        expect(run.stdout, args.join(' ')).not.toMatch(RAW_CONTROLS);
        expect(commandLines(run.stdout), args.join(' ')).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
