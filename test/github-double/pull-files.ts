// The `files` of a pull request, computed from two commits the way GitHub's "Files changed" does.
import { countChanges, unifiedPatch } from './diff-patch.js';
import type { ObjectStore } from './git-objects.js';

export type PullFileStatus = 'added' | 'modified' | 'removed' | 'renamed';

export interface PullFileRecord {
  filename: string;
  status: PullFileStatus;
  previousFilename?: string;
  /** Absent for binary files and pure renames, as on GitHub. */
  patch?: string;
  additions: number;
  deletions: number;
  /** Blob sha at the head (at the base for removed files). */
  sha: string;
}

/** Files changed between `baseSha` and `headSha`; `renames` maps new path -> old path. */
export function diffCommits(
  store: ObjectStore,
  baseSha: string,
  headSha: string,
  renames: Readonly<Record<string, string>> = {},
): PullFileRecord[] {
  const before = store.files(baseSha);
  const after = store.files(headSha);
  const renamedFrom = new Set(Object.values(renames));
  const out: PullFileRecord[] = [];
  for (const [path, sha] of after) {
    const oldPath = renames[path];
    if (oldPath !== undefined && before.has(oldPath) && !after.has(oldPath)) {
      out.push(entry(store, path, 'renamed', before.get(oldPath)!, sha, oldPath));
    } else if (!before.has(path)) {
      out.push(entry(store, path, 'added', undefined, sha));
    } else if (before.get(path) !== sha) {
      out.push(entry(store, path, 'modified', before.get(path), sha));
    }
  }
  for (const [path, sha] of before) {
    if (!after.has(path) && !renamedFrom.has(path)) out.push(entry(store, path, 'removed', sha, undefined));
  }
  return out.sort((a, b) => (a.filename < b.filename ? -1 : 1));
}

function entry(
  store: ObjectStore,
  filename: string,
  status: PullFileStatus,
  oldSha: string | undefined,
  newSha: string | undefined,
  previousFilename?: string,
): PullFileRecord {
  const oldText = text(store, oldSha);
  const newText = text(store, newSha);
  const binary = oldText === undefined || newText === undefined;
  const patch = binary || oldText === newText ? undefined : unifiedPatch(oldText, newText);
  const counts = patch === undefined ? { additions: 0, deletions: 0 } : countChanges(patch);
  return {
    filename,
    status,
    ...(previousFilename === undefined ? {} : { previousFilename }),
    ...(patch === undefined ? {} : { patch }),
    ...counts,
    sha: (newSha ?? oldSha)!,
  };
}

// undefined means binary; a missing side (added/removed file) is empty text.
function text(store: ObjectStore, sha: string | undefined): string | undefined {
  if (sha === undefined) return '';
  const blob = store.get(sha);
  if (blob?.type !== 'blob') return '';
  return blob.content.includes(0) ? undefined : blob.content.toString('utf8');
}
