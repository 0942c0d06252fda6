import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { policyCaseTests } from '../src/testing/policy-cases.js';
import { dbPubliclyAccessible } from './db-publicly-accessible.js';

describe('db-publicly-accessible cases', () => {
  policyCaseTests(dbPubliclyAccessible, fileURLToPath(new URL('./db-publicly-accessible/cases', import.meta.url)), it);
});
