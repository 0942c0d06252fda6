import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describeFsError } from '../../input-error.js';
import { decodeText } from '../../plan/decode-text.js';
import type { ParsedFile } from '../syntax/ast.js';
import { parseHclFile } from '../syntax/parse-file.js';
import { HclSyntaxError } from '../syntax/parser.js';
import type { ScanRoot } from '../../scan-root.js';
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

  /** `root` is the boundary every file and directory read here must stay inside. */
  constructor(
    readonly cwd: string,
    readonly root: ScanRoot,
  ) {}

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

  /**
   * Reads and parses one HCL file (also used for `.tfvars`); undefined when it cannot be read. A file
   * the user named (`--var-file`) may lie outside the scan root; its text is then never quoted.
   */
  async parse(path: string, namedByUser = false): Promise<ParsedFile | undefined> {
    const file = await this.text(path, namedByUser);
    return file === undefined ? undefined : this.#parseText(path, file);
  }

  async #read(dirs: readonly string[]): Promise<ModuleConfig[]> {
    const before = this.problems.length;
    const listed = await Promise.all(dirs.map(async (dir) => ({ dir, names: await this.#tfFiles(dir) })));
    const texts = await Promise.all(
      listed.map(({ dir, names }) => Promise.all(names.map(async (name) => ({ path: join(dir, name), content: await this.text(join(dir, name)) })))),
    );
    // Reads end in any order: their problems are put in path order, so that every run reports alike.
    this.problems.push(...this.problems.splice(before).sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)));
    const configs: ModuleConfig[] = [];
    for (const [i, { dir }] of listed.entries()) {
      const parsed: ParsedFile[] = [];
      for (const file of texts[i]!) {
        const one = file.content === undefined ? undefined : await this.#parseText(file.path, file.content);
        if (one) parsed.push(one);
      }
      configs.push(readModuleConfig(dir, this.display(dir), parsed));
    }
    return configs;
  }

  async #tfFiles(dir: string): Promise<string[]> {
    try {
      await this.root.inside(dir);
      return (await readdir(dir, { withFileTypes: true })).filter((e) => !e.isDirectory() && e.name.endsWith('.tf')).map((e) => e.name).sort();
    } catch (error) {
      this.problems.push({ target: this.display(dir), message: `${this.display(dir)}: ${describeFsError(error)}` });
      return [];
    }
  }

  /**
   * The decoded text of a file inside the scan root (or named by the user), and whether it may be
   * quoted; undefined, recorded as a problem naming the path (never a link's target), when it cannot be read.
   */
  async text(path: string, namedByUser = false): Promise<{ text: string; quotable: boolean } | undefined> {
    const display = this.display(path);
    try {
      const { bytes, inRoot } = await this.root.read(path, namedByUser);
      return { text: decodeText(bytes), quotable: inRoot };
    } catch (error) {
      this.problems.push({ target: display, message: `${display}: ${describeFsError(error)}` });
      return undefined;
    }
  }

  async #parseText(path: string, { text, quotable }: { text: string; quotable: boolean }): Promise<ParsedFile | undefined> {
    const display = this.display(path);
    try {
      return await parseHclFile(display, text);
    } catch (error) {
      if (!(error instanceof HclSyntaxError)) throw error;
      this.problems.push({ target: display, message: quotable ? error.message : error.unquotedMessage });
      return undefined;
    }
  }
}
