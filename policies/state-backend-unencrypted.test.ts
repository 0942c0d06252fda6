import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { policyCaseTests } from '../src/testing/policy-cases.js';
import { stateBackendUnencrypted } from './state-backend-unencrypted.js';

describe('state-backend-unencrypted cases', () => {
  policyCaseTests(stateBackendUnencrypted, fileURLToPath(new URL('./state-backend-unencrypted/cases', import.meta.url)), it);
});
