import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { policyCaseTests } from '../src/rules/policy-cases.js';
import { rdsStorageUnencrypted } from './rds-storage-unencrypted.js';

describe('rds-storage-unencrypted cases', () => {
  policyCaseTests(rdsStorageUnencrypted, fileURLToPath(new URL('./rds-storage-unencrypted/cases', import.meta.url)), it);
});
