/** How much work the service takes on: body size, evaluations at once (running + queued), time per evaluation. */
export interface ServeLimits {
  /** Bytes of a request body; larger plans go through `warden scan`. */
  bodyLimit: number;
  /** Evaluation worker threads. */
  workers: number;
  /** Evaluations that may wait for a worker; beyond workers + queue the service answers 503. */
  queue: number;
  /** Milliseconds one evaluation may take before it is stopped (its worker is replaced). */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ServeLimits = { bodyLimit: 5 * 1024 * 1024, workers: 2, queue: 16, timeoutMs: 30_000 };

/** Counts evaluations admitted; refuses one past the bound instead of letting a queue grow without end. */
export class AdmissionGate {
  #inFlight = 0;
  constructor(readonly capacity: number) {}

  tryEnter(): boolean {
    if (this.#inFlight >= this.capacity) return false;
    this.#inFlight++;
    return true;
  }

  leave(): void {
    this.#inFlight--;
  }

  get inFlight(): number {
    return this.#inFlight;
  }
}
