import type { Probot } from 'probot';
import { askOnce } from '../shared/ask-once.js';

/**
 * The App's slug (its bot writes as `<slug>[bot]`), asked from GitHub once
 * per process with the App's own JWT; a failed request is retried next time.
 */
export function appSlugOnce(app: Probot): () => Promise<string> {
  return askOnce(async () => {
    const octokit = await app.auth();
    const { data } = await octokit.rest.apps.getAuthenticated();
    if (!data?.slug) throw new Error('GET /app returned no slug');
    return data.slug;
  });
}
