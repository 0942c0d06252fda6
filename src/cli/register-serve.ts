import type { Command } from 'commander';
import { collect } from './parse-flags.js';
import { addPolicySourceOptions } from './policy-flags.js';

/** `warden serve` (the decision service) and `warden audit-log verify` (its audit trail). */
export function registerServeCommands(program: Command, setExitCode: (code: number) => void): void {
  const serve = program
    .command('serve')
    .description('run the policy decision service: POST /v1/evaluate, HCP Terraform run tasks, /metrics (see docs/serve.md)')
    .option('--listen <host:port>', 'address to listen on; anything but loopback needs --token-file', '127.0.0.1:8080')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)')
    .option('--token-file <file>', 'callers: one "NAME sha256:HEX" line per bearer token')
    .option('--audit-log <file>', 'append a hash-chained JSON Lines record of every decision to FILE')
    .option('--audit-log-max-bytes <n>', 'rotate the audit log past this size', '67108864')
    .option('--body-limit <bytes>', 'largest request body', '5242880')
    .option('--workers <n>', 'evaluation worker threads', '2')
    .option('--queue <n>', 'evaluations that may wait for a worker before 503', '16')
    .option('--timeout <ms>', 'time limit of one evaluation', '30000')
    .option('--run-task-hmac-key-file <file>', 'enable POST /v1/run-task, verifying X-Tfc-Task-Signature with the key in FILE')
    .option('--hcp-origin <origin>', 'an origin the service may read plans from and send results to (repeatable; default https://app.terraform.io and https://archivist.terraform.io)', collect)
    .option('--max-plan-bytes <n>', 'largest run task plan JSON read from HCP Terraform', '52428800')
    .option('--inventory <file>', 'a saved inventory (warden audit --save-inventory) resource requests may join by its file name (repeatable; reloaded with the policies)', collect);
  addPolicySourceOptions(serve).action(async (flags) => {
    const { serveCommand } = await import('./serve-command.js');
    setExitCode(await serveCommand(flags));
  });

  program
    .command('audit-log')
    .description('check a warden serve audit log')
    .command('verify')
    .description('check that audit log files (rotated ones first, oldest first) form one unbroken hash chain')
    .argument('<files...>', 'audit log files')
    .action(async (files: string[]) => {
      const { verifyAuditLogCommand } = await import('./audit-log-command.js');
      setExitCode(verifyAuditLogCommand(files));
    });
}
