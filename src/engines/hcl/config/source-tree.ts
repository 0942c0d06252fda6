import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describeFsError } from '../../input-error.js';
import { readRegularFile } from '../../read-regular-file.js';
import { decodeText } from '../../plan/decode-text.js';
import type { ParsedFile } from '../syntax/ast.js';
import { parseHclFile } from '../syntax/parse-file.js';
import { HclSyntaxError } from '../syntax/parser.js';
import { readModuleConfig, type ModuleConfig } from './module-config.js';

/** Something in the source tree that could not be read: the scan is incomplete. */
export interface SourceProblem {
  /** The file or directory (display path). */
  target: string;
  /** One line: `file:line:col: message` for syntax errors. */
  message: string;
}

/**
 * The `.tf` files warden has read, one parsed module configuration per directory (a directory
 * used by several module calls or roots is read once), plus what could not be read.
 */
export class SourceTree {
  readonly #configs = new Map<string, Promise<ModuleConfig>>();
  readonly problems: SourceProblem[] = [];
  readonly warnings: string[] = [];

  constructor(readonly cwd: string) {}

  /** The path as shown to users: relative to the working directory when inside it. */
  display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : rel === '' ? '.' : path;
  }

  /** The module in a directory: all its `.tf` files (a file with a syntax error is recorded and left out). */
  module(dir: string): Promise<ModuleConfig> {
    const key = resolve(dir);
    let config = this.#configs.get(key);
    if (!config) {
      config = this.#read([key]).then((configs) => configs[0]!);
      this.#configs.set(key, config);
    }
    return config;
  }

  /** Reads several module directories (files are read concurrently, parsed one after another). */
  async preload(dirs: readonly string[]): Promise<void> {
    const keys = [...new Set(dirs.map((dir) => resolve(dir)))].filter((key) => !this.#configs.has(key));
    const all = this.#read(keys);
    keys.forEach((key, i) => {
      const config = all.then((configs) => configs[i]!);
      // If reading fails, `await all` below reports it; unawaited copies must not crash the process as unhandled rejections.
      config.catch(() => undefined);
      this.#configs.set(key, config);
    });
    await all;
  }

  /** Every module configuration read so far. */
  async modules(): Promise<ModuleConfig[]> {
    return Promise.all(this.#configs.values());
  }

  /** Reads and parses one HCL file (also used for `.tfvars`); undefined when it cannot be read. */
  async parse(path: string): Promise<ParsedFile | undefined> {
    const text = await this.#text(path);
    return text === undefined ? undefined : this.#parseText(path, text);
  }

  async #read(dirs: readonly string[]): Promise<ModuleConfig[]> {
    const before = this.problems.length;
    const listed = await Promise.all(dirs.map(async (dir) => ({ dir, names: await this.#tfFiles(dir) })));
    const texts = await Promise.all(
      listed.map(({ dir, names }) => Promise.all(names.map(async (name) => ({ path: join(dir, name), text: await this.#text(join(dir, name)) })))),
    );
    // Reads end in any order: their problems are put in path order, so that every run reports alike.
    this.problems.push(...this.problems.splice(before).sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)));
    const configs: ModuleConfig[] = [];
    for (const [i, { dir }] of listed.entries()) {
      const parsed: ParsedFile[] = [];
      for (const file of texts[i]!) {
        const one = file.text === undefined ? undefined : await this.#parseText(file.path, file.text);
        if (one) parsed.push(one);
      }
      configs.push(readModuleConfig(dir, this.display(dir), parsed));
    }
    return configs;
  }

  async #tfFiles(dir: string): Promise<string[]> {
    try {
      return (await readdir(dir, { withFileTypes: true })).filter((e) => !e.isDirectory() && e.name.endsWith('.tf')).map((e) => e.name).sort();
    } catch (error) {
      this.problems.push({ target: this.display(dir), message: `${this.display(dir)}: ${describeFsError(error)}` });
      return [];
    }
  }

  async #text(path: string): Promise<string | undefined> {
    const display = this.display(path);
    try {
      return decodeText(await readRegularFile(path));
    } catch (error) {
      this.problems.push({ target: display, message: `${display}: ${describeFsError(error)}` });
      return undefined;
    }
  }

  async #parseText(path: string, text: string): Promise<ParsedFile | undefined> {
    const display = this.display(path);
    try {
      return await parseHclFile(display, text);
    } catch (error) {
      if (!(error instanceof HclSyntaxError)) throw error;
      this.problems.push({ target: display, message: error.message });
      return undefined;
    }
  }
}
