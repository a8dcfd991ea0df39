/**
 * Text the bot echoes on GitHub (document text in the summary comment, inline
 * comments, check runs; ADR text in reminder issues; command text in replies),
 * made unable to notify anyone or cross-reference anything. GitHub turns
 * `@octocat` and `@org/team` into mentions that notify, and `#12`,
 * `owner/repo#12`, `GH-12` and issue, pull request or discussion URLs into
 * references that post a "mentioned this" event on that issue. A zero-width
 * space (U+200B) placed inside each one breaks GitHub's autolinking while the
 * text reads the same.
 *
 * For text shown on GitHub only, never for file content (an ADR file, a
 * ```suggestion block GitHub writes into the file): there the invisible
 * character would end up in the user's repository. GitHub links nothing in
 * code spans and fenced code, so text shown there can stay exact.
 *
 * Every pattern is a literal (or a run of non-spaces) with at most a
 * one-character lookahead: linear on any input.
 */

const ZERO_WIDTH_SPACE = '\u200b';

/** `@` starting a login or team: `@octocat`, `@acme/security-team`. */
const MENTION = /@(?=[A-Za-z0-9])/g;
/** `#` starting an issue number: `#12`, and so `owner/repo#12` too. */
const ISSUE_NUMBER = /#(?=[0-9])/g;
/** `GH-12`, GitHub's other issue reference (any case). */
const GH_NUMBER = /GH-(?=[0-9])/gi;
/** The path of an issue, pull request or discussion URL, up to its number: `/issues/1`, `/pull/2`. */
const ISSUE_PATH = /\/(issues|pull|pulls|discussions)\/(?=[0-9])/gi;
const HAS_ISSUE_PATH = /\/(?:issues|pull|pulls|discussions)\/[0-9]/i;
/** A run of non-space characters: a URL, as GitHub autolinks it, ends at a space. */
const TOKEN = /\S+/g;
/** Where GitHub starts autolinking a URL: the scheme before `://`, or `www` before `.`. */
const URL_START = /\bhttps?(?=:\/\/)|\bwww(?=\.)/gi;

/**
 * Issue, pull request and discussion URLs (`https://github.com/o/r/issues/1`,
 * `www.github.com/o/r/pull/2`) on any host, GitHub Enterprise included: the
 * number is split from the path so nothing reads the URL as a reference, and
 * the scheme (or `www`) is split so it is not autolinked. Matched per
 * whitespace-delimited run, never with a pattern that scans ahead from every
 * position, so the cost stays linear.
 */
function neutralizeIssueUrls(text: string): string {
  if (!HAS_ISSUE_PATH.test(text)) return text;
  return text.replace(TOKEN, (token) =>
    HAS_ISSUE_PATH.test(token)
      ? token.replace(ISSUE_PATH, `/$1/${ZERO_WIDTH_SPACE}`).replace(URL_START, (start) => `${start}${ZERO_WIDTH_SPACE}`)
      : token,
  );
}

/** Plain text with every @mention, `#N`, `owner/repo#N`, `GH-N` and issue URL broken by a zero-width space; idempotent. */
export function neutralizeReferences(text: string): string {
  return neutralizeIssueUrls(text)
    .replace(MENTION, `@${ZERO_WIDTH_SPACE}`)
    .replace(ISSUE_NUMBER, `#${ZERO_WIDTH_SPACE}`)
    .replace(GH_NUMBER, (prefix) => `${prefix}${ZERO_WIDTH_SPACE}`);
}
