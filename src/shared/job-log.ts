/**
 * The logger a job writes to: Probot's (pino) in the App, the workflow log in
 * the Action, stderr in the CLI. Shared by the queue, the worker pools and
 * every handler, so it lives below all of them and imports nothing.
 */
export interface JobLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
