/**
 * Which revisit triggers a check may call vague. The parser marks every
 * trigger it cannot read as `vague`, with an excerpt when no vague phrase is
 * in it; only those holding a phrase of the checklist's `vaguePhrases`
 * ("when we grow", "revisit later") are known to be vague. The others may be
 * concrete in words the parser does not know (another language, an event such
 * as "a managed service appears"), so checks do not judge them.
 */
import type { Checklists } from '../checklists/types.js';
import type { RevisitTrigger } from '../document/model.js';

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when the trigger holds one of the checklist's vague phrases. */
export function isKnownVague(trigger: RevisitTrigger, checklists: Checklists): boolean {
  if (trigger.kind !== 'vague' || !trigger.vaguePhrase) return false;
  const phrase = normalize(trigger.vaguePhrase);
  return checklists.vaguePhrases.some((p) => normalize(p) === phrase);
}

/** True when the parser could not read the trigger and it holds no known vague phrase. */
export function isUnreadable(trigger: RevisitTrigger, checklists: Checklists): boolean {
  return trigger.kind === 'vague' && !isKnownVague(trigger, checklists);
}
