// Seeds for the reminder end-to-end tests: an ADR whose revisit date is relative to the real
// date (yesterday, in UTC), so the sweep finds it due whatever day the tests run.
import type { RecordedRequest } from '../github-double/recording.js';

/** The UTC date `days` from today, ISO. */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** An accepted ADR whose calendar trigger fell due yesterday. */
export function dueAdr(number = 1): string {
  return `# ${number}. Use PostgreSQL for order storage

Date: ${isoDay(-400)}

## Status

Accepted

## Context

Orders need transactions across orders, payments and stock reservations.

## Options considered

- PostgreSQL 16
- DynamoDB

## Decision

We will store orders in PostgreSQL 16, because it gives transactions.

## Consequences

- We must run schema migrations with every release, which slows deploys down.

## Revisit triggers

- Revisit by ${isoDay(-1)}.
`;
}

/** An accepted ADR not due for another year. */
export function notDueAdr(number = 2): string {
  return dueAdr(number).replace(`Revisit by ${isoDay(-1)}`, `Revisit by ${isoDay(365)}`).replace('PostgreSQL for order storage', 'Kafka for order events');
}

/** The reminder issues the App created on `repo` (owner/name, any case). */
export function issueCreations(requests: readonly RecordedRequest[], repo: string): RecordedRequest[] {
  return requests.filter((r) => r.operationId === 'issues/create' && r.path.toLowerCase().includes(`/repos/${repo.toLowerCase()}/issues`));
}

/** The JSON log lines of an App process that carry `msg`. */
export function logLines(output: string, msg: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(msg))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
