import picomatch from 'picomatch';
import { numberFromFileName } from '../core/document/title.js';
import type { GitHub } from './github-client.js';

/**
 * ADR numbers claimed by other open pull requests, so a new ADR can be told
 * "0012 is already taken by #34" before both merge. One GraphQL query per 50
 * open pull requests, each with its first 100 files.
 */

/** GitHub's PatchStatus values of a file the pull request creates. */
const NEW_FILE: ReadonlySet<string> = new Set(['ADDED', 'COPIED']);

/** Pull requests per query. */
export const PULLS_PER_QUERY = 50;
/** Files read per pull request; ADRs beyond a pull request's first 100 files are not seen. */
export const FILES_PER_PULL = 100;
/** Stop after this many pages (2,500 open pull requests) so a huge repository cannot stall a review. */
export const MAX_PAGES = 50;

/** What the lookup needs. */
export interface OpenPullAdrParams {
  owner: string;
  repo: string;
  /** The pull request under review, left out of the map. */
  exceptPull?: number;
  /** Globs that hold ADRs (config `paths.adr` plus the declared ADR folders as `<dir>/**`). */
  adrGlobs: string[];
}

interface OpenPullsPage {
  repository: {
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: ({ number: number; files: { nodes: ({ path: string; changeType: string } | null)[] | null } | null } | null)[] | null;
    };
  } | null;
}

const QUERY = `query($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: OPEN, first: ${PULLS_PER_QUERY}, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { number files(first: ${FILES_PER_PULL}) { nodes { path changeType } } }
    }
  }
}`;

/** ADR number -> the open pull requests (other than `exceptPull`) that add an ADR file with that number. */
export async function adrNumbersInOpenPullRequests(gh: GitHub, params: OpenPullAdrParams): Promise<Map<number, { pull: number; path: string }[]>> {
  const isAdr = params.adrGlobs.length > 0 ? picomatch(params.adrGlobs, { dot: true }) : () => false;
  const out = new Map<number, { pull: number; path: string }[]>();
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data: OpenPullsPage = await gh.graphql<OpenPullsPage>(QUERY, { owner: params.owner, name: params.repo, after });
    const connection = data.repository?.pullRequests;
    if (connection === undefined) throw new Error(`GitHub GraphQL found no repository ${params.owner}/${params.repo}`);
    for (const pull of connection.nodes ?? []) {
      if (pull === null || pull.number === params.exceptPull) continue;
      for (const file of pull.files?.nodes ?? []) {
        // A copy is a new file too; an edited or renamed ADR keeps the number it had.
        if (file === null || !NEW_FILE.has(file.changeType) || !isAdr(file.path)) continue;
        const number = numberFromFileName(file.path);
        if (number === undefined) continue;
        const claims = out.get(number) ?? [];
        claims.push({ pull: pull.number, path: file.path });
        out.set(number, claims);
      }
    }
    if (!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) break;
    after = connection.pageInfo.endCursor;
  }
  return out;
}
