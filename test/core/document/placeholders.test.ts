import { describe, expect, it } from 'vitest';
import { isBracketGuidance } from '../../../src/core/document/placeholders.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const placeholders = (md: string) =>
  parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', sampleChecklists).doc.placeholders.map((p) => [p.value, p.line, p.column]);

describe('placeholders', () => {
  it('finds [Date], {date}, {{ }}, TODO and TBD with their places', () => {
    expect(
      placeholders(`# Use X

Date: [Date]
Owner: {{ owner }}

## Context

Load is {date} dependent. TODO: numbers.
Second line TBD.
`),
    ).toEqual([
      ['[Date]', 3, 7],
      ['{{ owner }}', 4, 8],
      ['{date}', 8, 9],
      ['TODO', 8, 27],
      ['TBD', 9, 13],
    ]);
  });

  it('finds template comments but not lint directives', () => {
    expect(
      placeholders(`# Use X

<!-- markdownlint-disable MD013 -->
<!-- lint disable no-html -->

## Decision Drivers <!-- optional -->

<!-- This is an optional element. Feel free to remove. -->
Speed.
`),
    ).toEqual([
      ['<!-- optional -->', 6, 21],
      ['<!-- This is an optional element. Feel free to remove. -->', 8, 1],
    ]);
  });

  it('ignores links, task lists, citations, code and lower-case todo', () => {
    expect(
      placeholders(`# Use X

See [RFC 7231] and [1] and [Kafka](https://kafka.apache.org).

- [x] benchmark done
- [ ] load test

We keep a todo list. \`{not: a placeholder}\`

\`\`\`json
{"status": "TODO"}
\`\`\`
`),
    ).toEqual([]);
  });
});

describe('isBracketGuidance', () => {
  it.each(['xxx', 'Date', 'YYYY-MM-DD', 'option 1', 'e.g., a force', 'describe the problem', 'proposed | accepted', '...', 'condition'])(
    '%s is guidance',
    (inner) => {
      expect(isBracketGuidance(inner)).toBe(true);
    },
  );
  it.each(['RFC 7231', '1', 'Kafka', 'x', 'see benchmark'])('%s is not guidance', (inner) => {
    expect(isBracketGuidance(inner)).toBe(false);
  });
});
