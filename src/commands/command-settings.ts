import { positiveInteger } from '../config/env-number.js';
import { REDELIVERY_LOOK_MS } from './adr-command.js';

/** The operator's settings of the /adr commands, read once when the App starts. */
export interface CommandSettings {
  /** Commands running at once across repositories (COMMAND_CONCURRENCY, default 2; one at a time per repository). */
  concurrency: number;
  /** How far apart a command looks for a redelivery's pull request on a taken branch (ADR_REDELIVERY_LOOK_MS). */
  redeliveryLookMs: number;
}

/** Default for COMMAND_CONCURRENCY. */
export const DEFAULT_COMMAND_CONCURRENCY = 2;

/** The settings from `env`; a value that is not a positive whole number keeps its default. */
export function readCommandSettings(env: NodeJS.ProcessEnv): CommandSettings {
  return {
    concurrency: positiveInteger(env['COMMAND_CONCURRENCY'], DEFAULT_COMMAND_CONCURRENCY),
    redeliveryLookMs: positiveInteger(env['ADR_REDELIVERY_LOOK_MS'], REDELIVERY_LOOK_MS),
  };
}
