import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary directory for one test file's hostile inputs; `cleanup` removes it (and whatever was made in it). */
export function hostileScratch(prefix: string): { dir: string; path(name: string): string; write(name: string, content: string | Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `warden-${prefix}-`));
  return {
    dir,
    path: (name) => join(dir, name),
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Resources every built-in policy passes or ignores (a VPC needs its flow log): a scan of them alone
 * fails only through what went wrong elsewhere.
 */
export const QUIET_TF =
  'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  tags = { Environment = "prod", Owner = "net" }\n}\n' +
  'resource "aws_flow_log" "main" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "REJECT"\n  log_destination = "arn:aws:s3:::flow-logs"\n  tags = { Environment = "prod", Owner = "net" }\n}\n';
/** How many resources QUIET_TF holds. */
export const QUIET_RESOURCES = 2;
