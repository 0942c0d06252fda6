import type { AuditProgress, AuditProgressEvent } from '../engines/live/progress.js';

export interface ProgressDisplay {
  update: AuditProgress;
  /** Ends the display (clears the live line). */
  done(): void;
}

/** What the display needs besides the stream (tests: a clock). */
export interface ProgressOptions {
  now?: () => number;
  /** How often the terminal line is redrawn while nothing happens (the elapsed time moves); 0: never. */
  tickMs?: number;
}

/**
 * Audit progress on stderr: on a terminal one line rewritten in place — elapsed time, targets done of
 * known, resources found, failures, the (account, region) being read and the calls being retried
 * (so a throttled or unreachable region shows as such, not as a hang); otherwise one plain line per
 * (account, region) read, for CI logs; nothing with --quiet.
 */
export function progressDisplay(stream: NodeJS.WriteStream, quiet: boolean, options: ProgressOptions = {}): ProgressDisplay {
  if (quiet) return { update: () => undefined, done: () => undefined };
  const now = options.now ?? Date.now;
  const started = now();
  const state = { planned: 0, done: 0, resources: 0, failures: 0, retrying: 0, latestRetry: '' };
  const reading: string[] = [];
  const live = stream.isTTY === true;
  const line = (): string => {
    const parts = [`warden: audit ${elapsed(now() - started)}`, `${state.done}/${state.planned} account×region done`, `${state.resources} resources`];
    if (state.failures) parts.push(`${state.failures} failed calls`);
    if (reading.length > 0) parts.push(`reading ${reading[0]}${reading.length > 1 ? ` +${reading.length - 1}` : ''}`);
    if (state.retrying) parts.push(`retrying ${state.retrying} call${state.retrying > 1 ? 's' : ''} (${state.latestRetry})`);
    const text = parts.join(', ');
    // One terminal line: a wrapped line cannot be rewritten in place.
    const width = Math.max(40, (stream.columns ?? 120) - 1);
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
  };
  const draw = (): void => {
    stream.write(`\r\u001b[2K${line()}`);
  };
  const ticker = live && (options.tickMs ?? 1000) > 0 ? setInterval(draw, options.tickMs ?? 1000) : undefined;
  ticker?.unref();
  const update = (event: AuditProgressEvent): void => {
    switch (event.kind) {
      case 'planned':
        state.planned += event.targets;
        break;
      case 'target-started':
        reading.push(`${event.account}/${event.region}`);
        break;
      case 'target-done': {
        state.done++;
        state.resources += event.items;
        state.failures += event.failures;
        const at = reading.indexOf(`${event.account}/${event.region}`);
        if (at !== -1) reading.splice(at, 1);
        if (!live) stream.write(`warden: ${event.account}/${event.region}: ${event.items} resources${event.failures ? `, ${event.failures} failed calls` : ''}\n`);
        break;
      }
      case 'account-items':
        state.resources += event.items;
        if (!live) stream.write(`warden: ${event.account}: ${event.items} S3 buckets\n`);
        break;
      case 'account-failed':
        state.failures++;
        if (!live) stream.write(`warden: ${event.account}: could not be read (${event.code})\n`);
        break;
      case 'retrying':
        state.retrying = event.calls;
        if (event.latest) state.latestRetry = event.latest;
        break;
    }
    if (live) draw();
  };
  return {
    update,
    done: () => {
      if (ticker) clearInterval(ticker);
      if (live) stream.write(`\r\u001b[2K${line()}\n`);
    },
  };
}

/** `7s`, `2m05s`, `1h02m`. */
function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
