import type { ApiCallStats } from '../../../model/coverage.js';

interface Countable {
  middlewareStack: {
    add(middleware: unknown, options: { step: 'initialize' | 'finalizeRequest'; name: string; override?: boolean; priority?: 'low' }): void;
  };
}

/** Told how many calls are being retried right now (throttling, a slow region), and the latest of them. */
export type RetryListener = (retrying: number, latest: string) => void;

/**
 * Counts the API calls a live audit makes, per service, operation and (account, region), as SDK
 * middleware: it sits in the `initialize` step, outside the retry loop, so a call is counted once
 * however many attempts it took, and the attempts are read from the response (or error) metadata.
 */
export class ApiCallCounter {
  #total = 0;
  #retries = 0;
  readonly #byService = new Map<string, { calls: number; retries: number }>();
  readonly #byOperation = new Map<string, number>();
  readonly #byTarget = new Map<string, number>();
  /** Calls whose second or later attempt is under way. */
  readonly #retrying = new Set<object>();

  constructor(private readonly onRetry?: RetryListener) {}

  /** Adds the counting middleware to a client whose calls belong to `service` and target `targetKey`. */
  attach(client: Countable, service: string, targetKey: () => string): void {
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<{ output?: unknown }>, context: { commandName?: string }) => async (args: unknown) => {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        try {
          const result = await next(args);
          this.record(service, operation, targetKey(), attemptsOf(result.output));
          return result;
        } catch (error) {
          this.record(service, operation, targetKey(), attemptsOf(error));
          throw error;
        } finally {
          if (this.#retrying.delete(context)) this.onRetry?.(this.#retrying.size, '');
        }
      },
      { step: 'initialize', name: 'wardenApiCallCounter', override: true },
    );
    // Inside the SDK's retry loop (finalizeRequest, low priority): runs once per attempt, so a second
    // attempt is a retry in progress, shown until the call settles.
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string; wardenAttempts?: number }) => async (args: unknown) => {
        context.wardenAttempts = (context.wardenAttempts ?? 0) + 1;
        if (context.wardenAttempts === 2 && this.onRetry) {
          this.#retrying.add(context);
          this.onRetry(this.#retrying.size, `${service}:${(context.commandName ?? 'Unknown').replace(/Command$/, '')} in ${targetKey()}`);
        }
        return next(args);
      },
      { step: 'finalizeRequest', name: 'wardenAttemptWatch', priority: 'low', override: true },
    );
  }

  record(service: string, operation: string, targetKey: string, attempts: number): void {
    const retries = Math.max(0, attempts - 1);
    this.#total++;
    this.#retries += retries;
    const perService = this.#byService.get(service) ?? { calls: 0, retries: 0 };
    perService.calls++;
    perService.retries += retries;
    this.#byService.set(service, perService);
    const key = `${service}:${operation}`;
    this.#byOperation.set(key, (this.#byOperation.get(key) ?? 0) + 1);
    this.#byTarget.set(targetKey, (this.#byTarget.get(targetKey) ?? 0) + 1);
  }

  /** Re-files calls counted before the account was known (the first STS call) under the account. */
  renameAccount(from: string, to: string): void {
    if (from === to) return;
    for (const [key, calls] of [...this.#byTarget]) {
      if (!key.startsWith(`${from}/`)) continue;
      this.#byTarget.delete(key);
      const renamed = `${to}${key.slice(from.length)}`;
      this.#byTarget.set(renamed, (this.#byTarget.get(renamed) ?? 0) + calls);
    }
  }

  stats(): ApiCallStats {
    return {
      total: this.#total,
      retries: this.#retries,
      byService: Object.fromEntries([...this.#byService].sort(([a], [b]) => a.localeCompare(b))),
      byOperation: Object.fromEntries([...this.#byOperation].sort(([a], [b]) => a.localeCompare(b))),
      byTarget: Object.fromEntries([...this.#byTarget].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}

function attemptsOf(value: unknown): number {
  const metadata = (value as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata;
  return typeof metadata?.attempts === 'number' ? metadata.attempts : 1;
}
