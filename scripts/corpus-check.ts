/**
 * `npm run corpus [-- CORPUS_DIR] [--jobs N]`: runs the built CLI over every real plan in the shared
 * corpus (default: $WARDEN_CORPUS, else the nearest shared/corpus beside the repository or a parent) and
 * fails on any crash: stack trace, exit code other than 0/1/2, signal, timeout, multi-line error, or a
 * non-deterministic result. Prints counts scanned / rejected by reason. Without a corpus (a fresh
 * clone) it says where one is looked for and exits 0; a corpus given but without plans/ exits 2.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCorpus, formatReport } from './corpus/check-corpus.js';
import { findCorpus } from './corpus/find-corpus.js';
import { spawnWarden } from './corpus/spawn-warden.js';

// Compiled to dist/scripts/corpus-check.js: the repository is two levels up.
const repo = fileURLToPath(new URL('../../', import.meta.url));

function parseArgs(argv: string[]): { root: string | undefined; jobs: number } {
  let root = findCorpus(repo);
  // One warden process per file and run; beyond a few at a time the start-ups only compete.
  let jobs = Math.min(4, availableParallelism());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--jobs' || arg === '-j') jobs = Number(argv[++i]);
    else root = resolve(arg);
  }
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs: expected a positive integer');
  return { root, jobs };
}

async function run(): Promise<number> {
  const { root, jobs } = parseArgs(process.argv.slice(2));
  if (!root) {
    // A fresh clone has no corpus (it is not part of the repository): nothing to check is not a
    // failure, as in CI (.ci/run), but say where it would be found.
    process.stdout.write(
      'corpus-check: no corpus of real plans found, nothing checked. It is a folder with a plans/ subfolder of\n' +
        `Terraform plan JSON files, looked for as shared/corpus beside the repository or a parent folder (${resolve(repo, '..', 'shared', 'corpus')});\n` +
        'or set WARDEN_CORPUS, or give it: npm run corpus -- CORPUS_DIR\n',
    );
    return 0;
  }
  if (!existsSync(resolve(root, 'plans'))) {
    // Given (argument or WARDEN_CORPUS) but wrong: a configuration error, not a pass.
    process.stderr.write(`corpus-check: no plans/ folder in ${root}\n`);
    return 2;
  }
  const started = performance.now();
  const report = await checkCorpus(root, spawnWarden(resolve(repo, 'bin/warden.js')), jobs);
  process.stdout.write(formatReport(report));
  process.stdout.write(`time: ${((performance.now() - started) / 1000).toFixed(1)} s with ${jobs} jobs\n`);
  return report.outcomes.some((o) => o.status === 'broken') ? 1 : 0;
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`corpus-check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
