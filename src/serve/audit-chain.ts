import { createHash } from 'node:crypto';

/** The digest that links a line of the audit log to the one before it. */
export function lineDigest(line: string): string {
  return createHash('sha256').update(line).digest('hex');
}

/** What the first line of a new log chains to. */
export const GENESIS = '0'.repeat(64);

/** One record of the audit log (one JSON line). Never any value of the input: digests and counts only. */
export interface AuditRecord {
  /** The sha256 of the previous line (its exact text), or GENESIS. */
  prev: string;
  seq: number;
  time: string;
  requestId: string;
  /** A token name, `run-task:<run id>`, or `anonymous` (loopback without tokens). */
  caller: string;
  endpoint: string;
  inputDigest: string;
  policySet: string;
  decision: 'allow' | 'deny' | 'error';
  bySeverity?: Record<string, number>;
  failing?: string[];
  /** For `error`: the one-line reason (never input bytes beyond what `warden scan` would print). */
  reason?: string;
}

/**
 * Checks that lines form one unbroken chain: each is a JSON object whose `prev` is the digest of the
 * line before, `seq` counts up by one and time never goes back. Returns the problems (empty: intact).
 * Files rotated by size are passed in order (oldest first): the chain continues across them.
 */
export function verifyChain(files: readonly { name: string; text: string }[]): string[] {
  const problems: string[] = [];
  let prev: string | undefined;
  let seq: number | undefined;
  let time = '';
  for (const { name, text } of files) {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    else if (lines.length > 0) problems.push(`${name}:${lines.length}: the last line is not terminated (a write was cut short)`);
    lines.forEach((line, i) => {
      const where = `${name}:${i + 1}`;
      let record: Partial<AuditRecord>;
      try {
        record = JSON.parse(line) as Partial<AuditRecord>;
      } catch {
        problems.push(`${where}: not a JSON line`);
        prev = lineDigest(line);
        return;
      }
      if (typeof record !== 'object' || record === null) problems.push(`${where}: not a JSON object`);
      else {
        if (prev === undefined && record.prev !== GENESIS) problems.push(`${where}: the chain does not start here (pass the rotated files too, oldest first)`);
        if (prev !== undefined && record.prev !== prev) {
          problems.push(`${where}: prev does not match the digest of the line before (a line was changed, removed or inserted)`);
        }
        if (seq !== undefined && record.seq !== seq + 1) problems.push(`${where}: seq ${String(record.seq)} follows ${seq}`);
        if (typeof record.time !== 'string' || record.time < time) problems.push(`${where}: time goes back`);
        seq = typeof record.seq === 'number' ? record.seq : seq;
        time = typeof record.time === 'string' ? record.time : time;
      }
      prev = lineDigest(line);
    });
  }
  return problems;
}
