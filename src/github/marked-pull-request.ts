import type { GitHub } from './github-client.js';

/**
 * The open pull request the bot opened for an issue and title, found by the
 * hidden marker in its body: one `pulls.list` request per 100 open pull
 * requests, stopping at the page that has it.
 */

/** The bot's open pull request whose body carries `marker`, or undefined. */
export async function findMarkedPullRequest(
  gh: GitHub,
  params: { owner: string; repo: string; marker: string; botLogin: string },
): Promise<{ number: number; url: string; title: string } | undefined> {
  let found: { number: number; url: string; title: string } | undefined;
  await gh.paginate(gh.rest.pulls.list, { owner: params.owner, repo: params.repo, state: 'open', per_page: 100 }, (response, done) => {
    for (const pull of response.data) {
      if (found === undefined && pull.user?.login === params.botLogin && (pull.body ?? '').includes(params.marker)) {
        found = { number: pull.number, url: pull.html_url, title: pull.title };
      }
    }
    if (found !== undefined) done();
    return [];
  });
  return found;
}
