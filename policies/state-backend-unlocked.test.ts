import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { policyCaseTests } from '../src/testing/policy-cases.js';
import { stateBackendUnlocked } from './state-backend-unlocked.js';

describe('state-backend-unlocked cases', () => {
  policyCaseTests(stateBackendUnlocked, fileURLToPath(new URL('./state-backend-unlocked/cases', import.meta.url)), it);
});
