/** A problem in warden.yaml (or a setting that names something unknown): one line, exit 2. Kept free of imports: main.ts loads it on every start. */
export class ConfigError extends Error {}
