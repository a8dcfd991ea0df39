import { describe, expect, it } from 'vitest';
import { PIECE_LENGTH, pieceStarts } from '../../../src/core/document/piece-starts.js';

const FILLER = `${'The queue keeps a bounded backlog per tenant so one burst cannot starve the rest. '.repeat(40)}\n\n`;

describe('pieceStarts', () => {
  it('cuts before a column-0 heading that follows a blank line and a paragraph, a piece length apart', () => {
    const source = `# Doc\n\n${FILLER}## Two\n\n${FILLER}## Three\n\n${FILLER}`;
    const starts = pieceStarts(source);
    expect(starts).toEqual([source.indexOf('## Two'), source.indexOf('## Three')]);
    expect(starts[0]).toBeGreaterThanOrEqual(PIECE_LENGTH);
  });

  it('does not cut after a list (its last item would be parsed twice), in a fence or in an HTML comment', () => {
    const afterList = `# Doc\n\n${FILLER}- an item\n\n## Two\n\n${FILLER}${FILLER}`;
    expect(pieceStarts(afterList)).toEqual([]);
    const inFence = `# Doc\n\n${FILLER}\`\`\`\nsome text\n\n# a shell comment\n\`\`\`\n\n${FILLER}`;
    expect(pieceStarts(inFence)).toEqual([]);
    const inComment = `# Doc\n\n${FILLER}<!--\nsome text\n\n# commented out\n-->\n\n${FILLER}`;
    expect(pieceStarts(inComment)).toEqual([]);
  });

  it('does not cut an indented heading or one with no space after the hashes', () => {
    const source = `# Doc\n\n${FILLER}   ## Indented\n\n${FILLER}#hashtag\n\n${FILLER}`;
    expect(pieceStarts(source)).toEqual([]);
  });
});
