import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { policyCaseTests } from '../src/testing/policy-cases.js';
import { stateFileCommitted } from './state-file-committed.js';

describe('state-file-committed cases', () => {
  policyCaseTests(stateFileCommitted, fileURLToPath(new URL('./state-file-committed/cases', import.meta.url)), it);
});
