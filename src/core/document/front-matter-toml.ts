/**
 * A small TOML reader for `+++` front matter (Hugo sites). ADR front matter
 * only holds flat keys, simple arrays and a table or two; anything beyond that
 * is reported with its line rather than half-read.
 */

/** A TOML error: the 1-based line within the TOML block and what is wrong. */
export interface TomlError {
  line: number;
  reason: string;
}

/** Read simple TOML (key = value, [table], single-line arrays) into an object, or return the first error. */
export function readToml(text: string): { data: Record<string, unknown> } | { error: TomlError } {
  const data: Record<string, unknown> = {};
  let table = data;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = stripComment(lines[i]!).trim();
    if (line === '') continue;
    const header = /^\[\s*([A-Za-z0-9_.-]+)\s*\]$/.exec(line);
    if (header) {
      table = data;
      for (const part of header[1]!.split('.')) {
        const next = table[part];
        if (next !== undefined && (typeof next !== 'object' || next === null || Array.isArray(next))) {
          return { error: { line: i + 1, reason: `table [${header[1]}] redefines key "${part}"` } };
        }
        table = (next as Record<string, unknown> | undefined) ?? (table[part] = {}) as Record<string, unknown>;
      }
      continue;
    }
    // The line is trimmed, so the value starts with a non-space: `\s*(.+)$` overlapped and
    // backtracked quadratically over spaces before a line separator.
    const pair = /^("[^"]*"|[A-Za-z0-9_-]+)\s*=\s*(\S.*)$/.exec(line);
    if (!pair) return { error: { line: i + 1, reason: 'expected `key = value` or `[table]`' } };
    const key = pair[1]!.replace(/^"|"$/g, '');
    const value = readValue(pair[2]!.trim());
    if (value === undefined) {
      return { error: { line: i + 1, reason: `cannot read the value of "${key}" (quote strings: key = "text")` } };
    }
    table[key] = value;
  }
  return { data };
}

function stripComment(line: string): string {
  // A '#' outside quotes starts a comment.
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function readValue(raw: string): unknown {
  if (/^"(?:[^"\\]|\\.)*"$/.test(raw)) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^'[^']*'$/.test(raw)) return raw.slice(1, -1);
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^[+-]?\d[\d_]*(?:\.\d+)?$/.test(raw)) return Number(raw.replace(/_/g, ''));
  // Dates and date-times stay strings, as YAML's core schema leaves them.
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.test(raw)) return raw;
  if (raw.startsWith('[') && raw.endsWith(']')) {
    const inner = raw.slice(1, -1).trim();
    if (inner === '') return [];
    const items = inner.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const values = items.map(readValue);
    return values.includes(undefined) ? undefined : values;
  }
  return undefined;
}
