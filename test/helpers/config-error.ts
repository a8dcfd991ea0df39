import { ConfigError } from '../../src/config/config-error.js';
import { parseConfigText } from '../../src/config/load.js';
import { KNOWN_RULES } from '../../src/core/rule-set/preset.js';

/** The ConfigError that parsing `text` as the config file `file` throws; fails when it parses. */
export function configErrorOf(text: string, file = '.github/design-review.yml'): ConfigError {
  try {
    parseConfigText(text, file, KNOWN_RULES);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(text)}`);
}
