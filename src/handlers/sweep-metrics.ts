import type { DecisionDoc } from '../core/document/model.js';
import { readMetricTriggers } from '../core/reminders/due.js';
import { isBreach, parsePrometheusCondition, type PrometheusCondition } from '../core/reminders/prometheus-trigger.js';
import type { MetricReading } from '../core/reminders/types.js';
import { queryPrometheus, type PrometheusSettings } from './prometheus-client.js';
import type { JobLog } from './pull-request-review.js';

/**
 * Readings of the ADRs' metric (`when:`) triggers for the planner: each
 * distinct query runs once; a failed query is logged with the file and line
 * of every trigger it serves, and those triggers stay listed, not evaluated.
 */

/** Readings for the planner, and the conditions (as written) the sweep remembers to re-check cheaply. */
export interface MetricsRead {
  readings: MetricReading[];
  conditions: string[];
}

/** Run every distinct metric query of `docs` against Prometheus. */
export async function readMetrics(settings: PrometheusSettings, docs: DecisionDoc[], log: JobLog, repo: string): Promise<MetricsRead> {
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
  for (const [query, use] of uses) {
    const reading = await queryPrometheus(settings, use.condition);
    if ('error' in reading) {
      for (const at of use.at) log.warn({ repo, file: at.path, line: at.line }, `${at.path}:${at.line}: metric trigger not evaluated: ${reading.error}`);
      continue;
    }
    for (const at of use.at) readings.push({ path: at.path, query, value: reading.value });
  }
  return { readings, conditions: [...uses.values()].map((u) => u.text) };
}

/** True when any remembered condition breaches now (a failed query counts as no breach, logged). */
export async function metricsBreached(settings: PrometheusSettings, conditions: readonly string[], log: JobLog): Promise<boolean> {
  for (const text of conditions) {
    const condition = parsePrometheusCondition(text);
    if ('error' in condition) continue;
    const reading = await queryPrometheus(settings, condition);
    if ('error' in reading) {
      log.warn({ query: condition.query }, `metric trigger not evaluated: ${reading.error}`);
      continue;
    }
    if (isBreach(condition, reading.value)) return true;
  }
  return false;
}
