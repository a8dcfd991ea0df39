/**
 * Mermaid's own parser, to hold the pictures the bot draws to what GitHub will
 * draw. Mermaid needs a DOM (DOMPurify binds to `window` at import), so this
 * puts a jsdom window on the global object: only test files that run in a
 * process of their own (the `isolated` project of vitest.config.ts) may use it.
 */
import { JSDOM } from 'jsdom';

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<{ diagramType: string }>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: MermaidDb }> };
}

/** What the tests read back of a parsed diagram. */
export interface MermaidDb {
  getVertices?(): Map<string, { id: string; text: string; classes: string[] }>;
  getEdges?(): { start: string; end: string; text: string }[];
  getSubGraphs?(): { id: string; title: string; nodes: string[] }[];
  getTasks?(): { task: string; startTime: Date; endTime: Date; crit?: boolean; milestone?: boolean; section?: string }[];
}

let loaded: Promise<MermaidApi> | undefined;

function mermaid(): Promise<MermaidApi> {
  loaded ??= (async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const api = (await import('mermaid')).default as unknown as MermaidApi;
    // GitHub renders with the strict security level.
    api.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return api;
  })();
  return loaded;
}

/** Parse Mermaid text as GitHub would; throws Mermaid's parse error. Returns the diagram type and its data. */
export async function parseMermaid(text: string): Promise<{ type: string; db: MermaidDb }> {
  const api = await mermaid();
  const { diagramType } = await api.parse(text);
  const { db } = await api.mermaidAPI.getDiagramFromText(text);
  return { type: diagramType, db };
}

/** Label text as the page will show it: Mermaid keeps `#34;` entities as placeholders until it draws. */
export function shownText(text: string): string {
  return text.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
