import type { Config } from '../../config/schema.js';
import type { Finding } from '../finding.js';
import type { Conclusion } from './types.js';

/** The check run's conclusion from the worst finding, mapped through the config's `checks` key. */
export function conclusionFor(findings: readonly Finding[], checks: Config['checks']): Conclusion {
  if (findings.some((f) => f.severity === 'error')) return checks.onError;
  if (findings.length > 0) return checks.onWarning;
  return checks.onClean;
}
