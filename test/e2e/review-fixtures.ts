// Documents the scenario e2e files review, checked with the CLI for the findings they carry.

/** ADR 1 with no findings: the clean record most scenarios start from. */
export const POSTGRES_CLEAN = `# 1. Use PostgreSQL for order storage

Date: 2024-03-12

## Status

Accepted

## Context

Orders are written by the checkout service and read by fulfilment. We need
transactions across orders, payments and stock reservations.

## Options considered

- PostgreSQL 16 on the managed service
- DynamoDB

## Decision

We will store orders in PostgreSQL 16 on the managed service, because it
gives transactions across orders, payments and stock.

## Consequences

- Fulfilment can query orders with SQL joins.
- We must run schema migrations with every release, which slows deploys down.
- Costs rise with storage; we accept higher cost for consistency over DynamoDB's lower latency at scale.

## Revisit triggers

- Revisit if order volume exceeds 5,000 writes per second.
- Revisit by 2026-03-01.
`;

/** ADR 2 with findings on lines of the diff: status typo (line 5), empty context (7), a TODO (9), missing sections (1). */
export const KAFKA_FLAWED = `# 2. Use Kafka

## Status

Acepted

## Context

TODO

## Decision

We will use Kafka.
`;

/** KAFKA_FLAWED with the status typo fixed: the adr-status finding goes, the others stay. */
export const KAFKA_STATUS_FIXED = KAFKA_FLAWED.replace('Acepted', 'Accepted');

/** ADR 2 with no findings at all. */
export const KAFKA_CLEAN = `# 2. Use Kafka for order events

Date: 2024-03-12
Deciders: Ana Lima, Bo Chen

## Status

Accepted

## Context

Orders are written by the checkout service and read by fulfilment and billing.
Each consumer polls the orders table today, which loads the primary database.

## Options considered

- Kafka on the managed service
- Polling the orders table

## Decision

We will publish order events to Kafka on the managed service, because
consumers then read at their own pace without loading the database.

## Consequences

- Fulfilment and billing consume events instead of polling.
- We must operate schema evolution for events, which slows changes down.
- Costs rise with retention; we accept higher cost for decoupling over polling's simplicity.

## Revisit triggers

- Revisit if event volume exceeds 5,000 messages per second.
- Revisit by 2026-03-01.
`;

/** A design doc with a non-empty Decision section: the summary offers an ADR drafted from it. */
export const ORDER_EVENTS_DESIGN = `# Order events

## Context

Fulfilment and billing poll the orders table, which loads the primary database.

## Options

- Kafka on the managed service
- Polling the orders table

## Decision

We will publish order events to Kafka on the managed service.

## Consequences

- Consumers read at their own pace.
- We must operate schema evolution for events.
`;

/** A short accepted ADR numbered `n`, for repositories that already hold some. */
export function existingAdr(n: number, title: string): string {
  return `# ${n}. ${title}\n\nDate: 2023-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nContext ${n}.\n\n## Decision\n\nDecision ${n}.\n`;
}
