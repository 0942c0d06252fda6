import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readActionInputs } from '../../src/action/action-inputs.js';
import { actionScan } from '../../src/action/scan-arguments.js';

const top = realpathSync(mkdtempSync(join(tmpdir(), 'warden-action-links-')));
afterAll(() => rmSync(top, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});
const workspace = join(top, 'workspace');
mkdirSync(join(workspace, 'infra'), { recursive: true });
writeFileSync(join(workspace, 'infra', 'main.tf'), '');
mkdirSync(join(top, 'runner-home'));
symlinkSync(join(top, 'runner-home'), join(workspace, 'reports'));
symlinkSync(join(top, 'runner-home'), join(workspace, 'linked-infra'));
writeFileSync(join(top, 'runner-home', 'file'), 'secret');
symlinkSync(join(top, 'runner-home', 'file'), join(workspace, 'infra', 'warden.yaml'));
symlinkSync(join(top, 'runner-home', 'file'), join(workspace, 'baseline.json'));

const scan = (inputs: Record<string, string>) => () => {
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries(inputs)) vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  return actionScan(readActionInputs(), workspace);
};

// The workflow names places in the repository; links the pull request commits must not move them elsewhere on the runner.
describe('action paths and a checkout that links out of the workspace', () => {
  it('a sarif-file whose folder in the checkout is a link out of the workspace is refused before anything is written', () => {
    expect(scan({ path: 'infra', 'sarif-file': 'reports/warden.sarif' })).toThrow('sarif-file: reports/warden.sarif leads outside the workspace through a symbolic link');
    expect(scan({ path: 'infra', 'sarif-file': 'reports/new/warden.sarif' })).toThrow('leads outside the workspace');
  });

  it('a path whose directory in the checkout is a link out of the workspace is refused', () => {
    expect(scan({ path: 'linked-infra' })).toThrow('path: linked-infra leads outside the workspace through a symbolic link');
  });

  it('a warden.yaml (found or named) or baseline in the checkout that links out of the workspace is refused', () => {
    expect(scan({ path: '.', 'working-directory': 'infra' })).toThrow('config: infra/warden.yaml leads outside the workspace through a symbolic link');
    expect(scan({ path: 'infra', config: 'infra/warden.yaml' })).toThrow('config: infra/warden.yaml leads outside');
    expect(scan({ path: 'infra', baseline: 'baseline.json', config: 'none.yaml' })).toThrow('baseline: baseline.json leads outside');
  });

  it('paths in the workspace, and a sarif-file the workflow puts outside it on purpose, are taken as given', () => {
    expect(scan({ path: 'infra', 'sarif-file': 'out/warden.sarif' })()).toMatchObject({ sarifFile: 'out/warden.sarif' });
    expect(scan({ path: 'infra', 'sarif-file': join(top, 'elsewhere.sarif') })().paths).toEqual([join(workspace, 'infra')]);
  });
});
