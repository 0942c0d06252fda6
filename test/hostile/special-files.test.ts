import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';
import { asUnprivileged } from '../support/unprivileged.js';
import { hostileScratch, QUIET_RESOURCES, QUIET_TF } from './hostile-scratch.js';

const scratch = hostileScratch('special');
afterAll(() => scratch.cleanup());

const mkfifo = (name: string): string => {
  const path = scratch.path(name);
  execFileSync('mkfifo', [path]);
  return path;
};

/** `warden scan` from the scratch directory; the JSON report and stderr lines. */
async function scan(...args: string[]) {
  const run = await runMain(['scan', ...args, '--format', 'json'], scratch.dir);
  // A plan scanned here lies away from its sources: the note saying so is not what these tests are about.
  return { code: run.code, stderr: run.stderr.split('\n').filter((line) => line && !line.startsWith('warden: note: ')), report: JSON.parse(run.stdout || '{}') };
}

describe('inputs that are not regular files', () => {
  it('a named pipe is read through to its end and scanned like the file written into it (warden scan <(terraform show -json …))', async () => {
    const fifo = mkfifo('plan.fifo');
    const plan = resolve('fixtures/modules-repo/plan.json');
    const writer = spawn('sh', ['-c', `cat "${plan}" > "${fifo}"`]);
    const written = new Promise((done) => writer.on('close', done));
    const viaPipe = await scan('plan.fifo');
    expect(await written).toBe(0);
    const viaFile = await scan(plan);
    expect(viaPipe.stderr).toEqual([]);
    expect(viaPipe.code).toBe(1);
    expect(viaPipe.report.inputs.map((input: { path: string; status: string }) => [input.path, input.status])).toEqual([['plan.fifo', 'scanned']]);
    const ids = (report: { findings: { fingerprint: string }[] }) => report.findings.map((finding) => finding.fingerprint).sort();
    expect(ids(viaPipe.report)).toEqual(ids(viaFile.report));
    expect(viaPipe.report.findings.length).toBeGreaterThan(0);
  });

  it('a named pipe given as --config is refused too', async () => {
    mkfifo('config.fifo');
    scratch.write('quiet-config/main.tf', QUIET_TF);
    const run = await runMain(['scan', 'quiet-config', '--config', 'config.fifo'], scratch.dir);
    expect(run.stderr).toBe('warden: config.fifo: a named pipe (FIFO), not a file\n');
    expect(run.code).toBe(2);
  });

  it('a named pipe as terraform.tfvars.json or .terraform/modules/modules.json is refused without waiting for a writer', async () => {
    scratch.write('pipe-vars/main.tf', `variable "name" {\n  type = string\n  default = "x"\n}\n${QUIET_TF}`);
    mkfifo('pipe-vars/terraform.tfvars.json');
    mkdirSync(scratch.path('pipe-vars/.terraform/modules'), { recursive: true });
    mkfifo('pipe-vars/.terraform/modules/modules.json');
    const { code, stderr, report } = await scan('pipe-vars');
    expect(stderr).toEqual(['warden: pipe-vars/terraform.tfvars.json: a named pipe (FIFO), not a file']);
    expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
    expect(code).toBe(3);
  });

  it.skipIf(!existsSync('/dev/zero'))('a device that never ends is refused', async () => {
    const { code, stderr } = await scan('/dev/zero');
    expect(stderr).toEqual(['warden: /dev/zero: a character device, not a file: save the plan or inventory to a file and scan that']);
    expect(code).toBe(2);
  });

  it('a dangling symbolic link', async () => {
    symlinkSync('nowhere.json', scratch.path('dangling.json'));
    expect((await scan('dangling.json')).stderr).toEqual(['warden: dangling.json: no such file or directory']);
  });

  it('a symbolic link to itself', async () => {
    symlinkSync('self.json', scratch.path('self.json'));
    const { code, stderr } = await scan('self.json');
    expect(stderr).toEqual(['warden: self.json: too many levels of symbolic links']);
    expect(code).toBe(2);
  });

  it('a source tree with a symbolic link loop is walked once, without following the loop', async () => {
    scratch.write('looped/main.tf', QUIET_TF);
    mkdirSync(scratch.path('looped/sub'));
    symlinkSync('..', scratch.path('looped/sub/up'));
    const { code, stderr, report } = await scan('looped');
    expect(stderr).toEqual([]);
    expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
    expect(code).toBe(0);
  });

  it('in a source tree, a .tf that is a pipe, a dangling link, a link loop or a directory is a gap of one line each; the other files are read', async () => {
    scratch.write('odd-tf/main.tf', QUIET_TF);
    mkfifo('odd-tf/pipe.tf');
    symlinkSync('gone.tf', scratch.path('odd-tf/dangling.tf'));
    symlinkSync('loop.tf', scratch.path('odd-tf/loop.tf'));
    mkdirSync(scratch.path('odd-tf/folder'));
    symlinkSync('folder', scratch.path('odd-tf/dir.tf'));
    const { code, stderr, report } = await scan('odd-tf');
    // Read concurrently, reported in path order.
    expect(stderr).toEqual([
      'warden: odd-tf/dangling.tf: no such file or directory',
      'warden: odd-tf/dir.tf: is a directory',
      'warden: odd-tf/loop.tf: too many levels of symbolic links',
      'warden: odd-tf/pipe.tf: a named pipe (FIFO), not a file',
    ]);
    expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
    expect(code).toBe(3);
  });
});

describe('files that cannot be read as they are', () => {
  it('an unreadable .tf file is a gap of one line', async () => {
    scratch.write('locked/main.tf', QUIET_TF);
    chmodSync(scratch.write('locked/locked.tf', QUIET_TF), 0o000);
    const { code, stderr } = await asUnprivileged([scratch.dir, scratch.path('locked')], () => scan('locked'));
    expect(stderr).toEqual(['warden: locked/locked.tf: permission denied']);
    expect(code).toBe(3);
  });

  it('a binary .tf file is a one-line problem of that file; the others are read', async () => {
    scratch.write('binary-tf/main.tf', QUIET_TF);
    scratch.write('binary-tf/blob.tf', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const { code, stderr, report } = await scan('binary-tf');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^warden: binary-tf\/blob\.tf:\d+:\d+: [^\n]+$/);
    expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
    expect(code).toBe(3);
  });
});

describe('outputs that are not regular files', () => {
  it('--output to a named pipe writes into the pipe and leaves it a pipe (a rename would replace it, as root even /dev/null)', async () => {
    scratch.write('quiet/main.tf', QUIET_TF);
    const fifo = mkfifo('report.fifo');
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const run = await runMain(['scan', 'quiet', '--format', 'json', '--output', 'report.fifo'], scratch.dir);
    await done;
    expect(run.code).toBe(0);
    expect(JSON.parse(received).inputs[0].path).toBe('quiet');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('--output to a directory is one line and exit 2, not a crash', async () => {
    scratch.write('quiet/main.tf', QUIET_TF);
    mkdirSync(scratch.path('out-dir'));
    const run = await runMain(['scan', 'quiet', '--output', 'out-dir'], scratch.dir);
    expect(run.stderr).toBe('warden: cannot write out-dir: is a directory\n');
    expect(run.code).toBe(2);
  });
});
