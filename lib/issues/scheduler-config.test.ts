import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, SCHEDULER_DEFAULT_INTERVAL_MS } from '@/lib/env';
import { schedulerConfig } from './scheduler-config';

const configFor = (vars: Record<string, string>) => schedulerConfig(parseEnv(vars));

describe('scheduler configuration', () => {
  it('runs by default, every 30 seconds', () => {
    expect(configFor({})).toEqual({ enabled: true, intervalMs: SCHEDULER_DEFAULT_INTERVAL_MS });
    expect(configFor({ QUIRE_SCHEDULER: 'on' })).toEqual({
      enabled: true,
      intervalMs: SCHEDULER_DEFAULT_INTERVAL_MS,
    });
  });

  it('is off with QUIRE_SCHEDULER=off (or false, 0, no), in any case', () => {
    for (const value of ['off', 'OFF', ' Off ', 'false', '0', 'no'])
      expect(configFor({ QUIRE_SCHEDULER: value }).enabled, value).toBe(false);
  });

  it('never runs during next build', () => {
    expect(configFor({ NEXT_PHASE: 'phase-production-build' })).toMatchObject({ enabled: false });
    expect(configFor({ NEXT_PHASE: 'phase-production-server' })).toMatchObject({ enabled: true });
  });

  it('takes the interval from QUIRE_SCHEDULER_INTERVAL_MS, and refuses an unusable one in one line naming it', () => {
    expect(configFor({ QUIRE_SCHEDULER_INTERVAL_MS: '1000' })).toEqual({ enabled: true, intervalMs: 1000 });
    for (const value of ['999', '-5', '1.5', 'soon', '1e4']) {
      const error = (() => {
        try {
          configFor({ QUIRE_SCHEDULER_INTERVAL_MS: value });
        } catch (e) {
          return e;
        }
      })();
      expect(error, value).toBeInstanceOf(EnvError);
      expect((error as EnvError).message, value).toContain(`QUIRE_SCHEDULER_INTERVAL_MS=${value} is not`);
      expect((error as EnvError).message, value).not.toContain('\n');
    }
  });
});
