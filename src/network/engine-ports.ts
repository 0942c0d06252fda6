/**
 * Engine → default port, by engine name or prefix (`oracle-ee`, `sqlserver-se`, `custom-oracle-ee`).
 * Used when `port` is not set.
 */
const ENGINE_PORTS: readonly [RegExp, number][] = [
  [/^(mysql|mariadb|aurora|aurora-mysql)$/, 3306],
  [/^(postgres|aurora-postgresql)$/, 5432],
  [/^(custom-)?oracle/, 1521],
  [/^(custom-)?sqlserver/, 1433],
  [/^db2/, 50000],
  [/^redshift$/, 5439],
  [/^neptune$/, 8182],
  [/^docdb$/, 27017],
];

export function engineDefaultPort(engine: string): number | undefined {
  return ENGINE_PORTS.find(([pattern]) => pattern.test(engine))?.[1];
}
