/** Documents the CLI tests put in temporary repositories. */

/** An ADR that follows every check: no findings. */
export const CLEAN_ADR = `# 1. Use PostgreSQL for order storage

Date: 2026-01-10

## Status

Accepted

## Context

Order processing needs durable, transactional storage for about 2,000 orders per minute at peak.
The team of six engineers already runs PostgreSQL 16 in production, the budget is $3,000 per month,
and the data must stay in the EU for GDPR. This is a Type 1 decision: migrating the order history
later would be costly.

## Considered Options

- PostgreSQL 16 on the managed cloud service
- DynamoDB with single-table design
- Do nothing: keep orders in the legacy MySQL 5.7 instance

## Decision

We will use PostgreSQL 16 on the managed service, because it gives transactions across orders and
payments, the team knows it, and it costs about $1,200 per month at projected scale.

## Consequences

- Good, because order and payment updates commit atomically.
- Good, because the team needs no new operational skills.
- Bad, because write throughput tops out near 10,000 writes per second on one primary.
- Bad, because we pay for provisioned capacity when traffic is low.

## Trade-offs accepted

We give up the near-unlimited write scaling of DynamoDB in exchange for transactions and a familiar
tool. The main risk is write saturation at peak; we mitigate it with a read replica and batching.

## Revisit Triggers

- Scale: peak writes exceed 8,000 per second for a week (alert \`orders-db-write-rate\`).
- Cost: the database bill exceeds $5,000 per month.
- Calendar: revisit by 2026-07-10.

## Participants

- @alice (tech lead), @bob (SRE on call for the database)
`;

/** An ADR with problems: misspelt status, no date, options, consequences or triggers. */
export const ADR_WITH_FINDINGS = `# 2. Use Kafka

## Status

Acepted

## Context

We need a queue.

## Decision

Use Kafka.
`;

/** A design doc (front matter type) that addresses two pillars. */
export const DESIGN_DOC = `---
type: design-doc
---
# Search service design

## Problem

Users cannot find orders older than 30 days; support handles 200 tickets a week about it.

## Security

Access uses least privilege, with encryption in transit and at rest.

## Reliability

Health checks, retries with backoff and a circuit breaker protect the index.
`;

/** An ADR whose front matter is not valid YAML. */
export const BAD_FRONT_MATTER_ADR = `---
title: [broken
status: accepted
---
# 3. Broken front matter

## Status

Accepted
`;

/** Bytes with a NUL: a binary file with a Markdown name. */
export const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03, 0x0a]);

/** An ADR with a byte sequence that is not UTF-8. */
export const INVALID_UTF8 = new Uint8Array([...Buffer.from('# 4. Bad bytes \n\n'), 0xff, 0xfe, 0x0a]);
