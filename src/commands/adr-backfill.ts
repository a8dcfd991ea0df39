import type { Config } from '../config/schema.js';
import { assemblePlan, planRecord } from '../core/backfill/plan-backfill.js';
import { backfillTitle, renderBackfillBody } from '../core/commands/backfill-body.js';
import type { BackfillReply } from '../core/commands/replies.js';
import {
  blobsOfCommit,
  commitToBackfillBranch,
  findBackfillPullRequest,
  gitBlobSha,
  openOrUpdateBackfillPull,
  treeOfCommit,
  writeTree,
} from '../github/backfill-pull-request.js';
import { readBranchTree, readDefaultBranchAdrs } from '../github/default-branch-adrs.js';
import type { AdrCommandDeps } from './adr-command-deps.js';
import { reply, type CommandOutcome, type Run } from './command-run.js';

/**
 * `/adr backfill`: one pull request that gives every accepted ADR of the
 * default branch without revisit triggers a drafted Revisit Triggers section
 * (src/core/backfill). Steps, after the permission and config checks every
 * command passes (adr-command.ts):
 *   1. read the default branch: its head, one recursive tree, the ADRs in
 *      GraphQL batches of 50 (the reminder sweep's reader);
 *   2. plan each record (on the App's core pool, each within REVIEW_DOCUMENT_TIMEOUT_MS):
 *      nothing to draft is one reply saying so;
 *   3. write the records in one tree on the head's tree (one request);
 *   4. with the backfill pull request open already: the same tree as its head
 *      is a reply that it is up to date (a redelivery, a second run with
 *      nothing new); otherwise note which records are new to it;
 *   5. commit, move the bot's branch to the commit, open the pull request or
 *      edit the open one's title and body;
 *   6. reply: opened, updated (with the records added), up to date, or nothing to do.
 * Requests stay flat in the number of ADRs, but for the GraphQL batches.
 */
export async function runBackfill(run: Run<AdrCommandDeps>, config: Config): Promise<CommandOutcome> {
  const { deps, event } = run;
  const { gh } = deps;
  const target = { owner: event.owner, repo: event.repo };
  const branch = event.defaultBranch;

  const { data: ref } = await gh.rest.git.getRef({ ...target, ref: `heads/${branch}` });
  const head = ref.object.sha;
  const tree = await readBranchTree(gh, target, head);
  const read = await readDefaultBranchAdrs(gh, target, tree, config);
  if (read.incomplete) deps.log.warn({ ...target }, 'design-review: tree truncated, /adr backfill may miss ADRs in deep folders');
  // The records are text anyone with write access wrote: the App parses them on the core pool, each within a budget.
  const planRecords = deps.planRecords ?? ((records, options) => Promise.resolve(records.map((r) => planRecord(r, options))));
  // Only what the parser reads of the checklists crosses to the worker threads, once per record.
  const { rigor, triggerCategories, vaguePhrases } = deps.vocabulary();
  const plan = assemblePlan(await planRecords(read.adrs, { today: deps.today(), vocabulary: { rigor, triggerCategories, vaguePhrases } }));
  plan.skipped.push(...read.unreadable);
  plan.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const existing = await findBackfillPullRequest(gh, { ...target, botLogin: run.botLogin });
  const counts = {
    branch,
    drafted: plan.changes.length,
    todos: plan.changes.reduce((n, c) => n + c.drafted.filter((d) => d.placeholder).length, 0),
    skipped: plan.skipped.length,
    covered: plan.covered,
  };
  const answer = async (content: Omit<BackfillReply, 'kind' | keyof typeof counts>, outcome: CommandOutcome): Promise<CommandOutcome> => {
    await reply(run, { kind: 'backfill', ...counts, ...content });
    deps.log.info({ ...target, issue: event.issue.number, backfill: content.outcome, drafted: counts.drafted, pull: content.pull?.number }, 'design-review: /adr backfill');
    return outcome;
  };
  if (plan.changes.length === 0) {
    return answer({ outcome: 'nothing', added: [], ...(existing ? { pull: existing } : {}) }, 'replied');
  }

  const newTree = await writeTree(gh, target, tree.treeSha ?? (await treeOfCommit(gh, target, head)), plan.changes.map((c) => ({ path: c.path, content: c.after })));
  let added = plan.changes.map((c) => c.path);
  if (existing) {
    if ((await treeOfCommit(gh, target, existing.headSha)) === newTree) return answer({ outcome: 'unchanged', added: [], pull: existing }, 'existing');
    const onBranch = await blobsOfCommit(gh, target, existing.headSha);
    added = plan.changes.filter((c) => onBranch.get(c.path) !== gitBlobSha(c.after)).map((c) => c.path);
  }
  const title = backfillTitle(plan.changes.length);
  await commitToBackfillBranch(gh, target, { tree: newTree, parent: head, message: `${title}\n\nDrafted by /adr backfill from each record's own text (#${event.issue.number}).` });
  const pull = await openOrUpdateBackfillPull(gh, {
    ...target,
    botLogin: run.botLogin,
    base: branch,
    title,
    body: renderBackfillBody(plan, { base: branch, issueNumber: event.issue.number }),
    draft: config.commands.draft,
    ...(existing ? { existing } : {}),
  });
  const outcome = pull.opened ? 'opened' : 'updated';
  return answer({ outcome, added, pull: { number: pull.number, url: pull.url }, draft: pull.opened && config.commands.draft }, pull.opened ? 'created' : 'existing');
}
