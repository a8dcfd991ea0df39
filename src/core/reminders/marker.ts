/**
 * The hidden markers that make GitHub the reminders' state: each reminder
 * issue starts with `<!-- design-review:reminder adr=<path> occurrence=<date> -->`
 * and the health issue with `<!-- design-review:decision-health -->`. The
 * sweep finds its issues through them, so the format is strict: a marker that
 * is not exactly what `reminderMarker` writes is ignored, never guessed at,
 * and a marker counts only in an issue the sweep's own account wrote
 * (`isOwnIssue`).
 */
import { toIso } from '../document/dates.js';
import type { OccurrenceCause } from './types.js';

/** Hidden marker of the one "Decision health" issue of a repository. */
export const HEALTH_MARKER = '<!-- design-review:decision-health -->';

/** What a reminder marker says: which ADR, which occurrence, and what made it due. */
export interface ReminderKey {
  path: string;
  occurrence: string;
  cause: OccurrenceCause;
}

// Paths longer than this are not ADRs in a repository (GitHub caps paths near 4 KB).
const MAX_PATH_LENGTH = 1024;

/**
 * The path in a form that cannot end or confuse an HTML comment: URI-encoded
 * (so no space, `>`, quote or newline), `/` kept readable, and `--` split so
 * the comment holds no `--` at all.
 */
export function encodeMarkerPath(path: string): string {
  return encodeURIComponent(path).replace(/%2F/g, '/').replace(/--/g, '-%2D');
}

/** The hidden marker of a reminder issue; one per ADR and occurrence. */
export function reminderMarker(key: ReminderKey): string {
  const cause = key.cause === 'metric' ? ' cause=metric' : '';
  return `<!-- design-review:reminder adr=${encodeMarkerPath(key.path)} occurrence=${key.occurrence}${cause} -->`;
}

// Fixed prefix and suffix, bounded character classes: linear on any body.
const MARKER = new RegExp(
  `<!-- design-review:reminder adr=([A-Za-z0-9%/._~!'()*-]{1,${MAX_PATH_LENGTH * 3}}) occurrence=(\\d{4}-\\d{2}-\\d{2})( cause=metric)? -->`,
  'g',
);

/**
 * The first reminder marker in an issue body that this app wrote, or
 * undefined. A marker whose path does not decode, is not written the way
 * `reminderMarker` writes it, or whose date is not a real day is ignored: it
 * was typed or altered by someone else.
 */
export function parseReminderMarker(body: string): ReminderKey | undefined {
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(body); m; m = MARKER.exec(body)) {
    const key = readMarker(m[1]!, m[2]!, m[3] !== undefined);
    if (key) return key;
  }
  return undefined;
}

function readMarker(encoded: string, occurrence: string, metric: boolean): ReminderKey | undefined {
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (path === '' || path.length > MAX_PATH_LENGTH || !isRepositoryPath(path)) return undefined;
  // Only the canonical spelling is ours; anything else was hand-written.
  if (encodeMarkerPath(path) !== encoded) return undefined;
  const [y, mo, d] = occurrence.split('-').map(Number) as [number, number, number];
  if (toIso(y, mo, d) !== occurrence) return undefined;
  return { path, occurrence, cause: metric ? 'metric' : 'calendar' };
}

/** A relative POSIX path inside a repository: no leading slash, no `.`/`..` or empty segments, no controls. */
function isRepositoryPath(path: string): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** True when a body carries the health issue's marker. */
export function hasHealthMarker(body: string): boolean {
  return body.includes(HEALTH_MARKER);
}

/** Who wrote an issue, as GitHub lists it (`user.login`, `user.type`). */
export interface IssueAuthor {
  login: string;
  /** `User`, `Bot` or `Organization`; empty when GitHub gave none. */
  type: string;
}

/**
 * Whose markers count: the rule that keeps a marker anyone can type from
 * standing for a reminder. A marker is the sweep's own only in an issue
 * opened by the account the sweep writes as, whoever's token that is:
 * `<slug>[bot]` for the App (its slug from GET /app), and for `remind` with a
 * token the token's own account as GitHub names it (`github-actions[bot]` for
 * a workflow's GITHUB_TOKEN, `<slug>[bot]` for an App's installation token,
 * the user for a personal token). When that account cannot be learned, only
 * an issue by a bot account (`type: Bot`, which no person can sign in as)
 * counts. So a marker pasted by a person into an issue never makes the sweep
 * believe a reminder exists, and the sweep never edits or closes that issue.
 */
export function isOwnIssue(author: IssueAuthor, ownLogin: string | undefined): boolean {
  if (ownLogin !== undefined) return author.login !== '' && author.login.toLowerCase() === ownLogin.toLowerCase();
  return author.type === 'Bot';
}
