import type { CoverageGap } from '../../../model/coverage.js';
import { awsErrorCode, awsErrorMessage } from './aws-error.js';

interface Failure {
  account: string;
  region?: string;
  service: string;
  operation: string;
  code: string;
  message: string;
}

/**
 * Collects what could not be read while the rest of the audit goes on, and reports it as coverage
 * gaps: one per (account, region, service, error code), listing the operations that failed, so that
 * a region denied by an SCP is one line, not fifteen.
 */
export class GapRecorder {
  readonly #failures: Failure[] = [];

  fail(where: { account: string; region?: string }, service: string, operation: string, error: unknown): void {
    this.#failures.push({ ...where, service, operation, code: awsErrorCode(error), message: awsErrorMessage(error) });
  }

  get count(): number {
    return this.#failures.length;
  }

  failuresIn(account: string, region?: string): number {
    return this.#failures.filter((f) => f.account === account && f.region === region).length;
  }

  gaps(): CoverageGap[] {
    const grouped = new Map<string, Failure[]>();
    for (const failure of this.#failures) {
      const key = [failure.account, failure.region ?? '', failure.service, failure.code].join('\u0000');
      grouped.set(key, [...(grouped.get(key) ?? []), failure]);
    }
    return [...grouped.values()].map((failures) => {
      const first = failures[0]!;
      const operations = [...new Set(failures.map((f) => f.operation))];
      const target = first.region ? `${first.account}/${first.region}` : first.account;
      const detail = first.message && first.message !== first.code ? ` (${first.message})` : '';
      return {
        scope: first.region ? 'region' : 'account',
        target,
        message: `${target}: ${first.service} ${operations.join(', ')} failed: ${first.code}${detail}`,
        account: first.account,
        ...(first.region ? { region: first.region } : {}),
        service: first.service,
        operations,
        errorCode: first.code,
      };
    });
  }
}
