import { describe, expect, it } from 'vitest';
import { SCHEDULER_DEFAULT_INTERVAL_MS, schedulerConfig } from './scheduler-config';

describe('scheduler configuration', () => {
  it('runs by default, every 30 seconds', () => {
    expect(schedulerConfig({})).toEqual({ enabled: true, intervalMs: SCHEDULER_DEFAULT_INTERVAL_MS });
    expect(schedulerConfig({ QUIRE_SCHEDULER: 'on' })).toEqual({
      enabled: true,
      intervalMs: SCHEDULER_DEFAULT_INTERVAL_MS,
    });
  });

  it('is off with QUIRE_SCHEDULER=off (or false, 0, no), in any case', () => {
    for (const value of ['off', 'OFF', ' Off ', 'false', '0', 'no'])
      expect(schedulerConfig({ QUIRE_SCHEDULER: value }).enabled, value).toBe(false);
  });

  it('never runs during next build', () => {
    expect(schedulerConfig({ NEXT_PHASE: 'phase-production-build' })).toMatchObject({ enabled: false });
    expect(schedulerConfig({ NEXT_PHASE: 'phase-production-server' })).toMatchObject({ enabled: true });
  });

  it('takes the interval from QUIRE_SCHEDULER_INTERVAL_MS, and falls back with a warning when it is unusable', () => {
    expect(schedulerConfig({ QUIRE_SCHEDULER_INTERVAL_MS: '1000' })).toEqual({ enabled: true, intervalMs: 1000 });
    for (const value of ['999', '-5', '1.5', 'soon', '1e4']) {
      const config = schedulerConfig({ QUIRE_SCHEDULER_INTERVAL_MS: value });
      expect(config, value).toMatchObject({ enabled: true, intervalMs: SCHEDULER_DEFAULT_INTERVAL_MS });
      expect(config.enabled && config.warning, value).toContain(value);
    }
  });
});
