import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeStepOutputs } from '../../src/action/step-outputs.js';
import { parseStepOutputs } from '../support/step-output-file.js';

let dir: string;
let outputFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-outputs-'));
  outputFile = join(dir, 'output');
  writeFileSync(outputFile, 'earlier<<X\n1\nX\n');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('step outputs', () => {
  it('appends each output to GITHUB_OUTPUT as name<<DELIMITER, so values may span lines, and keeps earlier entries', () => {
    vi.stubEnv('GITHUB_OUTPUT', outputFile);
    writeStepOutputs({ high: '2', note: 'a\nb' });
    expect(parseStepOutputs(readFileSync(outputFile, 'utf8'))).toEqual({ earlier: '1', high: '2', note: 'a\nb' });
  });

  it('a value that looks like an entry end cannot end it early', () => {
    vi.stubEnv('GITHUB_OUTPUT', outputFile);
    writeStepOutputs({ body: 'line\nEOF\nX\nmore', after: 'ok' });
    expect(parseStepOutputs(readFileSync(outputFile, 'utf8'))).toMatchObject({ body: 'line\nEOF\nX\nmore', after: 'ok' });
  });

  it('outside a runner writes nothing, not even the deprecated ::set-output command', () => {
    vi.stubEnv('GITHUB_OUTPUT', '');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    writeStepOutputs({ high: '2' });
    expect(write).not.toHaveBeenCalled();
  });
});
