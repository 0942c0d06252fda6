import type { Command } from 'commander';

/** `warden merge FILE…`: joins the parts of an audit split across machines (`--shard K/N`). */
export function registerMergeCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('merge')
    .description('join the saved inventories (or JSON reports) of an audit split with --shard K/N into one')
    .argument('<files...>', 'saved inventories (warden audit --save-inventory) or JSON reports (--format json), all of one kind')
    .option('-o, --output <file>', 'write the merged document to a file (default: stdout)')
    .action(async (files: string[], flags: { output?: string }) => {
      const { mergeCommand } = await import('./merge-command.js');
      setExitCode(await mergeCommand(files, flags));
    });
}
