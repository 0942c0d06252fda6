import type { Severity } from '../rules/severity.js';

export type FailOn = Severity | 'none';
export type UnknownMode = 'warn' | 'fail' | 'ignore';

export interface PolicySettings {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
}

export interface IgnoreRule {
  rule: string;
  resource?: string;
  reason: string;
  until?: string;
}

/** The contents of warden.yaml. Every key is optional; the CLI's flags override it. */
export interface WardenConfig {
  failOn?: FailOn;
  unknown?: UnknownMode;
  allowIncomplete?: boolean;
  /** Baseline file (relative to the config file), as with `--baseline`. */
  baseline?: string;
  only?: string[];
  skip?: string[];
  /** Folders of policy files to load (relative to the config file), as with `--policy-dir`. */
  policyDirs?: string[];
  /** Policy packs to load (npm package names, resolved from the config file's folder, or paths relative to it), as with `--policy-package`. */
  policyPackages?: string[];
  policies?: Record<string, PolicySettings>;
  ignores?: IgnoreRule[];
  /** Elements one Terraform source input may expand to (`--max-elements`). */
  maxElements?: number;
  /** Seconds one Terraform source input may take to evaluate (`--time-budget`). */
  timeBudgetSeconds?: number;
}

export interface LoadedConfig {
  config: WardenConfig;
  /** The file it came from, if any. */
  path?: string;
}
