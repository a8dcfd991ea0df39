import type { Config } from '../config/schema.js';
import { adrDataFromIssue, readIssueText } from '../core/commands/adr-from-issue.js';
import { checkDirOption, chooseAdrFolder, findAdrByNumber, placeAdr, relativeLink, takenNumbers, type RepositoryListing } from '../core/commands/adr-placement.js';
import { CREATED_REPLY_MARKER, pullRequestMarker, replyMarker } from '../core/commands/markers.js';
import { findCommand, type AdrCommand } from '../core/commands/parse-command.js';
import { pullRequestTitle, renderPullRequestBody, type Reply } from '../core/commands/replies.js';
import { addSupersedesLink, markSuperseded } from '../core/commands/supersede.js';
import { numberFromFileName } from '../core/document/title.js';
import { collectionFolder } from '../core/rule-helpers/adr-folder.js';
import { compileTemplate, DOCUMENT_TEMPLATES, renderTemplate, TemplateError } from '../core/render/templates.js';
import { BranchExistsError, createAdrPullRequest, FileExistsError, NumberClaimedError, ProposalStepError, type AdrFileWrite } from '../github/adr-pull-request.js';
import { readAdrRepository } from '../github/adr-repository.js';
import { hasRole, repositoryRole } from '../github/collaborator-permission.js';
import { findCommandReply } from '../github/command-reply.js';
import { githubMessage, httpStatus } from '../github/github-client.js';
import { findMarkedPullRequest } from '../github/marked-pull-request.js';
import { adrNumbersInOpenPullRequests } from '../github/open-pr-adr-numbers.js';
import type { AdrCommandDeps } from './adr-command-deps.js';
import type { CommandEvent } from './adr-command-event.js';
import { fail, react, reply, type CommandOutcome, type Run } from './command-run.js';
import { runBackfill } from './adr-backfill.js';
import { CONFIG_PATH } from '../config/load.js';

/**
 * One `/adr` command, run from the queue after the webhook was answered. Steps:
 *   1. an archived repository refuses every write, a reply included: log and stop;
 *   2. load the config; `commands.enabled: false` stops here, silently;
 *   3. read the author's permission (one request) before anything that grows with the text;
 *   4. read the command from the text (a markdown parse: the App runs it on a worker thread
 *      within a time budget); a `/adr` line in code or a quote is no command: stop, silently;
 *      text that cannot be read in time gets a reply saying so (to a permitted author only);
 *   5. the author needs `commands.permission` (write by default) on the repository, else
 *      one polite reply saying who may run commands, and nothing else;
 *   6. react: 👀 when the command is accepted, 😕 when it is not (usage, unknown, invalid config);
 *   7. help / unknown / usage: the reply; check: a review queued on the App's review queue (🚀);
 *   8. new / supersede: validate the options; reply with the open pull request this issue and
 *      title already have (the marker in its body), if any;
 *   9. read the default branch (head, tree, folder hints, template, record to supersede) and the
 *      numbers open pull requests claim; pick the folder and the next number; render the record
 *      (the issue body read on a worker thread too);
 *  10. create the branch, commit, open the draft pull request; when the branch or the file is
 *      taken (a race) take the next number, a bounded number of times;
 *  11. reply with the link (one reply per command, found by its marker and edited in place).
 * A failure reacts 😕 and replies with what was missing (a permission, a ruleset) or went wrong.
 */

export type { AdrCommandDeps } from './adr-command-deps.js';

export type { CommandOutcome } from './command-run.js';

/** Attempts at a free number when other proposals keep taking the next one. */
export const MAX_NUMBER_ATTEMPTS = 5;
const MAX_TITLE = 300;

type Creating = Extract<AdrCommand, { kind: 'new' | 'supersede' }>;

type AdrRun = Run<AdrCommandDeps>;


/** Run one command (see the steps above). */
export async function runAdrCommand(deps: AdrCommandDeps, event: CommandEvent): Promise<CommandOutcome> {
  const { owner, repo } = event;
  if (event.archived) {
    deps.log.warn({ owner, repo, issue: event.issue.number }, 'design-review: /adr command in an archived repository, which accepts no reply');
    return 'archived';
  }
  const loaded = await deps.loadConfig();
  const config = 'config' in loaded ? loaded.config : undefined;
  if (config?.commands.enabled === false) return 'disabled';

  const run: AdrRun = { deps, event, botLogin: `${await deps.appSlug()}[bot]` };
  const required = config?.commands.permission ?? 'write';
  const role = await repositoryRole(deps.gh, { owner, repo, login: event.author });
  const permitted = hasRole(role, required);
  const command = await (deps.readCommand ?? readCommandHere)(event.text);
  if (command === undefined || (command === 'unreadable' && !permitted)) {
    deps.log.info({ owner, repo, issue: event.issue.number, author: event.author, read: command ?? 'none' }, 'design-review: no /adr command to run');
    return 'no-command';
  }
  if (!permitted) {
    await reply(run, { kind: 'denied', login: event.author, required });
    deps.log.info({ owner, repo, issue: event.issue.number, author: event.author, role }, 'design-review: /adr command denied');
    return 'denied';
  }
  if (command === 'unreadable') return fail(run, { kind: 'failed', problem: 'unreadable', action: 'read the command' });

  const accepted = config !== undefined && command.kind !== 'usage-error' && command.kind !== 'unknown';
  await react(run, accepted ? 'eyes' : 'confused');
  if ('problem' in loaded) {
    await reply(run, { kind: 'failed', problem: 'config', action: 'run the command', detail: loaded.problem.message });
    return 'failed';
  }
  try {
    return await dispatch(run, loaded.config, command);
  } catch (error) {
    deps.log.error({ owner, repo, issue: event.issue.number, err: error }, 'design-review: /adr command failed');
    await react(run, 'confused');
    await reply(run, failureReply(error));
    return 'failed';
  }
}

async function dispatch(run: AdrRun, config: Config, command: AdrCommand): Promise<CommandOutcome> {
  switch (command.kind) {
    case 'help':
      await reply(run, { kind: 'help' });
      return 'replied';
    case 'unknown':
      await reply(run, { kind: 'help', unknown: command.name });
      return 'replied';
    case 'usage-error':
      await reply(run, { kind: 'usage', subcommand: command.subcommand, message: command.message });
      return 'replied';
    case 'check':
      return check(run);
    case 'backfill':
      return runBackfill(run, config);
    case 'new':
    case 'supersede':
      return propose(run, config, command);
  }
}

async function check(run: AdrRun): Promise<CommandOutcome> {
  const { event, deps } = run;
  if (!event.issue.isPullRequest) {
    await react(run, 'confused');
    await reply(run, { kind: 'failed', problem: 'not-a-pull-request', action: 'review' });
    return 'failed';
  }
  const result = await deps.enqueueReview({ owner: event.owner, repo: event.repo, pullNumber: event.issue.number });
  deps.log.info({ owner: event.owner, repo: event.repo, pull: event.issue.number, result }, 'design-review: /adr check queued a review');
  // 🚀: the review is queued (or already is); the check run carries its result, as for a push.
  await react(run, 'rocket');
  return 'queued';
}

/** A usage problem of `new` / `supersede` options, or the template to render. */
function checkOptions(config: Config, command: Creating): { usage: string } | { template: { name: string; repoPath?: string }; dir?: string } {
  if (command.title.length > MAX_TITLE) return { usage: `the title has ${command.title.length} characters; keep it under ${MAX_TITLE}` };
  const status = command.options.status?.toLowerCase();
  if (status !== undefined && !config.statuses.includes(status)) {
    return { usage: `--status must be one of ${config.statuses.join(', ')}` };
  }
  let dir: string | undefined;
  if (command.options.dir !== undefined) {
    const checked = checkDirOption(command.options.dir);
    if (!checked.ok) return { usage: checked.message };
    dir = checked.dir;
  }
  const name = command.options.template ?? config.templates.default;
  if ((DOCUMENT_TEMPLATES as readonly string[]).includes(name)) return { template: { name }, ...(dir === undefined ? {} : { dir }) };
  const repoPath = config.templates.extra[name]?.replace(/^\.\//, '');
  if (repoPath === undefined) {
    return { usage: `--template must be one of ${[...DOCUMENT_TEMPLATES, ...Object.keys(config.templates.extra)].join(', ')} (more go under templates.extra in ${CONFIG_PATH})` };
  }
  if (repoPath.startsWith('/') || repoPath.split('/').includes('..')) return { usage: `templates.extra.${name} must name a file inside the repository` };
  return { template: { name, repoPath }, ...(dir === undefined ? {} : { dir }) };
}

async function propose(run: AdrRun, config: Config, command: Creating): Promise<CommandOutcome> {
  const { deps, event } = run;
  const { gh } = deps;
  const { owner, repo } = event;
  const options = checkOptions(config, command);
  if ('usage' in options) {
    await react(run, 'confused');
    await reply(run, { kind: 'usage', subcommand: command.kind, message: options.usage });
    return 'replied';
  }

  // A redelivery of a command that already got its pull request (perhaps merged or closed since,
  // which the open pull request lookup below no longer sees): our reply says so; nothing more to do.
  const answered = await findCommandReply(gh, { owner, repo, issueNumber: event.issue.number, botLogin: run.botLogin, marker: replyMarker(event.source) });
  if (answered?.body.includes(CREATED_REPLY_MARKER)) {
    deps.log.info({ owner, repo, issue: event.issue.number }, 'design-review: /adr command answered already');
    return 'existing';
  }

  const marker = pullRequestMarker(event.issue.number, command.title);
  const existing = await findMarkedPullRequest(gh, { owner, repo, marker, botLogin: run.botLogin });
  if (existing !== undefined) return replyExisting(run, existing, command.title);

  const supersedes = command.kind === 'supersede' ? command.number : undefined;
  const snapshot = await readAdrRepository(gh, {
    owner,
    repo,
    branch: event.defaultBranch,
    wanted: (paths) => [
      ...(options.template.repoPath === undefined ? [] : [options.template.repoPath]),
      // Every file numbered like the record to supersede: one of them is it, once the folders are known.
      ...(supersedes === undefined ? [] : paths.filter((p) => /\.(md|markdown)$/i.test(p) && numberFromFileName(p) === supersedes).slice(0, 20)),
    ],
  });
  if (snapshot.truncated) deps.log.warn({ owner, repo }, 'design-review: tree truncated, ADR numbers may be incomplete');
  const listing: RepositoryListing = { paths: snapshot.paths, adrDirs: snapshot.adrDirs };

  let old: { path: string; text: string; sha: string } | undefined;
  if (supersedes !== undefined) {
    const path = findAdrByNumber(listing, config, supersedes, options.dir ?? chooseAdrFolder(listing, config));
    const text = path === undefined ? undefined : snapshot.texts.get(path);
    if (path === undefined || text === undefined) {
      return fail(run, { kind: 'failed', problem: 'supersede', action: `supersede ADR-${supersedes}`, detail: `there is no ADR ${supersedes} on ${snapshot.branch}` });
    }
    old = { path, text, sha: snapshot.blobs.get(path)! };
  }
  const folder = options.dir ?? (old === undefined ? chooseAdrFolder(listing, config) : collectionFolder(old.path));
  if (old !== undefined) {
    const trial = markSuperseded(old.text, { number: 1, target: 'x.md' });
    if (!trial.ok) return fail(run, { kind: 'failed', problem: 'supersede', action: `supersede ADR-${supersedes}`, detail: `${old.path}: ${trial.reason}` });
  }

  const templateName = await prepareTemplate(run, options.template, snapshot.texts);
  if (typeof templateName !== 'string') return fail(run, templateName);

  const claims = await adrNumbersInOpenPullRequests(gh, {
    owner,
    repo,
    adrGlobs: [...config.paths.adr, ...snapshot.adrDirs.map((d) => `${d}/**`), `${folder}/**`],
  });
  const taken = takenNumbers(folder, listing, [...claims.values()].flat().map((c) => c.path));
  const issueText = await (deps.readIssueText ?? ((body: string) => Promise.resolve(readIssueText(body))))(event.issue.body);
  const skip: number[] = [];
  for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt += 1) {
    const place = placeAdr(folder, command.title, taken, skip);
    const data = adrDataFromIssue({
      issue: event.issue,
      text: issueText,
      title: command.title,
      number: place.number,
      date: deps.today(),
      ...(command.options.status === undefined ? {} : { status: command.options.status }),
      defaultCalendar: config.revisit.defaultCalendar,
      categories: deps.vocabulary().triggerCategories,
    });
    let content = renderTemplate(templateName, data);
    const files: AdrFileWrite[] = [];
    if (old !== undefined) {
      content = addSupersedesLink(content, { number: supersedes!, target: relativeLink(place.path, old.path) });
      const edit = markSuperseded(old.text, { number: place.number, target: relativeLink(old.path, place.path) });
      if (!edit.ok) throw new Error(edit.reason);
      files.push({ path: place.path, content, message: pullRequestTitle(place.number, command.title) });
      files.push({ path: old.path, content: edit.text, sha: old.sha, message: `ADR-${String(supersedes).padStart(4, '0')}: superseded by ADR-${String(place.number).padStart(4, '0')}` });
    } else {
      files.push({ path: place.path, content, message: pullRequestTitle(place.number, command.title) });
    }
    try {
      const pull = await createAdrPullRequest(gh, {
        owner,
        repo,
        base: { ref: snapshot.branch, sha: snapshot.sha },
        branch: place.branch,
        // `adr/0007-`: the part of the branch name every proposal of this number shares (the slug differs).
        claimPrefix: /^adr\/\d+-/.exec(place.branch)![0],
        ...(deps.sleep === undefined ? {} : { wait: deps.sleep }),
        files,
        title: pullRequestTitle(place.number, command.title),
        body: renderPullRequestBody({
          number: place.number,
          title: command.title,
          issueNumber: event.issue.number,
          path: place.path,
          marker,
          ...(old === undefined ? {} : { supersedes: { number: supersedes!, path: old.path } }),
        }),
        draft: config.commands.draft,
      });
      await reply(run, {
        kind: 'created',
        existing: false,
        number: place.number,
        title: command.title,
        url: pull.url,
        path: place.path,
        branch: place.branch,
        draft: config.commands.draft,
        ...(supersedes === undefined ? {} : { supersedes }),
      });
      deps.log.info({ owner, repo, issue: event.issue.number, pull: pull.number, path: place.path, attempt }, 'design-review: ADR proposed');
      return 'created';
    } catch (error) {
      if (error instanceof BranchExistsError) {
        // Our very branch name: maybe this command's redelivery on another replica, between its
        // branch and its pull request. Give it a few seconds to open that; link it if it does.
        const theirs = await waitForMarkedPullRequest(run, marker);
        if (theirs !== undefined) return replyExisting(run, theirs, command.title);
      }
      if (!(error instanceof BranchExistsError || error instanceof FileExistsError || error instanceof NumberClaimedError)) throw error;
      // Someone took this number between our read and our write: take the next one.
      deps.log.info({ owner, repo, number: place.number, reason: error.message }, 'design-review: ADR number taken, retrying');
      skip.push(place.number);
    }
  }
  throw new Error(`no free ADR number in ${folder} after ${MAX_NUMBER_ATTEMPTS} attempts`);
}

/** Looks for the marked pull request while another run may be opening it: how often, and how far apart. */
export const REDELIVERY_LOOKS = 5;
export const REDELIVERY_LOOK_MS = 2000;

async function waitForMarkedPullRequest(run: AdrRun, marker: string): Promise<{ number: number; url: string; title: string } | undefined> {
  const { deps, event } = run;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let look = 0; look < REDELIVERY_LOOKS; look += 1) {
    await sleep(deps.redeliveryLookMs ?? REDELIVERY_LOOK_MS);
    const found = await findMarkedPullRequest(deps.gh, { owner: event.owner, repo: event.repo, marker, botLogin: run.botLogin });
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Reply with the pull request this issue and title have already. */
async function replyExisting(run: AdrRun, pull: { url: string; title: string }, title: string): Promise<CommandOutcome> {
  const number = Number(/^ADR-(\d+)/.exec(pull.title)?.[1] ?? 0);
  await reply(run, { kind: 'created', existing: true, number, title, url: pull.url });
  return 'existing';
}

/** The name to render: a built-in template, or the repository's one compiled under a name of its own. */
async function prepareTemplate(run: AdrRun, template: { name: string; repoPath?: string }, texts: Map<string, string>): Promise<string | Reply> {
  if (template.repoPath === undefined) return template.name;
  const text = texts.get(template.repoPath);
  const action = `use the template "${template.name}"`;
  if (text === undefined) return { kind: 'failed', problem: 'config', action, detail: `templates.extra.${template.name}: ${template.repoPath} is not a file on ${run.event.defaultBranch}` };
  // Per repository: two repositories may both have a template "rfc".
  const name = `repo:${run.event.owner}/${run.event.repo}:${template.name}`;
  try {
    compileTemplate(name, text);
  } catch (error) {
    if (error instanceof TemplateError) return { kind: 'failed', problem: 'config', action, detail: error.message };
    throw error;
  }
  return name;
}

// The command of a text, read in this thread (tests, and callers without the core pool).
function readCommandHere(text: string): Promise<AdrCommand | undefined> {
  return Promise.resolve(findCommand(text)?.command);
}


/** The reply for an error: a missing permission, a refusing rule, or what went wrong. */
function failureReply(error: unknown): Reply {
  const step = error instanceof ProposalStepError ? error.step : 'run the command';
  const cause = error instanceof ProposalStepError ? error.cause : error;
  const status = httpStatus(cause);
  const message = githubMessage(cause).split('\n')[0]!.slice(0, 200);
  if (status === 403 && /not accessible by integration|permission/i.test(message)) return { kind: 'failed', problem: 'missing-permission', action: step };
  if (error instanceof ProposalStepError && (status === 409 || status === 422 || status === 403)) return { kind: 'failed', problem: 'protected', action: step, detail: message };
  if (error instanceof TemplateError) return { kind: 'failed', problem: 'config', action: step, detail: error.message };
  if (error instanceof RangeError) return { kind: 'failed', problem: 'error', action: step, detail: error.message.replace(/^buildAdrData: /, '') };
  return { kind: 'failed', problem: 'error', action: step, detail: status === undefined ? 'an internal error' : `GitHub answered HTTP ${status}: ${message}` };
}
