import { httpStatus } from '../github/github-client.js';

/**
 * Turns GitHub's 403 "Resource not accessible by integration" into the
 * `permissions:` entry the workflow is missing. GITHUB_TOKEN gets only what
 * the workflow grants, so the fix is always a line in the workflow file.
 */

/** Every permission the review needs, as a workflow's `permissions:` block says them. */
export const REQUIRED_PERMISSIONS = ['checks: write', 'pull-requests: write', 'contents: read'] as const;

interface RequestInfo {
  method?: string;
  url?: string;
}

/** The permission a refused request needed, from its method and URL. */
export function permissionFor(method: string, url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!;
  if (/\/check-runs(\/|$)|\/check-suites(\/|$)/.test(path)) return 'checks: write';
  if (/\/(issues|pulls)(\/|$)/.test(path)) return 'pull-requests: write';
  if (/\/(contents|git|compare|commits)(\/|$)/.test(path)) return 'contents: read';
  return method.toUpperCase() === 'GET' ? 'contents: read' : 'pull-requests: write';
}

/**
 * For a permission refusal, a message naming the permission to grant (and the
 * fork caveat when it applies); undefined for other errors, rate limits included.
 */
export function permissionHint(error: unknown, options: { fromFork?: boolean; eventName?: string } = {}): string | undefined {
  if (httpStatus(error) !== 403) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (/rate limit/i.test(message)) return undefined;
  const request = (error as { request?: RequestInfo }).request ?? {};
  const method = (request.method ?? 'GET').toUpperCase();
  const needed = permissionFor(method, request.url ?? '');
  // Octokit appends the documentation URL to GitHub's message; the permission is the useful part.
  const reason = message.split('\n')[0]!.replace(/ - https?:\/\/\S+$/, '');
  const parts = [
    `GitHub refused ${method} ${pathOf(request.url)} (HTTP 403: ${reason}): the token lacks \`${needed}\`.`,
    `Grant the job \`permissions:\` ${REQUIRED_PERMISSIONS.map((p) => `\`${p}\``).join(', ')}.`,
  ];
  if (options.fromFork === true && options.eventName === 'pull_request') {
    parts.push(
      'This pull request comes from a fork, and on `pull_request` GitHub gives forks a read-only GITHUB_TOKEN whatever `permissions:` says: ' +
        'run the review on `pull_request_target` instead (it reads the documents through the API and never runs code from the pull request).',
    );
  }
  return parts.join(' ');
}

// The API path without host or query: enough to tell which call failed, and never a credential.
function pathOf(url: string | undefined): string {
  if (url === undefined) return '(unknown request)';
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!.replace(/^\/api\/v3/, '');
}
