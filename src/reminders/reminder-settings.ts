import { CronExpressionParser } from 'cron-parser';
import { cronProblem } from '../core/reminders/cron-expression.js';
import { parseMetricAllowList, QUERY_ALLOW_VARIABLE } from '../core/reminders/metric-allow-list.js';
import type { PrometheusSettings } from './prometheus-client.js';

/**
 * The App's reminder variables, read in one place: REMINDERS (`off` disables
 * the sweep), REMINDER_SCHEDULE (when it runs, a cron expression in UTC),
 * REMINDER_RESYNC_MS (with REDIS_URL: how often each replica checks that the
 * job schedulers are still in Redis, which may lose its data) and
 * PROMETHEUS_URL / PROMETHEUS_TIMEOUT_MS / PROMETHEUS_QUERY_ALLOW (where
 * ADRs' metric triggers are evaluated, and which metrics they may query;
 * read as the `design-review remind` CLI reads them).
 * The schedule is the App's, not a repository's: one sweep per installation
 * per period is what keeps the request count bounded. A repository opts out
 * with `reminders.enabled: false`, which the sweep itself honours.
 */

/** Default REMINDER_SCHEDULE: every day at 06:00 UTC. */
export const DEFAULT_REMINDER_SCHEDULE = '0 6 * * *';
/** Default REMINDER_RESYNC_MS: one hour; a check costs one GitHub request per 100 installations per replica. */
export const DEFAULT_REMINDER_RESYNC_MS = 60 * 60 * 1000;

/** What the reminder scheduler reads from the environment. */
export interface ReminderSettings {
  /** False when REMINDERS=off, or when REMINDER_SCHEDULE is invalid (see `problem`). */
  enabled: boolean;
  /** The cron expression the sweep runs on (UTC). */
  schedule: string;
  /** True when the schedule has a seconds field: a testing aid, warned about at startup. */
  everySeconds: boolean;
  /** Why reminders are off although REMINDERS did not say so: the bad REMINDER_SCHEDULE. */
  problem?: string;
  /** With REDIS_URL: longest wait between two checks that the job schedulers are still in Redis (REMINDER_RESYNC_MS). */
  resyncMs: number;
  /** Why REMINDER_RESYNC_MS was ignored (the default is used), for the startup log. */
  resyncProblem?: string;
  /** Prometheus the sweep asks about ADRs' metric triggers (PROMETHEUS_URL, PROMETHEUS_TIMEOUT_MS, PROMETHEUS_QUERY_ALLOW); without it they are listed, not evaluated. */
  prometheus?: PrometheusSettings;
  /** Why PROMETHEUS_URL was ignored, for the startup log. */
  prometheusProblem?: string;
}

/**
 * Read the reminder settings from `env`. A bad REMINDER_SCHEDULE turns
 * reminders off with a `problem` the App logs as an error, rather than
 * stopping the App: reviews matter more than reminders, and a silent
 * fallback to the default would sweep at a time nobody asked for.
 */
export function readReminderSettings(env: NodeJS.ProcessEnv): ReminderSettings {
  const schedule = env['REMINDER_SCHEDULE']?.trim() || DEFAULT_REMINDER_SCHEDULE;
  const switchedOff = ['off', 'false', '0', 'no'].includes((env['REMINDERS'] ?? '').trim().toLowerCase());
  const problem = appScheduleProblem(schedule);
  const everySeconds = problem === undefined && fieldsOf(schedule).length === 6;
  const prometheus = prometheusSettings(env);
  const resync = resyncSettings(env);
  if (problem !== undefined) return { enabled: false, schedule, everySeconds: false, problem: `REMINDER_SCHEDULE='${schedule}': ${problem}`, ...resync, ...prometheus };
  return { enabled: !switchedOff, schedule, everySeconds, ...resync, ...prometheus };
}

/** REMINDER_RESYNC_MS: a whole number of milliseconds; anything else falls back to the default, with a problem for the log. */
function resyncSettings(env: NodeJS.ProcessEnv): Pick<ReminderSettings, 'resyncMs' | 'resyncProblem'> {
  const raw = env['REMINDER_RESYNC_MS']?.trim();
  if (!raw) return { resyncMs: DEFAULT_REMINDER_RESYNC_MS };
  const value = Number(raw);
  // setTimeout cannot wait longer than 2^31 - 1 ms (24.8 days).
  if (/^\d+$/.test(raw) && value > 0 && value <= 2 ** 31 - 1) return { resyncMs: value };
  return {
    resyncMs: DEFAULT_REMINDER_RESYNC_MS,
    resyncProblem: `REMINDER_RESYNC_MS='${raw}' is not a number of milliseconds between 1 and 2147483647 (e.g. 3600000 for an hour); using the default, ${DEFAULT_REMINDER_RESYNC_MS}`,
  };
}

/**
 * PROMETHEUS_URL, PROMETHEUS_TIMEOUT_MS and PROMETHEUS_QUERY_ALLOW as the `design-review remind` CLI reads them.
 * A malformed URL, or a malformed allow-list (which must not turn into "allow everything"), leaves Prometheus unused, with a problem.
 */
function prometheusSettings(env: NodeJS.ProcessEnv): Pick<ReminderSettings, 'prometheus' | 'prometheusProblem'> {
  const url = env['PROMETHEUS_URL']?.trim();
  if (!url) return {};
  try {
    new URL(url);
  } catch {
    return { prometheusProblem: 'PROMETHEUS_URL is not a URL (expected e.g. http://prometheus:9090): metric triggers are listed, not evaluated' };
  }
  const { allow, problem } = parseMetricAllowList(env[QUERY_ALLOW_VARIABLE]);
  if (problem !== undefined) return { prometheusProblem: `${problem}: metric triggers are listed, not evaluated` };
  const timeout = Number(env['PROMETHEUS_TIMEOUT_MS']);
  return { prometheus: { url, ...(Number.isInteger(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}), ...(allow ? { allow } : {}) } };
}

/**
 * Why `expression` is not a valid App schedule, or undefined. Five fields as
 * in a repository's config, or six with a leading seconds field: the App's
 * operator may set `*\/2 * * * * *` so end-to-end tests see a sweep within
 * seconds through the very scheduling code production uses. Repository
 * configs never get the seconds field (cronProblem refuses it).
 */
export function appScheduleProblem(expression: string): string | undefined {
  const fields = fieldsOf(expression);
  if (fields.length !== 6) return cronProblem(expression);
  const rest = cronProblem(fields.slice(1).join(' '));
  if (rest !== undefined) return rest;
  try {
    CronExpressionParser.parse(expression, { strict: false });
    return undefined;
  } catch (error) {
    return `seconds field '${fields[0]}': ${error instanceof Error ? error.message : String(error)}`;
  }
}

function fieldsOf(expression: string): string[] {
  return expression.trim().split(/\s+/);
}
