/**
 * Which revisit triggers a check may call vague. The parser marks a trigger
 * `vague` with a `vaguePhrase` only when it holds a phrase of the checklist's
 * `vaguePhrases` ("when we grow", "revisit later") and nothing concrete; a
 * trigger it cannot read at all is `vague` with no phrase. That one may be
 * concrete in words the parser does not know (another language, an unusual
 * event), so checks do not judge it.
 */
import type { RevisitTrigger } from '../document/model.js';

/** True when the trigger holds one of the checklist's vague phrases (and nothing concrete). */
export function isKnownVague(trigger: RevisitTrigger): trigger is RevisitTrigger & { vaguePhrase: string } {
  return trigger.kind === 'vague' && trigger.vaguePhrase !== undefined && trigger.vaguePhrase.trim() !== '';
}

/** True when the parser could not read the trigger and it holds no known vague phrase. */
export function isUnreadable(trigger: RevisitTrigger): boolean {
  return trigger.kind === 'vague' && !isKnownVague(trigger);
}
