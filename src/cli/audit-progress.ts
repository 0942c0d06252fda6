import type { AuditProgress, AuditProgressEvent } from '../engines/live/progress.js';

export interface ProgressDisplay {
  update: AuditProgress;
  /** Ends the display (clears the live line). */
  done(): void;
}

/**
 * Audit progress on stderr: on a terminal one line rewritten in place (targets done of known,
 * resources found, failures); otherwise one plain line per (account, region) read, for CI logs;
 * nothing with --quiet.
 */
export function progressDisplay(stream: NodeJS.WriteStream, quiet: boolean): ProgressDisplay {
  if (quiet) return { update: () => undefined, done: () => undefined };
  const state = { planned: 0, done: 0, resources: 0, failures: 0 };
  const live = stream.isTTY === true;
  const line = (): string =>
    `warden: audit ${state.done}/${state.planned} account×region done, ${state.resources} resources found${state.failures ? `, ${state.failures} failed calls` : ''}`;
  const draw = (): void => {
    stream.write(`\r\u001b[2K${line()}`);
  };
  const update = (event: AuditProgressEvent): void => {
    switch (event.kind) {
      case 'planned':
        state.planned += event.targets;
        break;
      case 'target-done':
        state.done++;
        state.resources += event.items;
        state.failures += event.failures;
        if (!live) stream.write(`warden: ${event.account}/${event.region}: ${event.items} resources${event.failures ? `, ${event.failures} failed calls` : ''}\n`);
        break;
      case 'account-items':
        state.resources += event.items;
        if (!live) stream.write(`warden: ${event.account}: ${event.items} S3 buckets\n`);
        break;
      case 'account-failed':
        state.failures++;
        if (!live) stream.write(`warden: ${event.account}: could not be read (${event.code})\n`);
        break;
    }
    if (live) draw();
  };
  return {
    update,
    done: () => {
      if (live) stream.write(`\r\u001b[2K${line()}\n`);
    },
  };
}
