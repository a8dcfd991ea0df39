import { isOwnIssue } from '../core/reminders/marker.js';
import type { ExistingIssue } from '../core/reminders/types.js';
import { httpStatus, type GitHub, type RepoRef } from './github-client.js';

/**
 * The reminder issues on GitHub: list the labelled ones or the bot's own
 * (open and closed, every page), open one (keeping the issue when GitHub refuses an assignee),
 * close one with a comment, and write the "Decision health" issue in place.
 */

/** An issue as the sweep lists it: what the planner reads plus the author. */
export interface ListedIssue extends ExistingIssue {
  title: string;
  author: string;
  /** The author's account type: `User`, `Bot` or `Organization` (empty when GitHub gave none). */
  authorType: string;
}

/**
 * The sweep's own reminder and health issues, open and closed: those
 * `ownLogin` opened, whatever their labels, or, when the sweep's account is
 * unknown, the labelled ones a bot account opened. See `isOwnIssue` for why;
 * an issue a person opened is never listed, whatever marker it carries.
 */
export async function listOwnIssues(gh: GitHub, target: RepoRef, ownLogin: string | undefined, labels: readonly string[]): Promise<ListedIssue[]> {
  if (ownLogin !== undefined) return listIssuesBy(gh, target, ownLogin);
  const labelled = await listLabelledIssues(gh, target, labels);
  return labelled.filter((i) => isOwnIssue({ login: i.author, type: i.authorType }, undefined));
}

/** Issues carrying any of `labels`, open and closed, pull requests left out; one listing per label, merged by number. */
export async function listLabelledIssues(gh: GitHub, target: RepoRef, labels: readonly string[]): Promise<ListedIssue[]> {
  const byNumber = new Map<number, ListedIssue>();
  for (const label of labels) {
    const issues = await gh.paginate(gh.rest.issues.listForRepo, { owner: target.owner, repo: target.repo, labels: label, state: 'all', per_page: 100 });
    addListed(byNumber, issues);
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/**
 * Issues `creator` opened, open and closed, whatever their labels, pull
 * requests left out. A reminder whose label was removed or renamed (or whose
 * label `reminders.labels` no longer names) is still found, so it is not
 * opened again; and an issue someone else wrote is never listed, so a forged
 * marker cannot stand in for a reminder.
 */
export async function listIssuesBy(gh: GitHub, target: RepoRef, creator: string): Promise<ListedIssue[]> {
  const byNumber = new Map<number, ListedIssue>();
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { owner: target.owner, repo: target.repo, creator, state: 'all', per_page: 100 });
  addListed(byNumber, issues);
  // GitHub filters by creator already; checked again so a listing that ignored the filter cannot let others' issues in.
  return [...byNumber.values()].filter((i) => isOwnIssue({ login: i.author, type: i.authorType }, creator)).sort((a, b) => a.number - b.number);
}

type ListedRest = Awaited<ReturnType<GitHub['rest']['issues']['listForRepo']>>['data'];

function addListed(byNumber: Map<number, ListedIssue>, issues: ListedRest): void {
  for (const issue of issues) {
    // The issues endpoint lists pull requests too; a pull request is never a reminder.
    if (issue.pull_request || byNumber.has(issue.number)) continue;
    byNumber.set(issue.number, {
      number: issue.number,
      state: issue.state === 'closed' ? 'closed' : 'open',
      body: issue.body ?? '',
      title: issue.title,
      labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== ''),
      author: issue.user?.login ?? '',
      authorType: issue.user?.type ?? '',
    });
  }
}

/** A new issue to open. */
export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

/** The issue opened, and the assignees GitHub refused (the issue was opened without assignees then). */
export interface OpenedIssue {
  number: number;
  droppedAssignees: string[];
}

/**
 * Open an issue. GitHub refuses the whole issue (422) when one assignee cannot
 * be assigned (left the organization, no access): the reminder matters more
 * than who gets it, so it is opened again without assignees.
 */
export async function openIssue(gh: GitHub, target: RepoRef, issue: NewIssue): Promise<OpenedIssue> {
  const base = { owner: target.owner, repo: target.repo, title: issue.title, body: issue.body, labels: issue.labels };
  if (issue.assignees.length > 0) {
    try {
      const { data } = await gh.rest.issues.create({ ...base, assignees: issue.assignees });
      return { number: data.number, droppedAssignees: [] };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
    }
  }
  const { data } = await gh.rest.issues.create(base);
  return { number: data.number, droppedAssignees: [...issue.assignees] };
}

/** Comment why, then close: a sweep that stops between the two comments again next time rather than closing silently. */
export async function closeWithComment(gh: GitHub, target: RepoRef, number: number, comment: string): Promise<void> {
  await gh.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: number, body: comment });
  await gh.rest.issues.update({ owner: target.owner, repo: target.repo, issue_number: number, state: 'closed', state_reason: 'completed' });
}

/** Replace an issue's title and body. */
export async function editIssue(gh: GitHub, target: RepoRef, number: number, change: { title: string; body: string }): Promise<void> {
  await gh.rest.issues.update({ owner: target.owner, repo: target.repo, issue_number: number, title: change.title, body: change.body });
}
