import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The service's Prometheus metrics (GET /metrics), in a registry of its own. */
export class ServeMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'warden_http_requests_total',
    help: 'HTTP requests answered, by route and status code',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: 'warden_decisions_total',
    help: 'Evaluation decisions, by outcome (allow, deny)',
    labelNames: ['decision'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'warden_evaluation_duration_seconds',
    help: 'Time from receiving a document to its decision',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'warden_evaluation_errors_total',
    help: 'Evaluations that ended without a decision, by kind (input, overloaded, timeout, internal, run-task)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: 'warden_policy_reloads_total',
    help: 'Policy set reloads, by result (ok, failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'warden_' });
  }
}
