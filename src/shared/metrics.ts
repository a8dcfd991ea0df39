import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The App's Prometheus metrics, in one registry of their own (not the global
 * one), so loading the app twice in a process cannot register a metric twice.
 */

/** Counters and histograms the App updates. */
export interface AppMetrics {
  registry: Registry;
  /** Webhook deliveries received, by event (`pull_request.opened`) and what the queue did with them. */
  deliveries: Counter<'event' | 'outcome'>;
  /** Wall time of one review job, by outcome. */
  reviewDuration: Histogram<'outcome'>;
  /** Requests the App made to the GitHub API, by HTTP method. */
  githubRequests: Counter<'method'>;
  /** Reminder sweeps of one installation, by outcome: ok, failed, uninstalled. */
  reminderSweeps: Counter<'outcome'>;
  /** Repositories swept, by the sweep's outcome for them: swept, unchanged, disabled, skipped, failed. */
  reminderRepositories: Counter<'outcome'>;
  /** Wall time of one installation's reminder sweep, by outcome. */
  reminderSweepDuration: Histogram<'outcome'>;
}

/** Create the registry and the App's metrics (plus Node's default process metrics). */
export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    deliveries: new Counter({
      name: 'design_review_deliveries_total',
      help: 'Webhook deliveries received, by event and queue outcome',
      labelNames: ['event', 'outcome'],
      registers: [registry],
    }),
    reviewDuration: new Histogram({
      name: 'design_review_review_duration_seconds',
      help: 'Duration of one pull request review job, by outcome',
      labelNames: ['outcome'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    githubRequests: new Counter({
      name: 'design_review_github_requests_total',
      help: 'Requests made to the GitHub API, by method',
      labelNames: ['method'],
      registers: [registry],
    }),
    reminderSweeps: new Counter({
      name: 'design_review_reminder_sweeps_total',
      help: 'Reminder sweeps of one installation, by outcome (ok, failed, uninstalled)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    reminderRepositories: new Counter({
      name: 'design_review_reminder_repositories_total',
      help: 'Repositories visited by reminder sweeps, by outcome (swept, unchanged, disabled, skipped, failed)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    reminderSweepDuration: new Histogram({
      name: 'design_review_reminder_sweep_duration_seconds',
      help: 'Duration of one installation reminder sweep, by outcome',
      labelNames: ['outcome'],
      // A sweep visits every repository of an installation: seconds to many minutes.
      buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
      registers: [registry],
    }),
  };
}
