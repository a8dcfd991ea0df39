import { reviewPullRequest, type ReviewJobDeps } from '../review/pull-request-review.js';
import { loadBuiltinTemplates } from '../io/read-templates.js';
import { createActionOctokit } from '../github/token-octokit.js';
import { ActionInputError, readEventSettings, readReviewSettings, type ReviewSettings } from './action-settings.js';
import type { CompletedCheckRun } from '../github/check-run.js';
import { appendStepSummary, writeOutputs } from './output-files.js';
import { decideEvent } from './pull-request-event.js';
import { loadRepoConfig } from '../github/repo-config.js';
import { errorText, workflowLog } from './workflow-log.js';
import { CorePool } from '../workers/core-pool.js';
import { warningLimitExceeded } from '../config/warning-limit.js';
import { readPoolSettings } from '../workers/pool-settings.js';
import { reviewInPool } from '../review/review-in-pool.js';
import { plainLine, workflowCommand } from './workflow-commands.js';

/**
 * The GitHub Action: the App's review of one pull request, run inside a
 * workflow with its token. Steps:
 *   1. decide from the event whether there is a pull request to review
 *      (other events: a notice, exit 0, no GitHub request);
 *   2. read and check the inputs;
 *   3. build the client (throttling, retry, config plugins) on GITHUB_API_URL;
 *   4. run reviewPullRequest, the App's job, unchanged;
 *   5. read the check run back (one request) for the outputs and the job summary;
 *   6. exit 1 when its conclusion is in `fail-on`, when it has more warnings
 *      than `max-warnings`, when the review could not run, or when GitHub
 *      refused the token (naming the permission to grant); 0 otherwise.
 */

/** The process's surroundings, injected so tests can run it in-process too. */
export interface ActionIo {
  env: NodeJS.ProcessEnv;
  /** One line of the step's log (stdout on a runner). */
  write: (line: string) => void;
}

const TITLE = { title: 'Design review' };

/** Runs the Action and returns the process exit code. */
export async function runAction({ env, write }: ActionIo): Promise<number> {
  const { eventName, eventPath, repository } = readEventSettings(env);
  const decision = decideEvent(eventName, eventPath, repository);
  if (decision.kind === 'skip') {
    write(workflowCommand('notice', decision.reason, TITLE));
    return 0;
  }

  let settings: ReviewSettings;
  try {
    settings = readReviewSettings(env);
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    write(workflowCommand('error', error.message, TITLE));
    return 1;
  }

  const { target, fromFork } = decision;
  const hintContext = { fromFork, eventName };
  const octokit = createActionOctokit({
    token: settings.token,
    baseUrl: settings.apiUrl,
    log: { warn: (m) => write(workflowCommand('warning', m)), request: (m) => write(workflowCommand('debug', m)) },
  });
  // The App's worker threads and time budgets: a fork's hostile document costs the runner seconds, not hours.
  const pool = new CorePool(readPoolSettings(env));
  const deps: ReviewJobDeps = {
    reviewFiles: reviewInPool(pool),
    gh: octokit,
    log: workflowLog({ write, ...hintContext }),
    loadConfig: () => loadRepoConfig(octokit, { owner: target.owner, repo: target.repo, path: settings.configPath }, { extendsAllow: settings.extendsAllow }),
    appSlug: () => Promise.resolve(settings.botSlug),
    configPath: settings.configPath,
  };

  loadBuiltinTemplates();
  write(plainLine(`Design review of ${target.owner}/${target.repo}#${target.pullNumber} (${eventName}, config ${settings.configPath})`));
  let outcome: string;
  let result: CompletedCheckRun;
  try {
    const review = await reviewPullRequest(deps, target);
    outcome = review.outcome;
    if (review.checkRun === undefined) throw new Error(`the review ended (${outcome}) without completing its check run`);
    result = review.checkRun;
  } catch (error) {
    write(workflowCommand('error', `Design review could not run: ${errorText(error, hintContext)}`, TITLE));
    return 1;
  } finally {
    await pool.close();
  }

  writeOutputs(settings.outputPath, {
    conclusion: result.conclusion,
    findings: String(result.annotations.failure + result.annotations.warning + result.annotations.notice),
    outcome,
    'check-run-id': String(result.id),
    'check-run-url': result.url,
    summary: result.summary,
  });
  appendStepSummary(settings.summaryPath, stepSummary(result));
  write(plainLine(`Design review: ${result.conclusion}, ${result.title} (${result.url})`));

  // A review that could not run is not a result `fail-on` can waive; the job already logged why.
  if (outcome === 'failed') return 1;
  if (settings.failOn.has(result.conclusion)) {
    write(workflowCommand('error', `Design review concluded "${result.conclusion}" (fail-on: ${[...settings.failOn].join(',')}): ${result.title}`, TITLE));
    return 1;
  }
  const tooMany = warningLimitExceeded(result.annotations.warning, settings.maxWarnings, 'max-warnings');
  if (tooMany !== undefined) {
    write(workflowCommand('error', `Design review: ${tooMany} (the check run concluded "${result.conclusion}")`, TITLE));
    return 1;
  }
  return 0;
}

// The job summary: the check run's own summary (it has its heading), and a link to the run.
function stepSummary(result: CompletedCheckRun): string {
  return result.url === '' ? `${result.summary}\n` : `${result.summary}\n\n[Check run: ${result.title}](${result.url})\n`;
}
