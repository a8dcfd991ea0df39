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

/** Notes the id of the check run written through `octokit`; call `id()` after the review. */
export function trackCheckRun(octokit: { hook: { after(name: 'request', hook: (response: { data: unknown }, options: { method?: string; url?: string }) => void): void } }): {
  id(): number | undefined;
} {
  let id: number | undefined;
  octokit.hook.after('request', (response, options) => {
    const method = String(options.method ?? '').toUpperCase();
    if ((method === 'POST' || method === 'PATCH') && /\/check-runs(\/[^/]+)?$/.test(options.url ?? '')) {
      const data = response.data as { id?: unknown } | undefined;
      if (typeof data?.id === 'number') id = data.id;
    }
  });
  return { id: () => id };
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
