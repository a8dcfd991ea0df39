import type { GitHub } from '../github/github-client.js';

/**
 * The "Design review" check run this process published, read back after the
 * review for the step's outputs. reviewPullRequest does not return the run's
 * id, so a request hook notes it from the create (or update) responses:
 * no extra request, and it is right even when the pull request's head moved
 * during the review.
 */

/** What the outputs and the exit code are made of. */
export interface CheckRunResult {
  id: number;
  conclusion: string;
  title: string;
  summary: string;
  /** One annotation per finding (src/core/publish/annotations.ts). */
  findings: number;
  url: string;
}

/**
 * Notes the id of the check run written through `octokit`, and the warning
 * annotations each accepted write added to it (GitHub appends them, so their
 * sum is the run's count: `max-warnings` needs no request to list them);
 * call `id()` and `warnings()` after the review.
 */
export function trackCheckRun(octokit: {
  hook: { after(name: 'request', hook: (response: { data: unknown }, options: { method?: string; url?: string; output?: unknown }) => void): void };
}): {
  id(): number | undefined;
  warnings(): number;
} {
  let id: number | undefined;
  const warnings = new Map<number, number>();
  octokit.hook.after('request', (response, options) => {
    const method = String(options.method ?? '').toUpperCase();
    if ((method === 'POST' || method === 'PATCH') && /\/check-runs(\/[^/]+)?$/.test(options.url ?? '')) {
      const data = response.data as { id?: unknown } | undefined;
      if (typeof data?.id === 'number') {
        id = data.id;
        const annotations = (options.output as { annotations?: { annotation_level?: unknown }[] } | undefined)?.annotations ?? [];
        warnings.set(id, (warnings.get(id) ?? 0) + annotations.filter((a) => a.annotation_level === 'warning').length);
      }
    }
  });
  return { id: () => id, warnings: () => (id === undefined ? 0 : (warnings.get(id) ?? 0)) };
}

/** Reads the check run back in one request. */
export async function readCheckRun(gh: GitHub, at: { owner: string; repo: string; checkRunId: number }): Promise<CheckRunResult> {
  const { data } = await gh.rest.checks.get({ owner: at.owner, repo: at.repo, check_run_id: at.checkRunId });
  return {
    id: data.id,
    conclusion: data.conclusion ?? data.status,
    title: data.output.title ?? '',
    summary: data.output.summary ?? '',
    findings: data.output.annotations_count,
    url: data.html_url ?? '',
  };
}
