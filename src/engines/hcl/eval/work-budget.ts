/**
 * The work one input may cause (DESIGN §8 "Work is bounded"). Terraform source is attacker-controlled
 * in a pull request, and a few lines of `setproduct`, nested `for`, `count` or module fan-out ask for
 * billions of elements. Every expansion spends from one element budget per input; a step counter in
 * the evaluator checks a wall-clock deadline. Evaluation is synchronous, so the deadline is checked
 * cooperatively (every STEPS_PER_CHECK steps), never by a timer.
 */

export const DEFAULT_MAX_ELEMENTS = 1_000_000;
export const DEFAULT_TIME_BUDGET_SECONDS = 60;

/**
 * A resource or module instance costs what about this many list elements do (its attributes, its
 * resource in the inventory, the policies run on it: measured with `npm run bench:hostile`), so the
 * default budget allows 50 000 instances per input.
 */
export const ELEMENTS_PER_INSTANCE = 20;

/** How often the evaluator looks at the clock: cheap enough for the hottest loop, often enough for a timely stop. */
const STEPS_PER_CHECK = 1024;

export interface BudgetLimits {
  /** Elements (instances, collection elements, 64-character blocks of rendered text) one input may create. */
  maxElements?: number;
  /** Wall-clock seconds one input may take to evaluate. */
  timeBudgetSeconds?: number;
  /** Milliseconds now (tests give a clock they control). */
  clock?: () => number;
}

/** Thrown when a budget runs out: `elements` becomes an Unknown where it happened; `time` stops the input. */
export class BudgetExceeded extends Error {
  constructor(
    readonly kind: 'elements' | 'time',
    message: string,
  ) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

export class WorkBudget {
  readonly maxElements: number;
  readonly timeBudgetSeconds: number;
  readonly #now: () => number;
  readonly #deadline: number;
  #left: number;
  #steps = 0;
  #expired = false;
  /** The first time the element budget ran out: the coverage gap of the input. */
  exhausted: string | undefined;

  constructor(limits: BudgetLimits = {}) {
    const now = limits.clock ?? Date.now;
    this.maxElements = limits.maxElements ?? DEFAULT_MAX_ELEMENTS;
    this.timeBudgetSeconds = limits.timeBudgetSeconds ?? DEFAULT_TIME_BUDGET_SECONDS;
    this.#left = this.maxElements;
    this.#now = now;
    this.#deadline = now() + this.timeBudgetSeconds * 1000;
  }

  /** Takes `count` elements for `what` (before they are made); throws BudgetExceeded when there are not that many left. */
  spend(count: number, what: string): void {
    if (count <= this.#left) {
      this.#left -= count;
      return;
    }
    const message =
      this.#left === 0
        ? `${what}: the element budget of ${this.maxElements} is used up (raise it with --max-elements or maxElements in warden.yaml)`
        : `${what} would create ${count} elements, more than the ${this.#left} left of the element budget of ${this.maxElements} (raise it with --max-elements or maxElements in warden.yaml)`;
    this.#left = 0;
    this.exhausted ??= message;
    throw new BudgetExceeded('elements', message);
  }

  /** One evaluation step; throws BudgetExceeded('time') once the deadline has passed. */
  step(): void {
    if (!this.#expired && ++this.#steps % STEPS_PER_CHECK !== 0) return;
    if (this.#expired || this.#now() > this.#deadline) {
      this.#expired = true;
      throw new BudgetExceeded('time', `evaluation stopped after the time budget of ${this.timeBudgetSeconds} s (raise it with --time-budget or timeBudgetSeconds in warden.yaml)`);
    }
  }
}

/** The budget of the evaluation running now (evaluation is synchronous: set for its duration only). */
let active: WorkBudget | undefined;

/** Runs a synchronous evaluation under `budget`. */
export function withBudget<T>(budget: WorkBudget, evaluation: () => T): T {
  const previous = active;
  active = budget;
  try {
    return evaluation();
  } finally {
    active = previous;
  }
}

/** Spends from the running budget; outside one, a single expansion is still held to the default size. */
export function spendElements(count: number, what: string): void {
  if (active) active.spend(count, what);
  else if (count > DEFAULT_MAX_ELEMENTS) throw new BudgetExceeded('elements', `${what} would create ${count} elements, more than the element budget of ${DEFAULT_MAX_ELEMENTS}`);
}

/** One step of the running evaluation (the deadline check). */
export function evaluationStep(): void {
  active?.step();
}
