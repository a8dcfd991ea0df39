/**
 * Who a reminder is assigned to: the ADR's deciders that are GitHub users
 * (`@octocat`), else the owners CODEOWNERS gives the file. Teams and plain
 * names cannot be assignees, so they are left out rather than guessed.
 */
import type { DecisionDoc } from '../document/model.js';
import { ownersOf, userLogins, type Codeowners } from './codeowners.js';

/** GitHub accepts at most ten assignees on an issue. */
export const MAX_ASSIGNEES = 10;

/** Logins to assign: deciders written as `@login`, else (when allowed) the file's CODEOWNERS users; at most ten, deduplicated. */
export function reminderAssignees(doc: DecisionDoc, codeowners: Codeowners | undefined, useCodeowners: boolean): string[] {
  // A decider line may hold several handles ("@alice, @bob"): read every token.
  const deciders = userLogins(doc.participants.flatMap((p) => p.value.split(/[\s,;]+/)));
  const logins = deciders.length > 0 || !useCodeowners || !codeowners ? deciders : userLogins(ownersOf(codeowners, doc.path));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const login of logins) {
    const key = login.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(login);
    if (out.length === MAX_ASSIGNEES) break;
  }
  return out;
}
