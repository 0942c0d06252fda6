import { EvaluationPool } from './evaluation-pool.js';
import type { WorkerSetup } from './evaluation.js';
import type { PolicySet, PolicySetModule } from './policy-set.js';

/** The policy set in force and the worker pool that evaluates with it. */
export interface Active {
  set: PolicySet;
  pool: EvaluationPool;
}

/**
 * Holds the policy set in force and replaces it atomically: a reload loads the new set, starts its
 * workers and proves they evaluate before anything switches; if any step fails the old set stays and
 * the reason is returned. Reloads run one at a time.
 */
export class ActivePolicies {
  #active: Active;
  #reloading: Promise<unknown> = Promise.resolve();

  private constructor(
    active: Active,
    private readonly module: PolicySetModule,
    private readonly setup: WorkerSetup,
    private readonly workers: number,
  ) {
    this.#active = active;
  }

  static async start(module: PolicySetModule, setup: WorkerSetup, workers: number): Promise<ActivePolicies> {
    return new ActivePolicies(await prepare(module, setup, workers), module, setup, workers);
  }

  get current(): Active {
    return this.#active;
  }

  reload(): Promise<{ ok: true; digest: string } | { ok: false; reason: string }> {
    const attempt = this.#reloading.then(async () => {
      let next: Active;
      try {
        next = await prepare(this.module, this.setup, this.workers);
      } catch (error) {
        return { ok: false as const, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
      }
      const old = this.#active;
      this.#active = next;
      void old.pool.close();
      return { ok: true as const, digest: next.set.digest };
    });
    this.#reloading = attempt;
    return attempt;
  }

  async close(): Promise<void> {
    await this.#reloading;
    await this.#active.pool.close();
  }
}

async function prepare(module: PolicySetModule, setup: WorkerSetup, workers: number): Promise<Active> {
  const set = await module.loadPolicySet(setup.source);
  const pool = new EvaluationPool(setup, workers);
  try {
    // The workers load the set themselves: one evaluation proves they did before the pool is used.
    const probe = await pool.run({ text: '{"resources":[]}', input: 'reload probe' }, 60_000);
    if (!probe.ok) throw new Error(probe.reason);
  } catch (error) {
    await pool.close();
    throw error;
  }
  return { set, pool };
}
