import type { Reporter } from '../reporter.js';

// Replaced by the full SARIF reporter.
export const sarifReport: Reporter = () => {
  throw new Error('SARIF output is not built yet');
};
