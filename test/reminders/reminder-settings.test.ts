// REMINDERS / REMINDER_SCHEDULE / PROMETHEUS_URL as the App reads them.
import { describe, expect, it } from 'vitest';
import { appScheduleProblem, DEFAULT_REMINDER_RESYNC_MS, DEFAULT_REMINDER_SCHEDULE, readReminderSettings } from '../../src/reminders/reminder-settings.js';

describe('reminder settings', () => {
  it('default to a daily sweep at 06:00 UTC', () => {
    expect(readReminderSettings({})).toEqual({ enabled: true, schedule: DEFAULT_REMINDER_SCHEDULE, everySeconds: false, resyncMs: DEFAULT_REMINDER_RESYNC_MS });
    expect(DEFAULT_REMINDER_SCHEDULE).toBe('0 6 * * *');
  });

  it('read REMINDER_RESYNC_MS, one hour by default, and name a bad value while using the default', () => {
    expect(DEFAULT_REMINDER_RESYNC_MS).toBe(3_600_000);
    expect(readReminderSettings({ REMINDER_RESYNC_MS: ' 300000 ' })).toMatchObject({ resyncMs: 300_000 });
    expect(readReminderSettings({ REMINDER_RESYNC_MS: '' }).resyncProblem).toBeUndefined();
    for (const bad of ['0', '-5', '1h', '1.5', '3e6', '2147483648']) {
      const settings = readReminderSettings({ REMINDER_RESYNC_MS: bad });
      expect(settings.resyncMs).toBe(DEFAULT_REMINDER_RESYNC_MS);
      expect(settings.resyncProblem).toBe(
        `REMINDER_RESYNC_MS='${bad}' is not a number of milliseconds between 1 and 2147483647 (e.g. 3600000 for an hour); using the default, 3600000`,
      );
      expect(settings.enabled).toBe(true);
    }
  });

  it('REMINDERS=off turns the sweep off', () => {
    for (const off of ['off', 'OFF', 'false', '0', 'no']) expect(readReminderSettings({ REMINDERS: off }).enabled).toBe(false);
    expect(readReminderSettings({ REMINDERS: 'on' }).enabled).toBe(true);
  });

  it('takes a five-field schedule, and a six-field one with seconds as a flagged testing aid', () => {
    expect(readReminderSettings({ REMINDER_SCHEDULE: '30 7 * * 1-5' })).toMatchObject({ enabled: true, schedule: '30 7 * * 1-5', everySeconds: false });
    expect(readReminderSettings({ REMINDER_SCHEDULE: '*/2 * * * * *' })).toMatchObject({ enabled: true, everySeconds: true });
  });

  it('turns reminders off with the problem named when the schedule is invalid', () => {
    const settings = readReminderSettings({ REMINDER_SCHEDULE: '0 25 * * *' });
    expect(settings.enabled).toBe(false);
    expect(settings.problem).toMatch(/^REMINDER_SCHEDULE='0 25 \* \* \*': /);
    expect(appScheduleProblem('0 6 * *')).toMatch(/expected 5 fields/);
    expect(appScheduleProblem('99 * * * * *')).toMatch(/seconds field '99'/);
    expect(appScheduleProblem('0 0 6 * * * *')).toMatch(/expected 5 fields/);
  });

  it('reads PROMETHEUS_URL and PROMETHEUS_TIMEOUT_MS for metric triggers, as the remind CLI does', () => {
    expect(readReminderSettings({ PROMETHEUS_URL: ' http://prometheus:9090 ' }).prometheus).toEqual({ url: 'http://prometheus:9090' });
    expect(readReminderSettings({ PROMETHEUS_URL: 'http://p:9090', PROMETHEUS_TIMEOUT_MS: '2500' }).prometheus).toEqual({ url: 'http://p:9090', timeoutMs: 2500 });
    expect(readReminderSettings({ PROMETHEUS_URL: '' }).prometheus).toBeUndefined();
    const bad = readReminderSettings({ PROMETHEUS_URL: 'not a url' });
    expect(bad.prometheus).toBeUndefined();
    expect(bad.prometheusProblem).toMatch(/PROMETHEUS_URL is not a URL/);
    expect(bad.enabled).toBe(true);
  });
});
