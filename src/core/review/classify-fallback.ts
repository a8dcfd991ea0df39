import { frontMatterType, looksLikeAdr } from '../document/classify.js';
import type { DocKind } from '../document/model.js';

/** Kind of a document the caller did not classify: front matter `type:`, else what its headings look like. */
export function classifyFallback(text: string): DocKind {
  const head = text.slice(0, 4096);
  return frontMatterType(head) ?? (looksLikeAdr(head) ? 'adr' : 'design-doc');
}
