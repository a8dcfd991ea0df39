import { configSchema, type ConfigInput } from '../../src/config/schema.js';
import { parseChecklistFiles } from '../../src/core/checklists/load-checklists.js';
import { readBuiltinChecklistFiles } from '../../src/io/read-checklists.js';
import type { Checklists } from '../../src/core/checklists/types.js';
import type { ReviewOptions } from '../../src/core/review-model.js';

/** The date every test pins as today. */
export const TODAY = '2026-11-21';

let builtin: Checklists | undefined;

/** The built-in checklists, loaded once per test file. */
export function builtinChecklists(): Checklists {
  builtin ??= parseChecklistFiles(readBuiltinChecklistFiles());
  return builtin;
}

/** Review options with the default config, built-in checklists and a pinned clock. */
export function reviewOptions(config: ConfigInput = {}, overrides: Partial<ReviewOptions> = {}): ReviewOptions {
  return {
    config: configSchema.parse(config),
    checklists: builtinChecklists(),
    today: TODAY,
    ...overrides,
  };
}
