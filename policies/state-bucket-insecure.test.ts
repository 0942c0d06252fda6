import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { policyCaseTests } from '../src/testing/policy-cases.js';
import { stateBucketInsecure } from './state-bucket-insecure.js';

describe('state-bucket-insecure cases', () => {
  policyCaseTests(stateBucketInsecure, fileURLToPath(new URL('./state-bucket-insecure/cases', import.meta.url)), it);
});
