import type { Probot } from 'probot';
import { askOnce } from '../shared/ask-once.js';
import type { GitHub } from '../github/github-client.js';
import { readAppSlug } from '../github/installations.js';

/**
 * The App's slug (its bot writes as `<slug>[bot]`), asked from GitHub once
 * per process with the App's own JWT; a failed request is retried next time.
 */
export function appSlugOnce(app: Probot): () => Promise<string> {
  return askOnce(async () => {
    const octokit = (await app.auth()) as unknown as GitHub;
    return readAppSlug(octokit);
  });
}
