// A pino-shaped logger that records every line with its child bindings, for asserting what the
// runner logs (the delivery id on every line) without parsing process output.
import type { Logger } from 'probot';

/** One recorded log line: merged bindings, the object and the message. */
export interface LogLine {
  level: string;
  fields: Record<string, unknown>;
  msg: string | undefined;
}

/** A logger whose lines (from it and every child) land in `lines`. */
export function recordingLogger(lines: LogLine[] = [], bindings: Record<string, unknown> = {}): Logger & { lines: LogLine[] } {
  const write =
    (level: string) =>
    (first?: unknown, second?: unknown): void => {
      const obj = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
      const msg = typeof first === 'string' ? first : typeof second === 'string' ? second : undefined;
      lines.push({ level, fields: { ...bindings, ...obj }, msg });
    };
  const logger = {
    lines,
    level: 'trace',
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
    child: (more: Record<string, unknown>) => recordingLogger(lines, { ...bindings, ...more }),
  };
  return logger as unknown as Logger & { lines: LogLine[] };
}
