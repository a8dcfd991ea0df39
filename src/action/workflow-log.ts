import type { JobLog } from '../shared/job-log.js';
import { permissionHint } from './permission-hint.js';
import { plainLine, workflowCommand } from './workflow-commands.js';

/**
 * The review job's logger on a runner: info as plain lines, warnings and
 * errors as workflow commands so they show up as annotations on the run. Only
 * the message and a few known fields are printed, never whole objects: an
 * error object carries its request, and its request carries the token.
 */

/** Where the lines go (stdout on a runner) and what the hints need to know. */
export interface WorkflowLogOptions {
  write: (line: string) => void;
  fromFork?: boolean;
  eventName?: string;
}

// Fields worth a reader's attention, in this order; the rest is noise on a runner.
const SHOWN_FIELDS = ['pullNumber', 'headSha', 'conclusion', 'findings', 'posted', 'reviewed', 'head'] as const;

/** A JobLog that writes workflow commands. */
export function workflowLog(options: WorkflowLogOptions): JobLog {
  const { write } = options;
  const describe = (obj: object, msg: string | undefined): string => {
    const fields = obj as Record<string, unknown>;
    const shown = SHOWN_FIELDS.filter((k) => typeof fields[k] === 'string' || typeof fields[k] === 'number').map((k) => `${k}=${String(fields[k])}`);
    const err = fields['err'];
    const reason = err === undefined ? undefined : errorText(err, options);
    const head = [msg ?? '', shown.length > 0 ? `(${shown.join(', ')})` : ''].filter((p) => p !== '').join(' ');
    return reason === undefined ? head : `${head}: ${reason}`;
  };
  return {
    info: (obj, msg) => write(plainLine(describe(obj, msg))),
    warn: (obj, msg) => write(workflowCommand('warning', describe(obj, msg), { title: 'Design review' })),
    error: (obj, msg) => write(workflowCommand('error', describe(obj, msg), { title: 'Design review' })),
  };
}

/** The text for an error: the permission to grant for a 403, else its message. */
export function errorText(error: unknown, options: { fromFork?: boolean; eventName?: string } = {}): string {
  return permissionHint(error, options) ?? (error instanceof Error ? error.message : String(error));
}
