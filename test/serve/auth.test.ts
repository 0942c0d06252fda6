import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerOf, isLoopbackHost, readTokenFile } from '../../src/serve/auth.js';
import { validTaskSignature } from '../../src/serve/run-task-signature.js';

const sha = (token: string) => createHash('sha256').update(token).digest('hex');

describe('bearer tokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-tokens-'));
  const file = (text: string) => {
    const path = join(dir, 'tokens');
    writeFileSync(path, text);
    return path;
  };

  it('names the caller whose token matches a hash, and nobody for anything else', () => {
    const tokens = readTokenFile(file(`# comment\n\nportal sha256:${sha('t1')}\nci sha256:${sha('t2')}\n`));
    expect(callerOf('Bearer t1', tokens)).toBe('portal');
    expect(callerOf('Bearer t2', tokens)).toBe('ci');
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'bearer t1', 'Basic t1', 'Bearer t1 ', 'Bearer t3', `Bearer ${sha('t1')}`]) {
      expect(callerOf(header, tokens), String(header)).toBeUndefined();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses token files that are empty, hold plain tokens or name a caller twice', () => {
    const d = mkdtempSync(join(tmpdir(), 'warden-tokens-'));
    const write = (text: string) => {
      writeFileSync(join(d, 't'), text);
      return join(d, 't');
    };
    expect(() => readTokenFile(write('# nothing\n'))).toThrow(/no tokens in the token file$/);
    expect(() => readTokenFile(write('portal secret\n'))).toThrow(/t:1: expected "NAME sha256:<64 hex digits>"$/);
    expect(() => readTokenFile(write(`a sha256:${sha('x')}\na sha256:${sha('y')}\n`))).toThrow(/t:2: token name "a" is used twice$/);
    rmSync(d, { recursive: true, force: true });
  });

  it('counts only loopback addresses as loopback', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('run task signatures', () => {
  const body = '{"payload_version":1}';
  const good = createHmac('sha512', 'key').update(body).digest('hex');

  it('accepts the HMAC-SHA512 of the exact body under the key, in either hex case, and nothing else', () => {
    expect(validTaskSignature(body, good, 'key')).toBe(true);
    expect(validTaskSignature(body, good.toUpperCase(), 'key')).toBe(true);
    expect(validTaskSignature(`${body} `, good, 'key')).toBe(false);
    expect(validTaskSignature(body, good, 'other')).toBe(false);
    expect(validTaskSignature(body, good.slice(2), 'key')).toBe(false);
    expect(validTaskSignature(body, createHmac('sha256', 'key').update(body).digest('hex'), 'key')).toBe(false);
    expect(validTaskSignature(body, undefined, 'key')).toBe(false);
  });
});
