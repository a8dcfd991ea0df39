import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { parseMarkdown } from '../../../src/core/document/parse-markdown.js';
import { buildDecisionDoc } from '../../../src/core/document/parse.js';
import { computeCoverage } from '../../../src/core/review/coverage.js';
import { classifyDesign, MIN_SYSTEM_SIGNALS, SYSTEM_RATIO } from '../../../src/core/review/design-kind.js';
import { builtinChecklists, TODAY } from '../../helpers/review-options.js';

function designDoc(text: string, path = 'docs/design/x.md') {
  return buildDecisionDoc(parseMarkdown(text), text, path, 'design-doc', builtinChecklists());
}

function classify(text: string, config?: ConfigInput, path?: string) {
  return classifyDesign(designDoc(text, path), config ? configSchema.parse(config) : undefined);
}

/** A design for a service: deploys, traffic, a datastore, cloud services, on-call, cost. */
const SERVICE = [
  '# Design: order history service',
  '',
  '## Context',
  '',
  'Order pages query the primary database directly, and peak traffic of 2,000 requests per second',
  'slows checkout. The on-call engineer was paged twice last month.',
  '',
  '## Proposal',
  '',
  'A read service on ECS keeps the last 90 days of orders in DynamoDB, fed from the order queue.',
  'We deploy it in two regions; the running cost is about $300 per month.',
  '',
].join('\n');

/** A language change: syntax, expressions, compatibility, and the headings of an RFC template. */
const LANGUAGE = [
  '# RFC: pattern guards in match arms',
  '',
  '## Summary',
  '',
  'Allow an `if` guard after any pattern of a match arm.',
  '',
  '## Guide-level explanation',
  '',
  'The guard is an expression of type bool; the syntax reuses the `if` keyword, so the grammar grows',
  'by one rule. The change is backwards compatible: no valid program changes meaning.',
  '',
  '## Drawbacks',
  '',
  'One more place where side effects can hide.',
  '',
  '## Rationale and alternatives',
  '',
  'Nested matches express the same thing with more indentation.',
  '',
].join('\n');

describe('classifyDesign: signals', () => {
  it('reads a service design as a system design and names the signals it counted', () => {
    const result = classify(SERVICE);
    expect(result.kind).toBe('system');
    expect(result.source).toBe('signals');
    expect(result.systemSignals).toEqual(
      expect.arrayContaining(['database', 'traffic', 'requests per second', 'on-call', 'ecs', 'dynamodb', 'queue', 'we deploy', 'regions']),
    );
    expect(result.changeSignals).toEqual([]);
    expect(result.reason).toMatch(/^it reads as a design for a running system: \d+ system signals \(/);
  });

  it('reads a language change as a change, counting its template headings as change signals', () => {
    const result = classify(LANGUAGE);
    expect(result.kind).toBe('change');
    expect(result.changeSignals).toEqual(
      expect.arrayContaining(['expression', 'syntax', 'keyword', '"Guide-level explanation" heading', '"Drawbacks" heading']),
    );
    expect(result.reason).toContain('it reads as a change to a language, library, API, file format or process, not a running system');
  });

  it('does not count words in headings: a heading is a topic, not a signal', () => {
    const headingsOnly = '# Design: AWS database deploy\n\n## Traffic and latency\n\n## On-call and cost\n\nTo be written.\n';
    expect(classify(headingsOnly).systemSignals).toEqual([]);
  });

  it('counts a word once however it is inflected, and at most three words per family', () => {
    const deploys = 'The service is deployed by CI; deploying takes a minute, and a deploy happens twice a day.\n';
    // Shown as first written.
    expect(classify(`# Design: x\n\n## A\n\n${deploys}`).systemSignals.filter((w) => w.includes('deploy'))).toEqual(['deployed']);
    const cloud = 'It uses S3, SQS, SNS, Lambda and DynamoDB on AWS.\n';
    expect(classify(`# Design: x\n\n## A\n\n${cloud}`).systemSignals).toEqual(['s3', 'sqs', 'sns']);
  });

  it(`needs ${MIN_SYSTEM_SIGNALS} system signals and ${SYSTEM_RATIO} times as many as change signals`, () => {
    const three = '# Design: x\n\n## A\n\nA queue feeds a worker that writes to a database.\n';
    expect(classify(three).systemSignals).toHaveLength(3);
    expect(classify(three).kind).toBe('change');
    const four = '# Design: x\n\n## A\n\nA queue feeds a worker that writes to a database in one region.\n';
    expect(classify(four).systemSignals).toHaveLength(4);
    expect(classify(four).kind).toBe('system');
    // Four system signals against two change signals: 4 < 2.5 x 2.
    const mixed = `${four}\nThe SDK exposes a new method.\n`;
    expect(classify(mixed).changeSignals).toEqual(['sdk', 'method']);
    expect(classify(mixed).kind).toBe('change');
  });
});

describe('classifyDesign: overrides', () => {
  it('lets front matter design-kind decide, whatever the text says', () => {
    expect(classify(`---\ndesign-kind: change\n---\n\n${SERVICE}`)).toMatchObject({
      kind: 'change',
      source: 'front-matter',
      reason: 'front matter says design-kind: change',
    });
    expect(classify(`---\ndesign-kind: system\n---\n\n${LANGUAGE}`)).toMatchObject({ kind: 'system', source: 'front-matter' });
  });

  it('says so when front matter design-kind is neither system nor change, and reads the text', () => {
    const result = classify(`---\ndesign-kind: service\n---\n\n${SERVICE}`);
    expect(result).toMatchObject({ kind: 'system', source: 'signals' });
    expect(result.reason).toContain('front matter "design-kind: service" is neither system nor change');
  });

  it('follows the config globs paths.systemDesign and paths.changeProposal; front matter still wins', () => {
    const config = { paths: { systemDesign: ['infra/**'], changeProposal: ['rfcs/**'] } };
    expect(classify(SERVICE, config, 'rfcs/0007-orders.md')).toMatchObject({
      kind: 'change',
      source: 'config',
      reason: 'the path matches paths.changeProposal in the config',
    });
    expect(classify(LANGUAGE, config, 'infra/guards.md')).toMatchObject({ kind: 'system', source: 'config' });
    expect(classify(`---\ndesign-kind: system\n---\n\n${SERVICE}`, config, 'rfcs/0007-orders.md')).toMatchObject({
      kind: 'system',
      source: 'front-matter',
    });
    expect(classify(SERVICE, config, 'docs/design/orders.md').source).toBe('signals');
  });
});

describe('computeCoverage: design kind', () => {
  it('gives a change no pillars and says why', () => {
    const coverage = computeCoverage(designDoc(LANGUAGE), builtinChecklists(), TODAY);
    expect(coverage.pillars).toEqual([]);
    expect(coverage.design).toMatchObject({ kind: 'change', source: 'signals' });
    expect(coverage.design?.reason).toContain('not a running system');
  });

  it('gives a system design its six pillars', () => {
    const coverage = computeCoverage(designDoc(SERVICE), builtinChecklists(), TODAY);
    expect(coverage.design?.kind).toBe('system');
    expect(coverage.pillars).toHaveLength(6);
  });

  it('classifies design docs only', () => {
    const text = '# 1. Use DynamoDB\n\n## Status\n\nAccepted\n\n## Decision\n\nWe deploy DynamoDB in two regions.\n';
    const adr = buildDecisionDoc(parseMarkdown(text), text, 'docs/adr/0001-use-dynamodb.md', 'adr', builtinChecklists());
    expect(computeCoverage(adr, builtinChecklists(), TODAY).design).toBeUndefined();
  });

  it('uses the config passed to it for the path overrides', () => {
    const config = configSchema.parse({ paths: { systemDesign: ['docs/design/**'] } });
    const coverage = computeCoverage(designDoc(LANGUAGE), builtinChecklists(), TODAY, config);
    expect(coverage.design).toMatchObject({ kind: 'system', source: 'config' });
    expect(coverage.pillars).toHaveLength(6);
  });
});
