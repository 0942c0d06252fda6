import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { parseConfig } from '../../src/config/load-config.js';

describe('warden.yaml words', () => {
  it('takes severities and modes in any case, as the command line does', async () => {
    const config = await parseConfig('failOn: HIGH\nunknown: Fail\npolicies:\n  required-tags:\n    severity: Medium\n', 'warden.yaml');
    expect(config.failOn).toBe('high');
    expect(config.unknown).toBe('fail');
    expect(config.policies?.['required-tags']?.severity).toBe('medium');
  });

  it('still refuses a word that is no severity', async () => {
    await expect(parseConfig('failOn: severe\n', 'warden.yaml')).rejects.toThrow(ConfigError);
  });
});
