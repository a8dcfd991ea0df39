import type { z } from 'zod';
import { configSchema } from './schema.js';

/**
 * The keys the config schema takes at a key path, read from the schema itself
 * so that a "did you mean" never offers a key the schema dropped or misses one it gained.
 */

type Def = { type: string; shape?: Record<string, z.core.$ZodType>; innerType?: z.core.$ZodType };

// Defaults, prefaults and optionals wrap the object whose keys are wanted.
function unwrap(schema: z.core.$ZodType): Def {
  let def = schema._zod.def as Def;
  while ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional') && def.innerType) def = def.innerType._zod.def as Def;
  return def;
}

/** The keys of the mapping at `path` (`[]`: the top level), in schema order; undefined when `path` is not a fixed mapping. */
export function knownKeysAt(path: readonly (string | number)[]): string[] | undefined {
  let def = unwrap(configSchema);
  for (const key of path) {
    const next = def.type === 'object' ? def.shape?.[String(key)] : undefined;
    if (next === undefined) return undefined;
    def = unwrap(next);
  }
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}
