/** The pull request a review is for: what the App's queue, the `/adr` commands and the Action hand the review job. */
export interface PullRequestTarget {
  owner: string;
  repo: string;
  pullNumber: number;
}
