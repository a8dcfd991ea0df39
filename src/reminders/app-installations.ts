import type { Probot } from 'probot';
import type { GitHub } from '../github/github-client.js';
import { listInstallations } from '../github/installations.js';

/**
 * The App's installations, as the App itself (its JWT): what a reminder tick
 * sweeps and what the BullMQ schedulers are created for at startup.
 * Suspended installations are left out: GitHub refuses them a token (403),
 * so sweeping them would only log a failure every period.
 */

/** Ids of the App's installations that are not suspended, every page. */
export async function listInstallationIds(probot: Pick<Probot, 'auth'>): Promise<number[]> {
  const octokit = (await probot.auth()) as unknown as GitHub;
  return (await listInstallations(octokit)).filter((installation) => !installation.suspended).map((installation) => installation.id);
}
