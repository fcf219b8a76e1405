import { SchedulerRegistry } from '@nestjs/schedule';
import { TIMER_JOB_INTERVAL, TimerJob } from '../../src/compliance/timer.job';
import { startHarness } from '../support/harness';

/** The timer job on @nestjs/schedule: an interval of the configured length in the HTTP service, none when it is 0. */
describe('the timer job schedule', () => {
  afterEach(() => jest.restoreAllMocks());

  it('runs right after start and then every timerJobIntervalSeconds, as an interval of the SchedulerRegistry, removed on close', async () => {
    const spy = jest.spyOn(TimerJob.prototype, 'runOnce'); // calls through: the real job runs
    const runs = { get length() { return spy.mock.calls.length; } };
    const h = await startHarness({ timerJobIntervalSeconds: 1 }, { sqlite: true });
    try {
      const registry = h.app.get(SchedulerRegistry);
      expect(registry.getIntervals()).toEqual([TIMER_JOB_INTERVAL]);
      expect(runs.length).toBeGreaterThanOrEqual(1); // the first run starts at once
      const deadline = Date.now() + 15_000;
      while (runs.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(runs.length).toBeGreaterThanOrEqual(3);
    } finally {
      const registry = h.app.get(SchedulerRegistry);
      await h.close();
      expect(registry.getIntervals()).toEqual([]);
    }
    const after = runs.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs.length).toBe(after); // nothing runs after close
  }, 30_000);

  it('does not schedule anything when the interval is 0', async () => {
    const spy = jest.spyOn(TimerJob.prototype, 'runOnce');
    const h = await startHarness({ timerJobIntervalSeconds: 0 }, { sqlite: true });
    try {
      expect(h.app.get(SchedulerRegistry).getIntervals()).toEqual([]);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      await h.close();
    }
  });
});
