import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from './package-root.js';

let cached: string | undefined;

/** The version in this package's package.json (`--version`, JSON and SARIF reports). */
export function packageVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(findPackageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
