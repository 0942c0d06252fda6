import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A caller the service knows: its name (recorded in the audit log) and the sha256 of its token. */
export interface TokenEntry {
  name: string;
  digest: Buffer;
}

const LINE = /^([A-Za-z0-9_.@-]{1,64})\s+sha256:([0-9a-f]{64})$/;

/**
 * Reads a token file: one `NAME sha256:HEX` per line (`#` comments, blank lines). Only hashes are
 * stored, so the file does not hold a usable secret: `printf %s "$TOKEN" | sha256sum` makes one.
 */
export function readTokenFile(path: string): TokenEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the token file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const entries: TokenEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) throw new Error(`${path}:${i + 1}: expected "NAME sha256:<64 hex digits>"`);
    if (entries.some((e) => e.name === match[1])) throw new Error(`${path}:${i + 1}: token name "${match[1]}" is used twice`);
    entries.push({ name: match[1]!, digest: Buffer.from(match[2]!, 'hex') });
  });
  if (entries.length === 0) throw new Error(`${path}: no tokens in the token file`);
  return entries;
}

/** The name of the caller whose token the `Authorization: Bearer …` header carries, or undefined. */
export function callerOf(authorization: string | undefined, tokens: readonly TokenEntry[]): string | undefined {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization ?? '');
  if (!match) return undefined;
  const digest = createHash('sha256').update(match[1]!).digest();
  // Every entry is compared, in constant time: how long the check takes says nothing about which matched.
  let caller: string | undefined;
  for (const entry of tokens) if (timingSafeEqual(entry.digest, digest)) caller ??= entry.name;
  return caller;
}

/** True for addresses only this machine can reach: the service may then run without tokens. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
