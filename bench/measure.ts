import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the compiled bench directory (the children run from dist/bench). */
export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const benchDir = join(repo, '.bench');
const childDir = fileURLToPath(new URL('./', import.meta.url));

/** What a child reports on its last stdout line, plus the wall time seen from outside (start-up included). */
export interface ChildReport {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  code?: number;
  processMs?: number;
  processCpuMs?: number;
  /** From spawn to exit, as the parent saw it. */
  wallMs: number;
  /** The first stderr line, kept when a scan did not end with 0 or 1. */
  stderr?: string;
  [key: string]: number | string | undefined;
}

/** Runs `node [flags] dist/bench/SCRIPT ARGS` in a fresh process and returns its report. */
export function runChild(script: string, args: string[], nodeFlags: string[] = []): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, join(childDir, script), ...args], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      try {
        const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as Omit<ChildReport, 'wallMs'>;
        const odd = report.code !== undefined && report.code !== 0 && report.code !== 1;
        resolve({ ...report, wallMs, ...(odd ? { stderr: stderr.trim().split('\n')[0] ?? '' } : {}) } as ChildReport);
      } catch {
        reject(new Error(`${script} ${args.join(' ')} ended with ${signal ?? `exit ${code}`}: ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`));
      }
    });
  });
}

/** Best (lowest) and median of repeated measurements: on a shared machine the best is the least disturbed. */
export interface Spread {
  best: number;
  median: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return { best: sorted[0]!, median: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2 };
}

export const label = (size: number): string => (size % 1000 === 0 ? `${size / 1000}k` : String(size));
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Resource changes in a generated plan, counted in its text (the generators write `"change":{"actions"` once per entry). */
export function countResourceChanges(text: string): number {
  let resources = 0;
  for (let i = text.indexOf('"change":{"actions"'); i !== -1; i = text.indexOf('"change":{"actions"', i + 1)) resources++;
  return resources;
}

/**
 * `warden scan` arguments writing every output format: JSON to --output, the others to --report files
 * named OUTPUTS.<ext> (DESIGN §7 times a large plan "with all outputs").
 */
export function scanAllOutputsArgs(input: string, outputs: string): string[] {
  const reports = [`sarif=${outputs}.sarif`, `console=${outputs}.txt`, `junit=${outputs}.junit.xml`, `markdown=${outputs}.md`, `github=${outputs}.github.txt`];
  return ['scan', input, '--format', 'json', '--output', `${outputs}.json`, ...reports.flatMap((report) => ['--report', report])];
}

/** The files scanAllOutputsArgs writes, by extension. */
export const OUTPUT_EXTENSIONS = ['json', 'sarif', 'txt', 'junit.xml', 'md', 'github.txt'] as const;
