/**
 * GitHub Actions workflow commands (`::error title=…::message`), escaped as the
 * runner decodes them: `%`, CR and LF in the message; also `:` and `,` in
 * property values, which delimit the command. Unescaped, a line break in a
 * message (a file name, GitHub's error text) would end the command and let the
 * rest be read as a new one.
 */

/** The annotation-level commands this action writes. */
export type WorkflowCommand = 'error' | 'warning' | 'notice' | 'debug';

/** Escapes a workflow-command message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow-command line, e.g. `::error title=Design review::message`. */
export function workflowCommand(command: WorkflowCommand, message: string, properties: Record<string, string> = {}): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${command}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

/**
 * A plain log line that the runner cannot mistake for a command: line breaks
 * become spaces, and a leading `::` is indented.
 */
export function plainLine(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  return flat.startsWith('::') ? ` ${flat}` : flat;
}
