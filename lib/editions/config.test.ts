import { describe, expect, it } from 'vitest';
import { editionRunnerConfig } from './config';

describe('editionRunnerConfig', () => {
  it('runs only with SMTP configured, never during next build, and can be switched off', () => {
    expect(editionRunnerConfig({})).toMatchObject({ enabled: false, reason: expect.stringContaining('SMTP_HOST') });
    expect(editionRunnerConfig({ SMTP_HOST: 'mx', NEXT_PHASE: 'phase-production-build' })).toMatchObject({
      enabled: false,
    });
    expect(editionRunnerConfig({ SMTP_HOST: 'mx', QUIRE_EDITION_RUNNER: 'Off' })).toMatchObject({ enabled: false });
    expect(editionRunnerConfig({ SMTP_HOST: 'mx' })).toEqual({
      enabled: true,
      intervalMs: 5_000,
      batchSize: 50,
      leaseMs: 300_000,
      concurrency: 4,
      warnings: [],
    });
  });
  it('takes sensible numbers and warns about the others, keeping the default', () => {
    const c = editionRunnerConfig({
      SMTP_HOST: 'mx',
      QUIRE_EDITION_INTERVAL_MS: '1000',
      QUIRE_EDITION_BATCH: '5000',
      QUIRE_EDITION_LEASE_MS: 'soon',
    });
    expect(c).toMatchObject({ enabled: true, intervalMs: 1000, batchSize: 50, leaseMs: 300_000 });
    expect(c.enabled && c.warnings).toHaveLength(2);
  });
});
