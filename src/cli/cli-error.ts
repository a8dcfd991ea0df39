/**
 * An error in how the CLI was called (bad flag value, empty title): printed
 * as one line, exit code 2, no stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes: 0 clean, 1 findings of error severity or unreadable input, 2 usage/config/internal errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
