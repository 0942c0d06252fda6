import { Piscina } from 'piscina';
import type { EvaluationOutcome, EvaluationTask, WorkerSetup } from './evaluation.js';

/** An evaluation was stopped at the per-request time limit. */
export class TimeLimitError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`evaluation exceeded the time limit of ${timeoutMs} ms`);
  }
}

/**
 * Worker threads that evaluate documents, so a large plan does not stall the event loop (health
 * checks, other requests). A pool belongs to one policy set: a reload builds a new pool and retires
 * the old one once its running evaluations end.
 */
export class EvaluationPool {
  readonly #pool: Piscina<EvaluationTask, EvaluationOutcome>;

  constructor(setup: WorkerSetup, threads: number) {
    this.#pool = new Piscina({
      filename: new URL('./evaluate-worker.js', import.meta.url).href,
      workerData: setup,
      minThreads: threads,
      maxThreads: threads,
      // Admission is bounded before a task reaches the pool (AdmissionGate).
      maxQueue: Number.POSITIVE_INFINITY,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  async run(task: EvaluationTask, timeoutMs: number): Promise<EvaluationOutcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await this.#pool.run(task, { signal });
    } catch (error) {
      if (signal.aborted) throw new TimeLimitError(timeoutMs);
      throw error;
    }
  }

  /** Lets running evaluations finish, then stops the workers. */
  async close(): Promise<void> {
    await this.#pool.close();
  }
}
