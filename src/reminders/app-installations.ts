import type { Probot } from 'probot';

/**
 * The App's installations, as the App itself (its JWT): what a reminder tick
 * sweeps and what the BullMQ schedulers are created for at startup.
 * Suspended installations are left out: GitHub refuses them a token (403),
 * so sweeping them would only log a failure every period.
 */

/** Ids of the App's installations that are not suspended, every page. */
export async function listInstallationIds(probot: Pick<Probot, 'auth'>): Promise<number[]> {
  const octokit = await probot.auth();
  const installations = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 });
  return installations.filter((installation) => !installation.suspended_at).map((installation) => installation.id);
}
