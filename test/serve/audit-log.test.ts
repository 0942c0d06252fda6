import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/serve/audit-chain.js';
import { AuditLog, type AuditEntry } from '../../src/serve/audit-log.js';
import { runBuiltCli } from '../hostile/built-cli.js';

const entry = (n: number, decision: 'allow' | 'deny' = 'allow'): AuditEntry => ({
  requestId: `r${n}`,
  caller: 'portal',
  endpoint: 'evaluate',
  inputDigest: 'a'.repeat(64),
  policySet: 'b'.repeat(64),
  decision,
});

describe('the audit log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const files = (names: string[]) => names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

  it('writes concurrent appends as one ordered chain, and continues an existing log', async () => {
    const path = join(dir, 'audit.jsonl');
    const log = await AuditLog.open(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(entry(i, i % 3 ? 'allow' : 'deny'), i % 3 === 0)));
    await log.close();
    const again = await AuditLog.open(path);
    await again.append(entry(50), false);
    await again.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(lines.map((l) => l.requestId)).toEqual(Array.from({ length: 51 }, (_, i) => `r${i}`));
    expect(verifyChain(files(['audit.jsonl']))).toEqual([]);
  });

  it.each([
    ['a changed line', (lines: string[]) => lines.map((l, i) => (i === 2 ? l.replace('"deny"', '"allow"') : l))],
    ['a removed line', (lines: string[]) => lines.filter((_, i) => i !== 2)],
    ['swapped lines', (lines: string[]) => [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)]],
    ['a removed head', (lines: string[]) => lines.slice(1)],
  ])('makes %s visible', async (_what, tamper) => {
    const path = join(dir, 'audit.jsonl');
    const log = await AuditLog.open(path);
    for (let i = 0; i < 5; i++) await log.append(entry(i, 'deny'), false);
    await log.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    writeFileSync(path, `${tamper(lines).join('\n')}\n`);
    expect(verifyChain(files(['audit.jsonl'])).length).toBeGreaterThan(0);
  });

  it('rotates by size and the chain continues across the files', async () => {
    const path = join(dir, 'audit.jsonl');
    const log = await AuditLog.open(path, 1000);
    for (let i = 0; i < 12; i++) await log.append(entry(i), false);
    await log.close();
    const rotated = readdirSync(dir).filter((f) => f !== 'audit.jsonl').sort();
    expect(rotated.length).toBeGreaterThan(1);
    const all = [...rotated, 'audit.jsonl'];
    expect(verifyChain(files(all))).toEqual([]);
    // Any file left out breaks the chain.
    expect(verifyChain(files(all.slice(1))).length).toBeGreaterThan(0);
  });

  it('`warden audit-log verify` exits 0 for an intact log and 1 naming the line for a tampered one', async () => {
    const path = join(dir, 'audit.jsonl');
    const log = await AuditLog.open(path);
    for (let i = 0; i < 3; i++) await log.append(entry(i), true);
    await log.close();
    const ok = runBuiltCli(['audit-log', 'verify', 'audit.jsonl'], dir);
    expect([ok.code, ok.stdout]).toEqual([0, 'audit log intact: 3 records in 1 file\n']);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"r1"', '"r9"'));
    const bad = runBuiltCli(['audit-log', 'verify', 'audit.jsonl'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('audit.jsonl:3: prev does not match the digest of the line before');
    const missing = runBuiltCli(['audit-log', 'verify', 'nope.jsonl'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, 'warden: nope.jsonl: cannot read (ENOENT)\n']);
  });
});
