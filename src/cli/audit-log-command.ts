import { readFileSync } from 'node:fs';
import { EXIT } from '../scan/exit-code.js';
import { verifyChain } from '../serve/audit-chain.js';
import { writeStderrLine } from './stderr-line.js';
import { UsageError } from './usage-error.js';

/** `warden audit-log verify FILE…`: 0 when the chain is intact, 1 when a line was changed, removed or inserted. */
export function verifyAuditLogCommand(files: readonly string[]): number {
  const texts = files.map((name) => {
    try {
      return { name, text: readFileSync(name, 'utf8') };
    } catch (error) {
      throw new UsageError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  });
  const problems = verifyChain(texts);
  for (const problem of problems) writeStderrLine(problem);
  if (problems.length > 0) return EXIT.failing;
  const lines = texts.reduce((n, t) => n + t.text.split('\n').filter((l) => l !== '').length, 0);
  process.stdout.write(`audit log intact: ${lines} records in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  return EXIT.ok;
}
