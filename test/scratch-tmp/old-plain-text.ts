import type { Nodes } from 'mdast';

/**
 * Plain text of a node. Unlike mdast-util-to-string, block children are
 * joined with newlines (a list reads "a\nb", not "ab") and HTML is dropped,
 * because comments in templates are guidance, not content.
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'html':
    case 'yaml':
    case 'definition':
    case 'footnoteReference':
    case 'thematicBreak':
      return '';
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'imageReference':
      return node.alt ?? '';
    default:
      break;
  }
  if (!('children' in node)) return '';
  const children = node.children as Nodes[];
  // Phrasing containers concatenate; block containers put each child on its own line.
  const separator = isPhrasingContainer(node) ? '' : node.type === 'tableRow' ? ' | ' : '\n';
  let out = '';
  let first = true;
  for (const child of children) {
    const text = plainText(child);
    if (separator !== '' && text === '') continue;
    out += first ? text : separator + text;
    first = false;
  }
  return out;
}

function isPhrasingContainer(node: Nodes): boolean {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      return true;
    default:
      return false;
  }
}
