import { CronExpressionParser } from 'cron-parser';
import { cronProblem } from '../core/reminders/cron-expression.js';
import { parseMetricAllowList, QUERY_ALLOW_VARIABLE } from '../core/reminders/metric-allow-list.js';
import type { PrometheusSettings } from '../handlers/prometheus-client.js';

/**
 * The App's reminder variables, read in one place: REMINDERS (`off` disables
 * the sweep), REMINDER_SCHEDULE (when it runs, a cron expression in UTC) and
 * PROMETHEUS_URL / PROMETHEUS_TIMEOUT_MS / PROMETHEUS_QUERY_ALLOW (where
 * ADRs' metric triggers are evaluated, and which metrics they may query;
 * read as the `design-review remind` CLI reads them).
 * The schedule is the App's, not a repository's: one sweep per installation
 * per period is what keeps the request count bounded. A repository opts out
 * with `reminders.enabled: false`, which the sweep itself honours.
 */

/** Default REMINDER_SCHEDULE: every day at 06:00 UTC. */
export const DEFAULT_REMINDER_SCHEDULE = '0 6 * * *';

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
  if (problem !== undefined) return { enabled: false, schedule, everySeconds: false, problem: `REMINDER_SCHEDULE='${schedule}': ${problem}`, ...prometheus };
  return { enabled: !switchedOff, schedule, everySeconds, ...prometheus };
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
