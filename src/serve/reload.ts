import { watch, type FSWatcher } from 'node:fs';
import type { ActivePolicies } from './active-policies.js';
import type { ServeContext } from './serve-context.js';

/** Changes within this many ms become one reload (an editor writes a file in several steps). */
const SETTLE_MS = 300;

/**
 * Reloads the policy set on SIGHUP and when the config file or a policy folder changes. The watched
 * files are those of the set in force, renewed after each reload. Returns a function that stops it.
 */
export function watchForReload(active: ActivePolicies, context: ServeContext): () => void {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const trigger = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reloadNow(active, context).then(arm);
    }, SETTLE_MS);
  };
  const arm = (): void => {
    for (const w of watchers) w.close();
    if (stopped) return;
    watchers = active.current.set.watch.flatMap((path) => {
      try {
        return [watch(path, { recursive: true, persistent: false }, trigger)];
      } catch {
        context.log(`not watching ${path} (cannot watch it); send SIGHUP to reload`);
        return [];
      }
    });
  };
  const onHangup = (): void => trigger();
  process.on('SIGHUP', onHangup);
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    process.off('SIGHUP', onHangup);
    for (const w of watchers) w.close();
  };
}

/** Reloads the policy set; logs and counts the outcome. A failed reload keeps the set in force. */
export async function reloadNow(active: ActivePolicies, context: ServeContext): Promise<{ ok: boolean }> {
  const result = await active.reload();
  context.metrics.reloads.inc({ result: result.ok ? 'ok' : 'failed' });
  context.log(result.ok ? `policies reloaded: policy set ${result.digest.slice(0, 12)}` : `reload failed, keeping the policies in force: ${result.reason}`);
  return { ok: result.ok };
}
