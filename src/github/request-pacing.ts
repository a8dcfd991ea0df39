/**
 * How the GitHub clients (the App's and the CLI's / Action's) pace their
 * requests, with two settings read once at startup.
 *
 * The spacing of writes per installation. @octokit/plugin-throttling waits
 * 1 s between two writes and 3 s between two writes that notify someone
 * (comments, issues, reviews), as GitHub's best practices ask of integrations.
 * GITHUB_WRITE_SPACING_MS, read once at startup, sets the first (the second
 * stays three times it): the end-to-end tests set a few milliseconds, since
 * their GitHub double has no secondary rate limit to respect and the spacing
 * is most of their wall time. Unset (or not a positive integer), the plugin's
 * own limiters run, unchanged.
 *
 * The wait before retrying a server error. @octokit/plugin-retry retries a
 * 5xx three times, 1, 4 and 9 s later (the retry number squared, times 1 s).
 * GITHUB_RETRY_BASE_MS sets that second: the tests whose GitHub double
 * answers 502 on purpose set a few milliseconds.
 */
import { positiveInteger } from '../config/env-number.js';

/** Default GITHUB_WRITE_SPACING_MS: plugin-throttling's own 1 s. */
export const DEFAULT_WRITE_SPACING_MS = 1000;

/** GITHUB_WRITE_SPACING_MS from `env`, or the default. */
export function readWriteSpacingMs(env: NodeJS.ProcessEnv): number {
  return positiveInteger(env['GITHUB_WRITE_SPACING_MS'], DEFAULT_WRITE_SPACING_MS);
}

/** Default GITHUB_RETRY_BASE_MS: plugin-retry's own 1 s. */
export const DEFAULT_RETRY_BASE_MS = 1000;

/** GITHUB_RETRY_BASE_MS from `env`, or the default. */
export function readRetryBaseMs(env: NodeJS.ProcessEnv): number {
  return positiveInteger(env['GITHUB_RETRY_BASE_MS'], DEFAULT_RETRY_BASE_MS);
}

/** The `retry` options for plugin-retry: none at the default. */
export function retryPacing(baseMs: number): { retryAfterBaseValue?: number } {
  return baseMs === DEFAULT_RETRY_BASE_MS ? {} : { retryAfterBaseValue: baseMs };
}

/** What plugin-throttling calls on its `write` and `notifications` limiters. */
interface SpacingGroup {
  key(id: string): { schedule(options: object, job: (...args: unknown[]) => Promise<unknown>, ...args: unknown[]): Promise<unknown> };
}

/** The Bottleneck constructor Probot hands the throttle when REDIS_URL is set (shared by replicas). */
interface ClusteredBottleneck {
  Group: new (options: Record<string, unknown>) => SpacingGroup;
}

/**
 * The throttle options that replace the plugin's `write` and `notifications`
 * limiters with ones spaced `spacingMs` and 3 × `spacingMs` apart; none at the
 * default. With Probot's Redis connection the limiters are Bottleneck groups
 * on it, so replicas still share the spacing; without one, in-process limiters.
 * One set per process, as the plugin's own, so every client shares it.
 */
export function writeSpacingThrottle(spacingMs: number, throttle: Record<string, unknown> = {}): Record<string, unknown> {
  if (spacingMs === DEFAULT_WRITE_SPACING_MS) return {};
  const Bottleneck = throttle['Bottleneck'] as ClusteredBottleneck | undefined;
  const connection = throttle['connection'];
  if (Bottleneck !== undefined && connection !== undefined) {
    clustered ??= {
      write: new Bottleneck.Group({ id: `octokit-write-${spacingMs}`, maxConcurrent: 1, minTime: spacingMs, connection, timeout: throttle['timeout'] ?? 120_000 }),
      notifications: new Bottleneck.Group({ id: `octokit-notifications-${spacingMs}`, maxConcurrent: 1, minTime: 3 * spacingMs, connection, timeout: throttle['timeout'] ?? 120_000 }),
    };
    return { ...clustered };
  }
  local ??= { write: spacedGroup(spacingMs), notifications: spacedGroup(3 * spacingMs) };
  return { ...local };
}

let clustered: { write: SpacingGroup; notifications: SpacingGroup } | undefined;
let local: { write: SpacingGroup; notifications: SpacingGroup } | undefined;

// Per key, one job at a time, each starting at least `minTime` after the previous one started:
// what a Bottleneck group with maxConcurrent 1 and minTime does for the plugin's no-op jobs.
function spacedGroup(minTime: number): SpacingGroup {
  const next = new Map<string, Promise<void>>();
  return {
    key: (id) => ({
      schedule: (_options, job, ...args) => {
        const turn = (next.get(id) ?? Promise.resolve()).then(() => job(...args));
        const spaced = turn.then(wait(minTime), wait(minTime));
        next.set(id, spaced);
        // An installation with nothing queued after this write keeps no entry (the map grew with every installation).
        void spaced.then(() => {
          if (next.get(id) === spaced) next.delete(id);
        });
        return turn;
      },
    }),
  };
}

function wait(ms: number): () => Promise<void> {
  return () => new Promise((resolve) => setTimeout(resolve, ms));
}
