import { renderTriggersJson, renderTriggersText } from '../core/output/triggers.js';
import { listTriggers } from '../core/reminders/trigger-rows.js';
import { parseDuration } from '../core/document/dates.js';
import { EXIT_OK } from './cli-error.js';
import { READ_ERROR_RULE_ID } from './collect-files.js';
import { reviewPaths, type CommandIo } from './check-command.js';
import { loadReviewContext } from './review-context.js';
import { useColor } from './terminal-env.js';
import { packageVersion } from '../io/package-version.js';

/** Flags of `design-review triggers`. */
export interface TriggersFlags {
  format: 'text' | 'json';
  config?: string;
  today: string;
  color: boolean;
}

/**
 * `design-review triggers [paths...]`: review the documents, then list
 * their revisit triggers with due dates against `--today`, due ones first.
 * Always exits 0: a due trigger is a reminder, not a failure.
 */
export async function runTriggers(paths: string[], flags: TriggersFlags, io: CommandIo): Promise<number> {
  const review = await reviewPaths(paths, flags, io);
  // The sweep's Type 1 default comes from the same config, so the list shows every reminder the sweep would open.
  const { config } = await loadReviewContext(io.cwd, flags.config);
  const rows = listTriggers(review.documents, flags.today, {
    type1Default: parseDuration(config.revisit.type1Default),
    type1DefaultText: config.revisit.type1Default.trim(),
  });
  const output =
    flags.format === 'json'
      ? renderTriggersJson(rows, { today: flags.today, version: packageVersion() })
      : renderTriggersText(rows, { today: flags.today, color: useColor(flags.color, io.stdout) });
  io.stdout.write(output);
  const unreadable = review.findings.filter((f) => f.ruleId === READ_ERROR_RULE_ID);
  for (const f of unreadable) io.stderr.write(`design-review: ${f.message}\n`);
  return EXIT_OK;
}
