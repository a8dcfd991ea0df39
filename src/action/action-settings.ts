import { CONFIG_PATH } from '../config/load.js';
import { EXTENDS_ALLOW_VARIABLE, parseExtendsAllow, type ExtendsAllowList } from '../config/extends-allow.js';
import { NO_WARNING_LIMIT, parseWarningLimit, WARNING_LIMIT_HINT } from '../config/warning-limit.js';

/**
 * The Action's inputs and the runner's variables, read once and checked.
 * action.yml passes each input as an `INPUT_*` variable (a composite action
 * gets no automatic ones); the runner sets the `GITHUB_*` ones.
 */

/** Conclusions a check run can have, as `fail-on` may name them. */
export const CHECK_CONCLUSIONS = ['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required', 'stale'] as const;

/** `fail-on` when the input is not given. */
export const DEFAULT_FAIL_ON = 'failure,action_required';
/** `max-warnings` when the input is not given: no limit. */
export const DEFAULT_MAX_WARNINGS = String(NO_WARNING_LIMIT);
/** `config` when the input is not given (the App's file). */
/** The config file the App reads too. */
export const DEFAULT_CONFIG_PATH = CONFIG_PATH;
/** The identity GITHUB_TOKEN writes as. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

/** A mistake in the inputs or the runner's variables; the message says what to change. */
export class ActionInputError extends Error {
  override name = 'ActionInputError';
}

/** What the event needs: which event, and where its payload is. */
export interface EventSettings {
  eventName: string;
  eventPath: string | undefined;
  /** `owner/name` of the repository the workflow runs in. */
  repository: string | undefined;
}

/** Everything the review needs besides the event. */
export interface ReviewSettings {
  token: string;
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string;
  configPath: string;
  /** Repositories the config's `_extends` may name besides this one and its owner's `.github` (CONFIG_EXTENDS_ALLOW in the workflow's env). */
  extendsAllow: ExtendsAllowList;
  failOn: ReadonlySet<string>;
  /** Fail the step when the review has more warnings than this (the CLI's `--max-warnings`); -1: no limit. */
  maxWarnings: number;
  /** The slug of `<slug>[bot]`, the login the token's comments are written as. */
  botSlug: string;
  outputPath: string | undefined;
  summaryPath: string | undefined;
}

/** The event name, payload path and repository. */
export function readEventSettings(env: NodeJS.ProcessEnv): EventSettings {
  return { eventName: env['GITHUB_EVENT_NAME'] ?? '', eventPath: nonEmpty(env['GITHUB_EVENT_PATH']), repository: nonEmpty(env['GITHUB_REPOSITORY']) };
}

/** The review settings; throws ActionInputError naming the input to fix. */
export function readReviewSettings(env: NodeJS.ProcessEnv): ReviewSettings {
  const token = (env['INPUT_GITHUB_TOKEN'] ?? '').trim();
  if (token === '') {
    throw new ActionInputError('The `github-token` input is empty. Leave it out to use the workflow\'s GITHUB_TOKEN, or pass a GitHub App installation token.');
  }
  return {
    token,
    apiUrl: (nonEmpty(env['GITHUB_API_URL']) ?? 'https://api.github.com').replace(/\/+$/, ''),
    configPath: parseConfigPath(nonEmpty(env['INPUT_CONFIG']) ?? DEFAULT_CONFIG_PATH),
    extendsAllow: parseExtendsAllowVariable(env[EXTENDS_ALLOW_VARIABLE]),
    failOn: parseFailOn(env['INPUT_FAIL_ON'] ?? DEFAULT_FAIL_ON),
    maxWarnings: parseMaxWarnings(nonEmpty(env['INPUT_MAX_WARNINGS']) ?? DEFAULT_MAX_WARNINGS),
    botSlug: parseBotLogin(nonEmpty(env['INPUT_BOT_LOGIN']) ?? GITHUB_ACTIONS_LOGIN),
    outputPath: nonEmpty(env['GITHUB_OUTPUT']),
    summaryPath: nonEmpty(env['GITHUB_STEP_SUMMARY']),
  };
}

/** `fail-on`: conclusions separated by commas, spaces or lines; empty never fails the step. */
export function parseFailOn(input: string): ReadonlySet<string> {
  const words = input
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '');
  const unknown = words.filter((w) => !(CHECK_CONCLUSIONS as readonly string[]).includes(w));
  if (unknown.length > 0) {
    throw new ActionInputError(
      `The \`fail-on\` input names unknown conclusions: ${unknown.join(', ')}. Use some of ${CHECK_CONCLUSIONS.join(', ')}, e.g. \`fail-on: failure,action_required\`.`,
    );
  }
  return new Set(words);
}

/** `max-warnings`: the CLI's `--max-warnings`, same values and meaning. */
export function parseMaxWarnings(input: string): number {
  const limit = parseWarningLimit(input);
  if (limit === undefined) throw new ActionInputError(`The \`max-warnings\` input must be ${WARNING_LIMIT_HINT}, e.g. \`max-warnings: 10\`; got "${input}".`);
  return limit;
}

/**
 * `bot-login` as a slug. The review recognises its own comments by the author
 * `<slug>[bot]`, and only GitHub Apps (GITHUB_TOKEN is the github-actions App)
 * may create check runs, so the login is always an App's bot; a bare slug is accepted too.
 */
export function parseBotLogin(input: string): string {
  const match = /^([a-z0-9][a-z0-9-]*)(\[bot\])?$/i.exec(input.trim());
  if (match === null) {
    throw new ActionInputError(
      `The \`bot-login\` input must be a GitHub App's bot login such as \`my-review-app[bot]\`, got "${input}". ` +
        'Check runs can only be created by GitHub Apps, so personal access tokens cannot run this action.',
    );
  }
  return match[1]!.toLowerCase();
}

// CONFIG_EXTENDS_ALLOW: a bad entry stops the step rather than allowing less than the workflow meant.
function parseExtendsAllowVariable(text: string | undefined): ExtendsAllowList {
  const { allow, problems } = parseExtendsAllow(text);
  if (problems.length > 0) throw new ActionInputError(`${problems.join('; ')}. Fix the variable in the workflow's \`env\`.`);
  return allow;
}

// A repository path, relative to its root: the same rule as the App's checklist paths.
function parseConfigPath(input: string): string {
  const path = input.trim().replace(/^\.\//, '');
  if (path.startsWith('/') || path.split('/').includes('..') || path.includes('\0')) {
    throw new ActionInputError(`The \`config\` input must name a file inside the repository, e.g. \`.github/design-review.yml\`, got "${input}".`);
  }
  return path;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
