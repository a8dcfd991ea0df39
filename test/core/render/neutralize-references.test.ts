import { describe, expect, it } from 'vitest';
import { neutralizeReferences } from '../../../src/core/render/neutralize-references.js';
import { compile, registerPartial, render } from '../../../src/core/render/renderer.js';
import { renderTemplate } from '../../../src/core/render/templates.js';
import { buildAdrData } from '../../../src/core/new-adr/adr-data.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { asSeen, HOSTILE_TRIGGER as HOSTILE, liveInMarkdown, liveInText } from '../../helpers/live-references.js';

const ZWSP = '\u200b';

describe('neutralizeReferences', () => {
  it('breaks the reproduced trigger line: no mention, no reference left, and it reads the same', () => {
    expect(liveInText(HOSTILE)).toEqual(['@acme/security-team', '@octocat', '#1', '#1']);
    const out = neutralizeReferences(HOSTILE);
    expect(liveInText(out)).toEqual([]);
    expect(liveInMarkdown(out)).toEqual([]);
    expect(asSeen(out)).toBe(HOSTILE);
  });

  it.each([
    ['@octocat', `@${ZWSP}octocat`],
    ['@acme/security-team', `@${ZWSP}acme/security-team`],
    ['see #12.', `see #${ZWSP}12.`],
    ['acme/other#1', `acme/other#${ZWSP}1`],
    ['GH-12 and gh-7', `GH-${ZWSP}12 and gh-${ZWSP}7`],
    ['https://github.com/acme/other/issues/1', `https${ZWSP}://github.com/acme/other/issues/${ZWSP}1`],
    ['(http://ghe.example.com/acme/app/pull/23/files)', `(http${ZWSP}://ghe.example.com/acme/app/pull/${ZWSP}23/files)`],
    ['www.github.com/acme/other/discussions/4', `www${ZWSP}.github.com/acme/other/discussions/${ZWSP}4`],
  ])('neutralises %j', (text, expected) => {
    expect(neutralizeReferences(text)).toBe(expected);
    expect(liveInMarkdown(neutralizeReferences(text))).toEqual([]);
  });

  it('leaves text without references alone, and is idempotent', () => {
    for (const text of ['# Heading', 'C# and F#', '@ alone', 'https://github.com/acme/other/blob/main/x.md#L12', 'issue #x', '50 % of #']) {
      expect(neutralizeReferences(text)).toBe(text);
    }
    const once = neutralizeReferences(`${HOSTILE} GH-3 https://github.com/a/b/pull/9`);
    expect(neutralizeReferences(once)).toBe(once);
  });

  it('is linear: 1 MB of near-miss URLs, @ and # takes about as long as 1 MB of prose', () => {
    const size = 1_000_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    // The second run of each is timed: the first one also flattens the built-up string.
    const time = (text: string) => {
      neutralizeReferences(text);
      const started = performance.now();
      neutralizeReferences(text);
      return performance.now() - started;
    };
    const benign = fill('the quick brown fox jumps over the lazy dog ');
    const hostile = [
      fill('https://a'),
      fill('http://a/b/c/issues/x '),
      `https://${'a'.repeat(size)}`,
      `www.${'a/'.repeat(size / 2)}`,
      fill('@#GH-'),
      // What a ReDoS fuzzer found for a URL pattern that scanned ahead from every `http`.
      fill('HTTP.:'),
      fill('www.x/issues/'),
    ];
    const baseline = Math.max(time(benign), 5);
    for (const text of hostile) expect(time(text)).toBeLessThan(baseline * 20);
  });
});

describe('the renderer for text posted on GitHub', () => {
  it('neutralises user text in md, mdLine, mdCell and link, in blocks and partials too, only when asked', () => {
    registerPartial('t-neutral-row', '| {{mdCell this}} |');
    compile(
      't-neutral',
      '{{md body}}\n{{mdLine title}}\n{{#each rows}}{{> t-neutral-row}}\n{{/each}}{{link title url}}\n{{link title "not a url #2"}}\n{{code title}}\n',
    );
    const data = { body: HOSTILE, title: 'Ping @octocat #1', rows: ['@acme/security-team'], url: 'https://example.com/a#1' };
    const posted = render('t-neutral', data, { neutralizeReferences: true });
    expect(liveInMarkdown(posted)).toEqual([]);
    // The link target is left as it is; a code span keeps its text exact (GitHub links nothing in code).
    expect(posted).toContain('(https://example.com/a#1)');
    expect(posted).toContain('`Ping @octocat #1`');
    expect(asSeen(posted)).toBe(render('t-neutral', data));
    // File content (an ADR) is not posted: it stays exact.
    expect(liveInMarkdown(render('t-neutral', data)).length).toBeGreaterThan(0);
  });

  it('renders the built-in templates posted on GitHub with references neutralised, and document templates exact', () => {
    loadBuiltinTemplates();
    const reply = renderTemplate('adr-command-usage', { subcommand: 'new', message: HOSTILE });
    expect(asSeen(reply)).toContain(HOSTILE);
    expect(liveInMarkdown(reply)).toEqual([]);
    const adr = renderTemplate('adr', buildAdrData({ title: 'Use X', number: 1, date: '2026-01-02', status: 'proposed', context: HOSTILE, defaultCalendar: '6 months', categories: [] }));
    expect(adr).toContain(HOSTILE);
  });
});
