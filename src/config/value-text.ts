/**
 * How a message quotes a value found in a YAML or JSON file (a config, a
 * checklist): where it sits in the parsed data, and its JSON text. Each
 * message cuts the text to its own length.
 */

/** The value at `path` in parsed data; undefined when the path leaves the data. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

/** `value` as JSON, or as String() when JSON has no text for it (undefined, a function, a cycle). */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
