import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Checklists } from '../core/checklists/types.js';
import { readAdrDirs } from '../io/read-adr-dirs.js';
import { readChecklists } from '../io/read-checklists.js';
import { KNOWN_RULES } from '../core/rule-set/preset.js';

/** Everything a review run needs from the repository before reading documents. */
export interface ReviewContext {
  root: string;
  config: Config;
  configPath?: string;
  checklists: Checklists;
  adrDirs: string[];
}

/**
 * Load the config (`--config` or `.github/design-review.yml`), the checklists
 * it names and the ADR folders the repository declares. Throws ConfigError /
 * ChecklistError, which the CLI reports as usage errors (exit 2).
 */
export async function loadReviewContext(cwd: string, configPath?: string): Promise<ReviewContext> {
  const loaded = await loadConfig(configPath ? { cwd, configPath, rules: KNOWN_RULES } : { cwd, rules: KNOWN_RULES });
  const [checklists, adrDirs] = await Promise.all([
    readChecklists(loaded.config.checklists, loaded.root),
    readAdrDirs(loaded.root),
  ]);
  const context: ReviewContext = { root: loaded.root, config: loaded.config, checklists, adrDirs };
  if (loaded.path) context.configPath = loaded.path;
  return context;
}
