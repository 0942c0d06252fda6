import { realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readRegularFile } from './read-regular-file.js';
import { isWithin, workTreeBoundary } from './work-tree.js';

/** Kernel pseudo-filesystems: nothing in them is Terraform source, whatever the scan root (`/proc/self/environ` holds the runner's secrets). */
const PSEUDO_FILESYSTEMS = ['/proc', '/sys', '/dev'];

/** A file or directory whose real path leaves the scan root. Its message names no path: the caller names the link. */
export class OutsideScanRoot extends Error {
  constructor() {
    super('refused: its real path is outside the scan root (a symbolic link or `..` leaves the repository)');
    this.name = 'OutsideScanRoot';
  }
}

/** A file read through the scan root, and whether its bytes may be quoted in messages. */
export interface RootFile {
  bytes: Buffer;
  /** True for a regular file inside the root: only such a file's text may appear in an error message. */
  inRoot: boolean;
}

/**
 * The trust boundary of one input: the directory given on the command line (a file's directory),
 * widened to the git work tree or `GITHUB_WORKSPACE` that holds it, so `../modules/x` in the same
 * repository still works. Every file and directory found through the input's content is opened by
 * its real path and refused when that path leaves the root: a pull request can commit a symbolic
 * link to `/proc/self/environ` or `~/.aws/credentials`, never make warden read it.
 */
export class ScanRoot {
  private constructor(readonly dir: string) {}

  /** The root for an input path (a directory, or a file whose directory is used). */
  static async of(input: string, env: NodeJS.ProcessEnv = process.env): Promise<ScanRoot> {
    // A file's directory as named, not its target's: a committed `plan.json -> ~/x` must not move the root.
    const isDir = await stat(input).then((info) => info.isDirectory(), () => false);
    const dir = isDir ? input : dirname(input);
    const real = await realpath(dir).catch(() => dir);
    return new ScanRoot(workTreeBoundary(real, env) ?? real);
  }

  /** True when a real path lies inside the root (and outside the kernel's pseudo-filesystems). */
  holds(real: string): boolean {
    return isWithin(real, this.dir) && !PSEUDO_FILESYSTEMS.some((pseudo) => isWithin(real, pseudo));
  }

  /** The real path of something found through the input's content; throws OutsideScanRoot when it leaves the root. */
  async inside(path: string): Promise<string> {
    const real = await realpath(path);
    if (!this.holds(real)) throw new OutsideScanRoot();
    return real;
  }

  /**
   * Reads a regular file by its real path. One named by the input's content must stay inside the
   * root; one the user named (`--var-file`) may lie anywhere, but then its text is never quoted.
   */
  async read(path: string, namedByUser = false): Promise<RootFile> {
    const real = await realpath(path);
    const inRoot = this.holds(real);
    if (!inRoot && !namedByUser) throw new OutsideScanRoot();
    return { bytes: await readRegularFile(real), inRoot };
  }
}
