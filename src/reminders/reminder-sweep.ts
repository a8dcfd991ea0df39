import { builtinChecklists } from '../io/builtin-checklists.js';
import type { Config } from '../config/schema.js';
import { addDays, compareIso } from '../core/document/dates.js';
import type { DecisionDoc } from '../core/document/model.js';
import { parseDecisionDoc } from '../core/document/parse.js';
import { parseCodeowners, type Codeowners } from '../core/reminders/codeowners.js';
import { renderHealthIssue } from '../core/reminders/decision-health.js';
import { hasHealthMarker, isOwnIssue } from '../core/reminders/marker.js';
import { lastRemindersFromIssues, planReminders, withoutUnsureCloses } from '../core/reminders/plan-reminders.js';
import type { ExistingIssue, ReminderAction, ReminderAdr, SkipLog } from '../core/reminders/types.js';
import { readBranchHead } from '../github/branch-head.js';
import { adrPathsOf, readBranchTree, readDefaultBranchAdrs, treeFingerprint, type BranchTree } from '../github/default-branch-adrs.js';
import type { GitHub, RepoRef } from '../github/github-client.js';
import { closeWithComment, editIssue, listOwnIssues, openIssue, type ListedIssue } from '../github/reminder-issues.js';
import type { SweepCache } from './sweep-cache.js';
import type { JobLog } from '../shared/job-log.js';
import { readMetrics, metricsBreached, type MetricsSession } from './sweep-metrics.js';
import type { PrometheusSettings } from './prometheus-client.js';
import { describeFailure } from './sweep-failure.js';
import { nextCheckDate, sameHealthBody } from './sweep-schedule.js';
import { cacheKeys, readCachedSweep, writeCachedSweep, type SweepInputs, type SweepState } from './sweep-state.js';
import { CONFIG_PATH } from '../config/load.js';
import { checkRepoConfig, type LoadedConfig } from '../github/repo-config.js';
import { listInstallationRepositories, readRepoFacts, type ListedRepository, type RepoFacts } from '../github/installations.js';

/**
 * The scheduled revisit-reminder sweep (issue 5) of one repository or of a
 * whole installation. Steps for one repository:
 *   1. with a remembered state: one conditional read of the default branch
 *      head (304 when it did not move); when nothing moved and no date has
 *      come (and no metric trigger breaches), stop: "unchanged";
 *   2. when the head moved: one tree read; when the blobs that decide the
 *      reminders (ADRs, config, CODEOWNERS, folder hints) are the same, stop;
 *   3. otherwise read the repository (archived? issues on?), the config
 *      (`reminders.enabled: false` stops here), the ADRs and CODEOWNERS
 *      (tree + GraphQL batches of 50), unless the remembered files still hold;
 *   4. list the reminder issues, open and closed: those the sweep's own account
 *      opened, whatever their labels (see `isOwnIssue`: when that account is
 *      unknown, the labelled ones a bot account opened; never a person's);
 *   5. evaluate metric triggers against Prometheus when configured;
 *   6. plan (pure core), then create, close with a comment, and write the
 *      "Decision health" issue in place when configured;
 *   7. remember the head, its ETag, the files and the next date anything can
 *      come due, so the next sweep can stop at step 1.
 * GitHub holds the reminders' state (issue markers): a crash at any step is
 * completed by the next sweep without duplicates. Nothing is remembered after
 * a failure or a dry run.
 */

export { MemorySweepCache, type SweepCache } from './sweep-cache.js';

/** What a sweep needs, injected so tests (and the scheduler) pin the clock, client and cache. */
export interface SweepDeps {
  /** A client authenticated as the installation (or a repository token). */
  gh: GitHub;
  log: JobLog;
  /** Today, ISO `YYYY-MM-DD`. */
  today: () => string;
  /** A repository's config, or what is wrong with it (loadRepoConfig, src/github/repo-config.ts). */
  loadConfig: (target: { owner: string; repo: string }) => Promise<LoadedConfig>;
  /** The App's slug: the App's issues are written as `<slug>[bot]`, and only those are its reminders. */
  appSlug?: () => Promise<string>;
  /**
   * The login the client writes as, when it is not an App's own (a token given to `remind`: see
   * `readTokenLogin`); it wins over `appSlug`. With neither, or when both fail, only issues by a
   * bot account count (`isOwnIssue`).
   */
  ownLogin?: () => Promise<string>;
  /** Remembered state per repository, for cheap sweeps when nothing changed. */
  cache?: SweepCache;
  /** Prometheus for metric (`when:`) triggers, and the operator's allow-list; without it they are listed, not evaluated. */
  prometheus?: PrometheusSettings;
  /** Plan only: read everything, write nothing (issues or cache), report the planned actions. */
  dryRun?: boolean;
  /** Shared by the repositories of one sweep (set by the sweep itself): a Prometheus timeout stops evaluation for the rest of it. */
  metricsSession?: MetricsSession;
}

/** One action as planned, for reports and `--dry-run`. */
export interface PlannedAction {
  action: ReminderAction['action'] | 'create-health' | 'update-health';
  path?: string;
  occurrence?: string;
  number?: number;
  title?: string;
  assignees?: string[];
  reason?: string;
}

/** How the sweep of one repository ended. */
export interface RepoSweepResult {
  repo: string;
  outcome: 'swept' | 'unchanged' | 'disabled' | 'skipped' | 'failed';
  /** Reminder issues opened. */
  created: number[];
  /** Reminder issues closed. */
  closed: number[];
  /** Open reminders left as they are. */
  kept: number;
  reason?: string;
  /** The plan (always filled when the sweep planned; the only output of a dry run). */
  planned?: PlannedAction[];
  /** ADRs and triggers skipped, each naming file and line. */
  skippedAdrs?: SkipLog[];
  /** Number of the "Decision health" issue, when written or found. */
  health?: number;
  /** HTTP status behind a skip or failure, when one caused it. */
  status?: number;
}

export type { RepoFacts } from '../github/installations.js';


/** Sweep one repository (see the steps above); never throws: failures are the `failed` or `skipped` outcome. */
export async function sweepRepository(deps: SweepDeps, target: { owner: string; repo: string }): Promise<RepoSweepResult> {
  return sweepWithFacts(deps, target, undefined);
}

/** Sweep one repository whose facts (default branch, archived, issues on) are known from a listing. */
export async function sweepWithFacts(deps: SweepDeps, target: RepoRef, facts: RepoFacts | undefined): Promise<RepoSweepResult> {
  const progress: Progress = { created: [], closed: [], kept: 0 };
  try {
    return await sweep(deps.metricsSession ? deps : { ...deps, metricsSession: {} }, target, facts, progress);
  } catch (error) {
    const failure = describeFailure(error);
    const result = outcome(target, failure.outcome, progress, failure.reason);
    if (failure.status !== undefined) result.status = failure.status;
    deps.log[failure.outcome === 'failed' ? 'error' : 'warn']({ repo: result.repo, status: failure.status }, `reminder sweep ${failure.outcome}: ${failure.reason}`);
    return result;
  }
}

/**
 * Sweep every repository of the installation the client is authenticated as
 * (GET /installation/repositories, every page). Archived repositories and
 * those without issues are skipped from the listing, without a request; when
 * GitHub stops accepting the installation's token mid-sweep, the remaining
 * repositories are reported failed without a request rather than each failing
 * the same way.
 */
export async function sweepInstallation(sweepDeps: SweepDeps): Promise<RepoSweepResult[]> {
  // One metrics session for every repository: after a Prometheus timeout, no repository waits on it again.
  const deps: SweepDeps = { ...sweepDeps, metricsSession: sweepDeps.metricsSession ?? {} };
  let repos: ListedRepository[];
  try {
    repos = await listInstallationRepositories(deps.gh);
  } catch (error) {
    const failure = describeFailure(error);
    deps.log.warn({ status: failure.status }, `cannot list the installation's repositories: ${failure.reason}`);
    return [{ repo: '(installation)', outcome: failure.outcome, created: [], closed: [], kept: 0, reason: failure.reason, ...(failure.status ? { status: failure.status } : {}) }];
  }
  const results: RepoSweepResult[] = [];
  let lost: string | undefined;
  for (const repo of [...repos].sort((a, b) => (a.full_name < b.full_name ? -1 : a.full_name > b.full_name ? 1 : 0))) {
    const target = { owner: repo.owner.login, repo: repo.name };
    if (lost) {
      // Failed, not skipped: the next sweep, with a new token, is expected to reach them.
      results.push(outcome(target, 'failed', { created: [], closed: [], kept: 0 }, lost));
      continue;
    }
    if (repo.archived) {
      results.push(outcome(target, 'skipped', { created: [], closed: [], kept: 0 }, 'archived'));
      continue;
    }
    if (repo.has_issues === false) {
      results.push(outcome(target, 'skipped', { created: [], closed: [], kept: 0 }, 'issues are turned off'));
      continue;
    }
    const facts = repo.default_branch ? { defaultBranch: repo.default_branch, archived: false, hasIssues: true, ...(repo.html_url ? { htmlUrl: repo.html_url } : {}) } : undefined;
    const result = await sweepWithFacts(deps, target, facts);
    results.push(result);
    // 401: the token no longer counts (expired, revoked, or the installation suspended): the other
    // repositories would fail alike this time, so they are not tried.
    if (result.status === 401) lost = `not tried: GitHub refused the installation's token (${result.reason ?? 'HTTP 401'})`;
  }
  return results;
}

interface Progress {
  created: number[];
  closed: number[];
  kept: number;
  health?: number;
}

async function sweep(deps: SweepDeps, target: RepoRef, facts: RepoFacts | undefined, progress: Progress): Promise<RepoSweepResult> {
  const { gh, log } = deps;
  const name = `${target.owner}/${target.repo}`;
  const today = deps.today();
  const keys = cacheKeys(name);
  const cached = deps.cache ? await readCachedSweep(deps.cache, keys, today, log) : {};
  let state = cached.state;
  // The remembered files are trusted for a bounded time: see FULL_READ_DAYS.
  let inputs = state && compareIso(today, addDays(state.fullOn, FULL_READ_DAYS)) < 0 ? cached.inputs : undefined;

  // Step 1: one conditional request tells whether the default branch moved.
  let head: { sha: string; etag?: string; branch: string } | undefined;
  let tree: BranchTree | undefined;
  // The config of `inputs`, once validated in step 2 or read in step 3: not validated again below.
  let checked: Config | undefined;
  if (state) {
    const read = await readBranchHead(gh, target, state.branch, state.etag);
    if (read.kind === 'not-modified' || (read.kind === 'moved' && read.sha === state.head)) {
      head = { sha: state.head, branch: state.branch, ...(read.kind === 'moved' && read.etag ? { etag: read.etag } : state.etag ? { etag: state.etag } : {}) };
      if (await quiet(deps, state, today)) return outcome(target, state.outcome === 'disabled' ? 'disabled' : 'unchanged', progress);
    } else if (read.kind === 'moved') {
      head = { sha: read.sha, branch: state.branch, ...(read.etag ? { etag: read.etag } : {}) };
      // Step 2: the head moved; the blobs that decide the reminders may not have.
      if (inputs) {
        tree = await readBranchTree(gh, target, read.sha);
        checked = configOf(inputs.configRaw);
        const fingerprint = checked ? treeFingerprint(tree, adrPathsOf(tree, checked, inputs.adrDirs)) : undefined;
        if (fingerprint && fingerprint === inputs.fingerprint) {
          state = { ...state, head: head.sha, ...(head.etag ? { etag: head.etag } : {}) };
          inputs = { ...inputs, commit: head.sha };
          if (await quiet(deps, state, today)) {
            if (!deps.dryRun && deps.cache) await writeCachedSweep(deps.cache, keys, state, inputs, log);
            return outcome(target, state.outcome === 'disabled' ? 'disabled' : 'unchanged', progress);
          }
        } else {
          inputs = undefined;
        }
      }
    } else {
      inputs = undefined;
    }
  }
  if (inputs && head && inputs.commit !== head.sha) inputs = undefined;

  // Step 3: read what the remembered state cannot stand in for.
  let readNow = false;
  if (!inputs || !head) {
    readNow = true;
    const repoFacts = facts ?? (await readRepoFacts(gh, target));
    if (repoFacts.archived) return outcome(target, 'skipped', progress, 'archived');
    if (!repoFacts.hasIssues) return outcome(target, 'skipped', progress, 'issues are turned off');
    if (!head || head.branch !== repoFacts.defaultBranch) {
      const read = await readBranchHead(gh, target, repoFacts.defaultBranch);
      if (read.kind !== 'moved') return outcome(target, 'skipped', progress, `the default branch ${repoFacts.defaultBranch} has no commit`);
      head = { sha: read.sha, branch: repoFacts.defaultBranch, ...(read.etag ? { etag: read.etag } : {}) };
      tree = undefined;
    }
    const loaded = await deps.loadConfig(target);
    if ('problem' in loaded) throw loaded.problem;
    const { config, raw: configRaw } = loaded;
    checked = config;
    if (!config.reminders.enabled) {
      inputs = { commit: head.sha, configRaw, adrDirs: [], adrs: [], ...(repoFacts.htmlUrl ? { htmlUrl: repoFacts.htmlUrl } : {}) };
    } else {
      tree ??= await readBranchTree(gh, target, head.sha);
      const files = await readDefaultBranchAdrs(gh, target, tree, config);
      for (const { path, reason } of files.unreadable) log.warn({ repo: name, file: path }, `${path}: skipped: ${reason}`);
      inputs = {
        commit: head.sha,
        configRaw,
        adrDirs: files.adrDirs,
        adrs: files.adrs,
        unreadable: files.unreadable.map((u) => u.path),
        ...(files.codeowners ? { codeowners: files.codeowners } : {}),
        ...(files.fingerprint ? { fingerprint: files.fingerprint } : {}),
        ...(files.incomplete ? { incomplete: true } : {}),
        ...(repoFacts.htmlUrl ? { htmlUrl: repoFacts.htmlUrl } : {}),
      };
    }
  }

  const config = checked ?? validated(inputs.configRaw);
  const fullOn = state && !readNow ? state.fullOn : today;
  if (!config.reminders.enabled) {
    log.info({ repo: name }, 'reminders are turned off (reminders.enabled: false)');
    if (!deps.dryRun && deps.cache) {
      const disabled: SweepState = { v: 1, branch: head.branch, head: head.sha, nextCheck: '9999-12-31', fullOn, outcome: 'disabled', metrics: [], ...(head.etag ? { etag: head.etag } : {}) };
      await writeCachedSweep(deps.cache, keys, disabled, inputs, log);
    }
    return outcome(target, 'disabled', progress);
  }

  const { adrs, skipped } = parseAdrs(inputs, name);
  const codeowners = readCodeowners(inputs, log, name);

  // Step 4: the reminders GitHub holds. Only the sweep's own issues count, labelled or not: a
  // marker a person wrote (a forged `occurrence=2099-01-01`) silences nothing, and a reminder
  // whose label was removed or renamed is not opened again. The one creator listing replaces the
  // per-label listings, so this costs no extra request.
  const own = await ownLogin(deps, name);
  const issues = await listOwnIssues(gh, target, own, config.reminders.labels);

  // Step 5: metric readings, when Prometheus is configured.
  const metrics = deps.prometheus ? await readMetrics(deps.prometheus, adrs.map((a) => a.doc), log, name, deps.metricsSession) : { readings: [], conditions: [] };

  // Step 6: plan and carry out.
  const plan = planReminders({
    adrs,
    today,
    config,
    issues,
    ...(codeowners ? { codeowners } : {}),
    metrics: metrics.readings,
    // GitHub's own address for the repository (GHE's host on Enterprise Server), remembered with the
    // inputs; without it (state from an older version) the reminder links no file rather than a wrong one.
    ...(inputs.htmlUrl ? { repoUrl: inputs.htmlUrl } : {}),
  });
  const unreadable = new Set([...(inputs.unreadable ?? []), ...skipped.map((s) => s.path)]);
  const { actions, held } = withoutUnsureCloses(plan.actions, { incomplete: inputs.incomplete === true, unreadable });
  if (held.length > 0) log.warn({ repo: name }, `the tree was truncated and the ADR listing may be incomplete: not closing ${held.length} reminder(s) as removed (${held.join(', ')})`);
  // Triggers the operator's PROMETHEUS_QUERY_ALLOW refused are reported with the others skipped.
  const skippedAdrs = [...skipped, ...plan.skipped, ...(metrics.refused ?? [])];
  for (const s of plan.skipped) log.warn({ repo: name, file: s.path, line: s.line }, `${s.path}:${s.line}: ${s.message}`);

  const planned: PlannedAction[] = actions.map(describeAction);
  const created: ExistingIssue[] = [];
  if (!deps.dryRun) {
    for (const action of actions) {
      if (action.action === 'keep') {
        progress.kept += 1;
      } else if (action.action === 'create') {
        const opened = await openIssue(gh, target, action);
        progress.created.push(opened.number);
        created.push({ number: opened.number, state: 'open', body: action.body, labels: action.labels, title: action.title });
        if (opened.droppedAssignees.length > 0) {
          log.warn({ repo: name, issue: opened.number }, `GitHub refused the assignees ${opened.droppedAssignees.join(', ')}: #${opened.number} opened without assignees`);
        }
        log.info({ repo: name, issue: opened.number, file: action.path, occurrence: action.occurrence }, `opened reminder #${opened.number} for ${action.path}`);
      } else {
        await closeWithComment(gh, target, action.number, action.comment);
        progress.closed.push(action.number);
        log.info({ repo: name, issue: action.number, file: action.path, reason: action.reason }, `closed reminder #${action.number} (${action.reason})`);
      }
    }
  } else {
    progress.kept = actions.filter((a) => a.action === 'keep').length;
  }

  if (config.reminders.healthIssue) {
    const afterActions = issues.map((i) => (progress.closed.includes(i.number) ? { ...i, state: 'closed' as const } : i));
    const health = await writeHealthIssue(deps, target, { adrs, today, config, issues: [...afterActions, ...created], lastReminders: lastRemindersFromIssues([...afterActions, ...created]) }, afterActions, own);
    if (health.planned) planned.push(health.planned);
    if (health.number !== undefined) progress.health = health.number;
  }

  // Step 7: remember, so the next sweep of an unchanged repository costs one request.
  if (!deps.dryRun && deps.cache) {
    const next = nextCheckDate(adrs.map((a) => a.doc), [...issues, ...created], today, config);
    const remembered: SweepState = {
      v: 1,
      branch: head.branch,
      head: head.sha,
      nextCheck: unreadable.size > 0 ? addDays(today, 1) : next,
      fullOn,
      outcome: 'swept',
      metrics: metrics.conditions,
      ...(head.etag ? { etag: head.etag } : {}),
    };
    await writeCachedSweep(deps.cache, keys, remembered, inputs, log);
  }

  const result = outcome(target, 'swept', progress);
  result.planned = planned;
  result.skippedAdrs = skippedAdrs;
  return result;
}

/** True when the remembered state still answers for today: no date has come, no full read is due, no metric breaches. */
async function quiet(deps: SweepDeps, state: SweepState, today: string): Promise<boolean> {
  if (compareIso(today, state.nextCheck) >= 0) return false;
  if (compareIso(today, addDays(state.fullOn, FULL_READ_DAYS)) >= 0) return false;
  if (deps.prometheus && state.metrics.length > 0 && (await metricsBreached(deps.prometheus, state.metrics, deps.log, deps.metricsSession))) return false;
  return true;
}

// Read everything again at least this often, whatever the cache says: a config `_extends`
// in another repository, or a label removed by hand, leave no trace on this branch.
const FULL_READ_DAYS = 7;

/**
 * The login the sweep's issues are written as: the token's own (`ownLogin`), else the App's
 * `<slug>[bot]`. Undefined when neither is given or GitHub did not answer: then only labelled
 * issues by a bot account count (`isOwnIssue`), which no person can forge.
 */
async function ownLogin(deps: SweepDeps, repo: string): Promise<string | undefined> {
  try {
    if (deps.ownLogin) return await deps.ownLogin();
    if (!deps.appSlug) return undefined;
    const slug = await deps.appSlug();
    return slug === '' ? undefined : `${slug}[bot]`;
  } catch (error) {
    deps.log.warn({ repo }, `the sweep's own login is unknown (${(error as Error).message}): only labelled issues by a bot account count as its reminders`);
    return undefined;
  }
}

/** A config kept with the sweep's inputs, checked again (the schema may have changed since); throws what is wrong. */
function validated(raw: unknown): Config {
  const loaded = checkRepoConfig(raw, CONFIG_PATH);
  if ('problem' in loaded) throw loaded.problem;
  return loaded.config;
}

function configOf(raw: unknown): Config | undefined {
  const loaded = checkRepoConfig(raw, CONFIG_PATH);
  return 'config' in loaded ? loaded.config : undefined;
}

function parseAdrs(inputs: SweepInputs, repo: string): { adrs: ReminderAdr[]; skipped: SkipLog[] } {
  const adrs: ReminderAdr[] = [];
  const skipped: SkipLog[] = [];
  const checklists = builtinChecklists();
  for (const file of inputs.adrs) {
    let doc: DecisionDoc;
    try {
      doc = parseDecisionDoc(file.text, file.path, 'adr', checklists).doc;
    } catch (error) {
      // One unreadable record must not stop the others.
      skipped.push({ path: file.path, line: 1, message: `could not be parsed in ${repo}: ${(error as Error).message}` });
      continue;
    }
    adrs.push({ doc, commit: inputs.commit, ...(file.blobSha ? { blobSha: file.blobSha } : {}) });
  }
  return { adrs, skipped };
}

function readCodeowners(inputs: SweepInputs, log: JobLog, repo: string): Codeowners | undefined {
  if (!inputs.codeowners) return undefined;
  const codeowners = parseCodeowners(inputs.codeowners.text);
  for (const problem of codeowners.invalid) {
    log.warn({ repo, file: inputs.codeowners.path, line: problem.line }, `${inputs.codeowners.path}:${problem.line}: ignored: ${problem.reason}`);
  }
  return codeowners;
}

async function writeHealthIssue(
  deps: SweepDeps,
  target: RepoRef,
  input: Parameters<typeof renderHealthIssue>[0],
  listed: ListedIssue[],
  own: string | undefined,
): Promise<{ number?: number; planned?: PlannedAction }> {
  const health = renderHealthIssue(input);
  // `listed` holds the sweep's own issues only; checked again because editing a person's issue is the harm.
  const existing = listed.find((i) => hasHealthMarker(i.body) && isOwnIssue({ login: i.author, type: i.authorType }, own));
  if (existing && existing.title === health.title && sameHealthBody(existing.body, health.body)) return { number: existing.number };
  const labels = [...input.config.reminders.labels];
  if (deps.dryRun) {
    return existing
      ? { number: existing.number, planned: { action: 'update-health', number: existing.number, title: health.title } }
      : { planned: { action: 'create-health', title: health.title } };
  }
  if (existing) {
    await editIssue(deps.gh, target, existing.number, { title: health.title, body: health.body });
    return { number: existing.number };
  }
  // The health issue carries the reminder labels so the same listing finds it next time.
  const opened = await openIssue(deps.gh, target, { title: health.title, body: health.body, labels, assignees: [] });
  return { number: opened.number };
}

function describeAction(action: ReminderAction): PlannedAction {
  switch (action.action) {
    case 'create':
      return { action: 'create', path: action.path, occurrence: action.occurrence, title: action.title, assignees: action.assignees };
    case 'keep':
      return { action: 'keep', path: action.path, occurrence: action.occurrence, number: action.number };
    case 'close':
      return { action: 'close', path: action.path, occurrence: action.occurrence, number: action.number, reason: action.reason };
  }
}

function outcome(target: RepoRef, kind: RepoSweepResult['outcome'], progress: Progress, reason?: string): RepoSweepResult {
  return {
    repo: `${target.owner}/${target.repo}`,
    outcome: kind,
    created: [...progress.created],
    closed: [...progress.closed],
    kept: progress.kept,
    ...(reason ? { reason } : {}),
    ...(progress.health !== undefined ? { health: progress.health } : {}),
  };
}
