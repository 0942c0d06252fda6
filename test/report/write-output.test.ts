import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutputFile, writeOutputStream } from '../../src/report/write-output.js';
import { Writable } from 'node:stream';

describe('writeOutputFile', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a report larger than one chunk byte for byte, with a surrogate pair across the chunk boundary', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    // 1 MiB is the chunk: put an emoji (two UTF-16 units) so that its halves straddle the boundary.
    const content = `${'a'.repeat((1 << 20) - 1)}😀 é ${'b'.repeat(3 << 20)}\n`;
    const path = join(dir, 'nested', 'report.json');
    writeOutputFile(path, content);
    // Buffer#equals: a deep toEqual over megabytes is needlessly slow.
    expect(readFileSync(path).equals(Buffer.from(content, 'utf8'))).toBe(true);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['report.json']);
  });

  it('writes a report given in pieces as it is produced: small pieces, pieces larger than a chunk, surrogate pairs at every boundary', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const pieces = ['{"a": "é', '😀', 'x'.repeat(5 << 20), '😀'.repeat(400_000), '', ...Array.from({ length: 50_000 }, (_, i) => `line ${i} → ok\n`)];
    const path = join(dir, 'report.txt');
    let produced = 0;
    writeOutputFile(path, (function* () {
      for (const piece of pieces) {
        produced++;
        yield piece;
      }
    })());
    expect(produced).toBe(pieces.length);
    expect(readFileSync(path).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });

  it('leaves nothing behind, not even a partial file, when the reporter fails halfway', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const path = join(dir, 'report.txt');
    const failing = function* (): Generator<string> {
      yield 'x'.repeat(3 << 20);
      throw new TypeError('reporter bug');
    };
    expect(() => writeOutputFile(path, failing())).toThrow('reporter bug');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes pieces to a stream in chunks, each its own copy', () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { chunks.push(chunk); done(); } });
    const pieces = ['a😀', 'b'.repeat(2 << 20), 'c'];
    writeOutputStream(sink, pieces);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(pieces.join(''));
  });

  it('writes a large report straight into a device, leaving the device in place', () => {
    writeOutputFile('/dev/null', 'x'.repeat(3 << 20));
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes an empty report', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const path = join(dir, 'empty.txt');
    writeOutputFile(path, '');
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('leaves no temporary file behind when the target cannot be written', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    // The target is an existing directory: the rename fails after the temporary file was written.
    expect(() => writeOutputFile(dir!, 'x')).toThrow();
    expect(readdirSync(join(dir, '..')).filter((name) => name.startsWith(`.${dir!.split('/').pop()}`))).toEqual([]);
  });
});
