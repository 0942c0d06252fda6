import { existsSync, readFileSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { GENESIS, lineDigest, type AuditRecord } from './audit-chain.js';

export type AuditEntry = Omit<AuditRecord, 'prev' | 'seq' | 'time'>;

/**
 * The append-only JSON Lines audit log. One writer: appends are queued one after another, so lines
 * never interleave and each carries the digest of the one before. A log that exists is continued.
 * Past `maxBytes` the file is renamed (`FILE.<seq>`) and a new one continues the same chain.
 */
export class AuditLog {
  #file: FileHandle | undefined;
  #size = 0;
  #prev = GENESIS;
  #seq = 0;
  #queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {}

  static async open(path: string, maxBytes = 64 * 1024 * 1024): Promise<AuditLog> {
    const log = new AuditLog(path, maxBytes);
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      const last = text.trimEnd().split('\n').at(-1);
      if (last) {
        log.#prev = lineDigest(last);
        const seq = (JSON.parse(last) as Partial<AuditRecord>).seq;
        if (typeof seq !== 'number') throw new Error(`${path}: the last line is not an audit record; run \`warden audit-log verify\``);
        log.#seq = seq;
      }
    }
    await log.#openFile();
    return log;
  }

  /** Queues a record; the promise settles once it is written (and on disk, with `sync`: deny decisions). */
  append(entry: AuditEntry, sync: boolean): Promise<void> {
    const write = this.#queue.then(() => this.#write(entry, sync));
    this.#queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#file?.close();
    this.#file = undefined;
  }

  async #write(entry: AuditEntry, sync: boolean): Promise<void> {
    const record: AuditRecord = { prev: this.#prev, seq: this.#seq + 1, time: new Date().toISOString(), ...entry };
    const line = JSON.stringify(record);
    const bytes = Buffer.byteLength(line) + 1;
    if (this.#size > 0 && this.#size + bytes > this.maxBytes) await this.#rotate();
    await this.#file!.appendFile(`${line}\n`);
    if (sync) await this.#file!.datasync();
    this.#size += bytes;
    this.#prev = lineDigest(line);
    this.#seq = record.seq;
  }

  async #rotate(): Promise<void> {
    await this.#file!.datasync();
    await this.#file!.close();
    await rename(this.path, `${this.path}.${String(this.#seq).padStart(12, '0')}`);
    await this.#openFile();
  }

  async #openFile(): Promise<void> {
    // 0600: the log names callers and what they asked about.
    this.#file = await open(this.path, 'a', 0o600);
    this.#size = (await this.#file.stat()).size;
  }
}
