/**
 * Validation of the sweep's schedule, a standard five-field cron expression
 * (`0 6 * * *`). Not a scheduler: it only rejects what a cron parser would
 * reject, with a message naming the field. `cron-parser` is in node_modules
 * only as BullMQ's dependency, not ours; importing it would break when
 * BullMQ changes, so the fields are checked here, stricter than cron-parser
 * (no seconds field, no `L`, `W`, `#`, `?` or `@daily` macros).
 */

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  // 7 is Sunday too, as in Vixie cron and cron-parser.
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

// An expression longer than this is not a schedule anyone writes; the bound keeps validation cheap.
const MAX_LENGTH = 200;

/** Why a five-field cron expression is invalid, or undefined when it is valid. */
export function cronProblem(expression: string): string | undefined {
  if (expression.length > MAX_LENGTH) return `a cron expression is at most ${MAX_LENGTH} characters`;
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), as in '0 6 * * *', got ${fields.length}`;
  }
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(fields[i]!, FIELDS[i]!);
    if (problem) return `${FIELDS[i]!.name} field "${fields[i]}": ${problem}`;
  }
  return undefined;
}

function fieldProblem(field: string, spec: FieldSpec): string | undefined {
  for (const part of field.split(',')) {
    if (part === '') return 'empty list item';
    const [range, step, extra] = part.split('/');
    if (extra !== undefined) return 'more than one "/"';
    if (step !== undefined && (!/^\d{1,2}$/.test(step) || Number(step) === 0 || Number(step) > spec.max)) {
      return `step "${step}" must be a number from 1 to ${spec.max}`;
    }
    if (range === '*') continue;
    const bounds = range!.split('-');
    if (bounds.length > 2) return `"${range}" is not a value or a range`;
    const values = bounds.map((b) => valueOf(b, spec));
    if (values.some((v) => v === undefined)) return `"${range}" is not a value from ${spec.min} to ${spec.max}${spec.names ? ` or a name` : ''}`;
    if (values.length === 2 && values[0]! > values[1]!) return `range "${range}" runs backwards`;
  }
  return undefined;
}

function valueOf(text: string, spec: FieldSpec): number | undefined {
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= spec.min && n <= spec.max ? n : undefined;
  }
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  return index === -1 ? undefined : index + spec.min;
}
