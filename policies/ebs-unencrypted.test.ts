import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { policyCaseTests } from '../src/testing/policy-cases.js';
import { ebsUnencrypted } from './ebs-unencrypted.js';

describe('ebs-unencrypted cases', () => {
  policyCaseTests(ebsUnencrypted, fileURLToPath(new URL('./ebs-unencrypted/cases', import.meta.url)), it);
});
