import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
    // A lone surrogate inside a piece is U+FFFD, as Buffer.from writes it.
    const pieces = ['{"a": "é', '😀', 'x'.repeat(5 << 20), '😀'.repeat(400_000), '', 'lone \ud800 and \udc00 halves', ...Array.from({ length: 50_000 }, (_, i) => `line ${i} → ok\n`), 'y'.repeat((1 << 20) - 3) + '😀€'];
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

  it('fills every chunk but the last, however long the pieces are (few, large writes)', () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { chunks.push(chunk); done(); } });
    // 400 KB pieces, as the JSON and SARIF reports yield them, with a pair that cannot be split at a boundary.
    const pieces = Array.from({ length: 12 }, (_, i) => `${i % 5 === 4 ? '😀' : ''}${String(i).repeat(400_000)}`);
    writeOutputStream(sink, pieces);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(pieces.join(''));
    // At most 3 bytes short of a chunk: an emoji (4 bytes) that does not fit waits for the next one.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThan((1 << 20) - 4);
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

  it('a link planted at the temporary name of earlier versions (`.NAME.PID.tmp`) never redirects the write', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, `.report.sarif.${process.pid}.tmp`));
    writeOutputFile(join(dir, 'report.sarif'), 'report\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'report.sarif'), 'utf8')).toBe('report\n');
  });

  it('the temporary file has a name no one can plant in advance: two writes use two different names, and none is left', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const seen = new Set<string>();
    const noteTemporary = () => readdirSync(dir!).filter((n) => n !== 'report.json').forEach((n) => seen.add(n));
    writeOutputFile(join(dir, 'report.json'), (function* () {
      yield 'a';
      noteTemporary();
    })());
    writeOutputFile(join(dir, 'report.json'), (function* () {
      yield 'b';
      noteTemporary();
    })());
    expect(seen.size).toBe(2);
    for (const name of seen) expect(name).toMatch(/^\.report\.json\.[0-9a-f]{16}\.tmp$/);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('the temporary file is private (0600) while it is written, and the report gets the mode a new file gets', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const modes: number[] = [];
    writeOutputFile(join(dir, 'report.json'), (function* () {
      yield 'a';
      for (const name of readdirSync(dir!)) modes.push(statSync(join(dir!, name)).mode & 0o777);
    })());
    expect(modes).toEqual([0o600]);
    const umask = process.umask();
    expect(statSync(join(dir, 'report.json')).mode & 0o777).toBe(0o666 & ~umask);
  });

  it('replacing an existing report keeps its mode', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const path = join(dir, 'report.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    writeOutputFile(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('a link at the destination is replaced by the report; the file it pointed to is left as it was', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'warden.sarif'));
    writeOutputFile(join(dir, 'warden.sarif'), 'report\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'warden.sarif')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'warden.sarif'), 'utf8')).toBe('report\n');
  });

  it('a link at the destination to a character device (`/dev/stdout`, /dev/null) is written through and stays a link', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-write-'));
    symlinkSync('/dev/null', join(dir, 'out'));
    writeOutputFile(join(dir, 'out'), 'x');
    expect(lstatSync(join(dir, 'out')).isSymbolicLink()).toBe(true);
  });
});
