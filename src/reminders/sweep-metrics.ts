import type { DecisionDoc } from '../core/document/model.js';
import { readMetricTriggers } from '../core/reminders/due.js';
import { isBreach, parsePrometheusCondition, type PrometheusCondition } from '../core/reminders/prometheus-trigger.js';
import type { MetricReading, SkipLog } from '../core/reminders/types.js';
import { queryPrometheus, type PrometheusSettings } from './prometheus-client.js';
import type { JobLog } from '../shared/job-log.js';

/**
 * Readings of the ADRs' metric (`when:`) triggers for the planner: each
 * distinct query runs once; a failed query is logged with the file and line
 * of every trigger it serves, and those triggers stay listed, not evaluated.
 * Bounded, since each query may wait the whole timeout: at most
 * MAX_QUERIES_PER_REPOSITORY distinct queries per repository, and none at all
 * for the rest of the sweep once one timed out (a Prometheus that does not
 * answer would otherwise cost the timeout once per query per repository).
 * A query the operator's PROMETHEUS_QUERY_ALLOW refuses is never sent
 * (queryPrometheus checks it first); its triggers are logged and returned
 * as `refused`, for the sweep's report of skipped triggers.
 */

/** Distinct queries evaluated per repository; the others are listed, not evaluated. */
export const MAX_QUERIES_PER_REPOSITORY = 20;

/** What one sweep (one repository, or every repository of an installation) learnt of Prometheus. */
export interface MetricsSession {
  /** Set by the first query that timed out: no query runs after it in this sweep. */
  timedOut?: string;
}

/** Readings for the planner, and the conditions (as written) the sweep remembers to re-check cheaply. */
export interface MetricsRead {
  readings: MetricReading[];
  conditions: string[];
  /** Triggers whose query the operator's allow-list refused, each naming file and line. */
  refused?: SkipLog[];
}

/** Run every distinct metric query of `docs` against Prometheus. */
export async function readMetrics(settings: PrometheusSettings, docs: DecisionDoc[], log: JobLog, repo: string, session: MetricsSession = {}): Promise<MetricsRead> {
  const uses = new Map<string, { condition: PrometheusCondition; text: string; at: { path: string; line: number }[] }>();
  for (const doc of docs) {
    for (const trigger of readMetricTriggers(doc, undefined)) {
      if (!trigger.condition) continue;
      const use = uses.get(trigger.condition.query) ?? { condition: trigger.condition, text: trigger.text, at: [] };
      use.at.push({ path: doc.path, line: trigger.line });
      uses.set(trigger.condition.query, use);
    }
  }
  const readings: MetricReading[] = [];
  const all = [...uses];
  const over = all.slice(MAX_QUERIES_PER_REPOSITORY);
  if (over.length > 0) {
    const where = over.flatMap(([, use]) => use.at.map((at) => `${at.path}:${at.line}`));
    log.warn({ repo }, `${all.length} distinct metric queries, over the cap of ${MAX_QUERIES_PER_REPOSITORY}: ${over.length} not evaluated (${where.slice(0, 10).join(', ')}${where.length > 10 ? ', …' : ''})`);
  }
  const notRun: string[] = [];
  const refused: SkipLog[] = [];
  for (const [query, use] of all.slice(0, MAX_QUERIES_PER_REPOSITORY)) {
    if (session.timedOut !== undefined) {
      notRun.push(...use.at.map((at) => `${at.path}:${at.line}`));
      continue;
    }
    const reading = await queryPrometheus(settings, use.condition);
    if ('error' in reading) {
      if (reading.timedOut) session.timedOut = reading.error;
      for (const at of use.at) {
        log.warn({ repo, file: at.path, line: at.line }, `${at.path}:${at.line}: metric trigger not evaluated: ${reading.error}`);
        if (reading.refused) refused.push({ path: at.path, line: at.line, message: `metric trigger not evaluated: ${reading.error}` });
      }
      continue;
    }
    for (const at of use.at) readings.push({ path: at.path, query, value: reading.value });
  }
  if (notRun.length > 0) {
    log.warn({ repo }, `metric triggers not evaluated: Prometheus timed out earlier in this sweep (${session.timedOut}): ${notRun.slice(0, 10).join(', ')}${notRun.length > 10 ? ', …' : ''}`);
  }
  // Every condition is remembered, evaluated or not, so a later sweep still re-checks it.
  return { readings, conditions: all.map(([, u]) => u.text), ...(refused.length > 0 ? { refused } : {}) };
}

/** True when any remembered condition breaches now (a failed query counts as no breach, logged). */
export async function metricsBreached(settings: PrometheusSettings, conditions: readonly string[], log: JobLog, session: MetricsSession = {}): Promise<boolean> {
  // The same caps as readMetrics: the remembered conditions come from the same ADRs.
  for (const text of conditions.slice(0, MAX_QUERIES_PER_REPOSITORY)) {
    if (session.timedOut !== undefined) return false;
    const condition = parsePrometheusCondition(text);
    if ('error' in condition) continue;
    const reading = await queryPrometheus(settings, condition);
    if ('error' in reading) {
      if (reading.timedOut) session.timedOut = reading.error;
      log.warn({ query: condition.query }, `metric trigger not evaluated: ${reading.error}`);
      continue;
    }
    if (isBreach(condition, reading.value)) return true;
  }
  return false;
}
