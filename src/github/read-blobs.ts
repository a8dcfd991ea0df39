import type { GitHub } from './github-client.js';

/**
 * Batched reads of file contents through GraphQL: one query per `BLOB_BATCH`
 * files, each file an aliased `object(expression: "<sha>:<path>")`. Paths
 * travel as variables, never spliced into the query text, so a file name
 * cannot change the query.
 */

/** Files per GraphQL query: well under GitHub's node and complexity limits. */
export const BLOB_BATCH = 50;

/** What GitHub says of one blob; null when the path does not exist (or is not a file) at that commit. */
export type BlobRead = { text: string | null; byteSize: number; isBinary: boolean; isTruncated: boolean } | null;

interface BlobNode {
  text?: string | null;
  byteSize?: number;
  isBinary?: boolean | null;
  isTruncated?: boolean;
}

/** The GraphQL document and variables reading `paths` at `sha`; exported for tests. */
export function blobQuery(owner: string, name: string, sha: string, paths: readonly string[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = { owner, name };
  const declarations = ['$owner: String!', '$name: String!'];
  const fields: string[] = [];
  paths.forEach((path, i) => {
    variables[`e${i}`] = `${sha}:${path}`;
    declarations.push(`$e${i}: String!`);
    fields.push(`    f${i}: object(expression: $e${i}) { ... on Blob { text byteSize isBinary isTruncated } }`);
  });
  const query = `query(${declarations.join(', ')}) {\n  repository(owner: $owner, name: $name) {\n${fields.join('\n')}\n  }\n}`;
  return { query, variables };
}

/** Reads `paths` at commit `sha` of `owner/name` in one query; the map holds every asked path. */
export async function readBlobBatch(gh: GitHub, owner: string, name: string, sha: string, paths: readonly string[]): Promise<Map<string, BlobRead>> {
  const out = new Map<string, BlobRead>();
  if (paths.length === 0) return out;
  const { query, variables } = blobQuery(owner, name, sha, paths);
  const data = await gh.graphql<{ repository: Record<string, BlobNode | null> | null }>(query, variables);
  const repository = data.repository;
  if (repository === null) throw new Error(`GitHub GraphQL found no repository ${owner}/${name}`);
  paths.forEach((path, i) => {
    const node = repository[`f${i}`];
    // A tree (a folder named `x.md`) or a submodule matches no `... on Blob` field: not a file.
    if (node === null || node === undefined || node.byteSize === undefined) {
      out.set(path, null);
      return;
    }
    out.set(path, { text: node.text ?? null, byteSize: node.byteSize, isBinary: node.isBinary === true, isTruncated: node.isTruncated === true });
  });
  return out;
}

/** Reads `paths` at `sha` in as few queries as `BLOB_BATCH` allows, one after the other (GitHub asks for serial requests). */
export async function readBlobs(gh: GitHub, owner: string, name: string, sha: string, paths: readonly string[]): Promise<Map<string, BlobRead>> {
  const out = new Map<string, BlobRead>();
  for (let start = 0; start < paths.length; start += BLOB_BATCH) {
    const batch = await readBlobBatch(gh, owner, name, sha, paths.slice(start, start + BLOB_BATCH));
    for (const [path, blob] of batch) out.set(path, blob);
  }
  return out;
}
