/** One control of a compliance framework: its id and its title as the framework names it. */
export interface FrameworkControl {
  id: string;
  title: string;
}

/** The controls of one framework (version) that a coverage listing counts against. */
export interface ControlCatalog {
  /** The framework key policies use in `frameworks` (`CIS AWS Foundations Benchmark v3.0.0`). */
  framework: string;
  /** Which controls the catalog holds, said in the coverage line (`automated controls`). */
  scope: string;
  controls: readonly FrameworkControl[];
}
