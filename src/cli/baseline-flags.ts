import type { Command } from 'commander';

/** `--baseline FILE` and `--write-baseline FILE`, shared by `scan` and `audit`. Kept free of heavy imports: main.ts loads it on every start. */
export interface BaselineFlags {
  baseline?: string;
  writeBaseline?: string;
}

export function addBaselineOptions(command: Command): Command {
  return command
    .option('--baseline <file>', 'report and gate only findings not in this baseline (default: `baseline` in warden.yaml)')
    .option('--write-baseline <file>', 'record the current failing and unknown findings as the baseline in FILE (then reported as baselined)');
}
