import type { GitHub, RepoRef } from './github-client.js';

/**
 * What the App asks GitHub about itself and its installations, as the App (its JWT) or as one
 * installation (its token): the reminder sweeps of the App and of `design-review remind` read them.
 */

/** What the App's own client needs: GitHub's REST endpoints, by route. */
type AppClient = Pick<GitHub, 'request' | 'paginate'>;

/** One installation of the App: its id, the account it is on, and whether it is suspended. */
export interface Installation {
  id: number;
  account: string;
  suspended: boolean;
}

/** The App's slug (its bot writes as `<slug>[bot]`): GET /app. */
export async function readAppSlug(app: AppClient): Promise<string> {
  const { data } = await app.request('GET /app');
  const slug = (data as { slug?: string } | null)?.slug;
  if (!slug) throw new Error('GET /app returned no slug');
  return slug;
}

/** Every installation of the App, every page. */
export async function listInstallations(app: AppClient): Promise<Installation[]> {
  const installations = await app.paginate('GET /app/installations', { per_page: 100 });
  return installations.map((i) => ({ id: i.id, account: (i.account as { login?: string } | null)?.login ?? String(i.id), suspended: Boolean(i.suspended_at) }));
}

/** The id of the App's installation on a repository; GitHub answers 404 when there is none. */
export async function readRepoInstallationId(app: AppClient, target: RepoRef): Promise<number> {
  const { data } = await app.request('GET /repos/{owner}/{repo}/installation', { owner: target.owner, repo: target.repo });
  return data.id;
}

/** A repository of an installation, as its listing gives it (facts a sweep needs without another request). */
export interface ListedRepository {
  name: string;
  full_name: string;
  owner: { login: string };
  archived?: boolean;
  has_issues?: boolean;
  default_branch?: string;
  html_url?: string;
}

/** The repositories an installation's token may read, every page. */
export async function listInstallationRepositories(gh: Pick<GitHub, 'paginate'>): Promise<ListedRepository[]> {
  return gh.paginate('GET /installation/repositories', { per_page: 100 });
}

/** What a sweep needs to know of a repository before reading it (a listing may already give it, saving a request). */
export interface RepoFacts {
  defaultBranch: string;
  archived: boolean;
  hasIssues: boolean;
  /** `html_url`: where the repository's pages are (not github.com on GitHub Enterprise Server). */
  htmlUrl?: string;
}

/** The facts of one repository: GET /repos/{owner}/{repo}. */
export async function readRepoFacts(gh: GitHub, target: RepoRef): Promise<RepoFacts> {
  const { data } = await gh.rest.repos.get({ owner: target.owner, repo: target.repo });
  return { defaultBranch: data.default_branch, archived: data.archived === true, hasIssues: data.has_issues !== false, htmlUrl: data.html_url };
}
