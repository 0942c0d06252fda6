import type { ActivePolicies } from './active-policies.js';
import type { AuditLog } from './audit-log.js';
import type { TokenEntry } from './auth.js';
import type { ServeLimits, AdmissionGate } from './limits.js';
import type { ServeMetrics } from './metrics.js';
import type { HcpClientOptions } from './run-task-client.js';

/** What the routes share: the policies in force, limits, callers, the audit log and metrics. */
export interface ServeContext {
  active: ActivePolicies;
  limits: ServeLimits;
  admission: AdmissionGate;
  /** Undefined: no tokens configured (only allowed on loopback); every caller is `anonymous`. */
  tokens: readonly TokenEntry[] | undefined;
  audit: AuditLog | undefined;
  metrics: ServeMetrics;
  runTask: { hmacKey: string; hcp: HcpClientOptions } | undefined;
  /** One line for the operator (stderr); never request content. */
  log: (line: string) => void;
}
