import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * The runner's environment files: step outputs ($GITHUB_OUTPUT) and the job
 * summary ($GITHUB_STEP_SUMMARY). Outputs use the documented multiline form
 * `name<<DELIMITER\nvalue\nDELIMITER`, with a random delimiter that cannot
 * occur in the value, so a summary holding text from the pull request cannot
 * close the value early and set other outputs.
 */

/** A delimiter that does not occur in `value`. */
export function outputDelimiter(value: string, random: () => string = randomUUID): string {
  for (;;) {
    const delimiter = `ghadelimiter_${random()}`;
    if (!value.includes(delimiter)) return delimiter;
  }
}

/** The text to append to $GITHUB_OUTPUT for these outputs. */
export function formatOutputs(outputs: Record<string, string>, random?: () => string): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      const delimiter = outputDelimiter(value, random);
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

/** Appends the outputs to the $GITHUB_OUTPUT file; without one (a local run), nothing is written. */
export function writeOutputs(path: string | undefined, outputs: Record<string, string>): void {
  if (path === undefined || path === '') return;
  appendFileSync(path, formatOutputs(outputs), 'utf8');
}

/** Appends markdown to the $GITHUB_STEP_SUMMARY file; without one, nothing is written. */
export function appendStepSummary(path: string | undefined, markdown: string): void {
  if (path === undefined || path === '') return;
  appendFileSync(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}
